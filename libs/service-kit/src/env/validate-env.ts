// Implicit conversion of env strings reads the design types TypeScript emits.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class InvalidEnvironmentError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${service} cannot start: its environment is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'InvalidEnvironmentError';
  }
}

// One line per variable, with the value as it was given (not as converted: "eighty" is clearer than NaN).
function describe(errors: readonly ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.map((error) => {
    const given = env[error.property];
    const messages = Object.values(error.constraints ?? {}).join('; ');
    return `${error.property}: ${messages} (got ${given === undefined ? 'nothing' : JSON.stringify(given)})`;
  });
}

/**
 * Checks the whole environment against the service's env class at boot and names every variable that is
 * missing or malformed at once, so an operator fixes them in one go instead of one crash at a time.
 */
export function validateEnv<T extends object>(
  service: string,
  envClass: new () => T,
  env: Record<string, string | undefined>,
): T {
  const instance = plainToInstance(envClass, env, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const problems = describe(validateSync(instance, { whitelist: false, skipMissingProperties: false }), env);
  if (problems.length > 0) throw new InvalidEnvironmentError(service, problems);
  return instance;
}
