import { IsUrl, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { readPrivateKeyFile, readPublicKeyFile } from '../keys/key-files';

function readable(read: (file: string) => unknown) {
  return (value: unknown): boolean => {
    if (typeof value !== 'string' || value === '') return false;
    try {
      read(value);
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * For a service's env class: the file holding the identity service's Ed25519 public key (PEM), checked at boot
 * with the rest of the environment so a missing or wrong key is named before the service listens.
 */
export function IsTokenPublicKeyFile(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTokenPublicKeyFile',
      validator: {
        validate: readable(readPublicKeyFile),
        defaultMessage: buildMessage(
          (each) => `${each}$property must name a readable Ed25519 public key PEM file`,
          options,
        ),
      },
    },
    options,
  );
}

/** For the identity service's env class only: the Ed25519 private key (PKCS#8 PEM) that signs tokens. */
export function IsTokenSigningKeyFile(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTokenSigningKeyFile',
      validator: {
        validate: readable(readPrivateKeyFile),
        defaultMessage: buildMessage(
          (each) => `${each}$property must name a readable Ed25519 private key PEM file`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * What a service that checks tokens adds to its env class (env classes extend ServiceEnv, so these are copied as
 * a property rather than inherited):
 *
 *   @IsTokenPublicKeyFile()
 *   AUTH_PUBLIC_KEY_FILE!: string;
 *   @IsUrl({ require_tld: false })
 *   AUTH_SESSION_URL!: string;
 */
export class AuthEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  /** The identity service, which says whether a token's session is still current (http://127.0.0.1:3107). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;
}
