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

function describe(errors: readonly ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) => `${error.property}: ${message} (got ${JSON.stringify(error.value) ?? 'nothing'})`,
    ),
  );
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
  const problems = describe(validateSync(instance, { whitelist: false, skipMissingProperties: false }));
  if (problems.length > 0) throw new InvalidEnvironmentError(service, problems);
  return instance;
}
