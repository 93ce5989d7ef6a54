// Implicit conversion of env strings reads the design types TypeScript emits.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { readFileSync } from 'node:fs';

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
 * Secrets from files (Docker and Kubernetes secrets): for a variable the env class declares, `NAME_FILE` names a
 * file holding its value, used when `NAME` itself is not set. A file that cannot be read is a problem like any other.
 */
function withSecretFiles<T extends object>(
  envClass: new () => T,
  env: Record<string, string | undefined>,
): { env: Record<string, string | undefined>; problems: string[] } {
  const declared = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(envClass, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  const resolved = { ...env };
  const problems: string[] = [];
  for (const name of declared) {
    const file = env[`${name}_FILE`];
    if (env[name] !== undefined || file === undefined) continue;
    try {
      resolved[name] = readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push(
        `${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  }
  return { env: resolved, problems };
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
  const secrets = withSecretFiles(envClass, env);
  const instance = plainToInstance(envClass, secrets.env, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const problems = [
    ...secrets.problems,
    ...describe(validateSync(instance, { whitelist: false, skipMissingProperties: false }), secrets.env),
  ];
  if (problems.length > 0) throw new InvalidEnvironmentError(service, problems);
  return instance;
}
