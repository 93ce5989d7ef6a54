import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new SigningKeyError(
      `cannot read the ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function requireEd25519(key: KeyObject, file: string, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(
      `${file} holds a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not an Ed25519 ${what}`,
    );
  return key;
}

/** The public half that every service verifies tokens with (an SPKI PEM file), or another Ed25519 public key. */
export function readPublicKeyFile(file: string, what = 'token public key'): KeyObject {
  const pem = readPem(file, what);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new SigningKeyError(`${file} is not a PEM public key`);
  }
  if (key.type !== 'public') throw new SigningKeyError(`${file} must hold the public key only`);
  return requireEd25519(key, file, 'public key');
}

/** The private key only the identity service holds (a PKCS#8 PEM file), or another Ed25519 private key. */
export function readPrivateKeyFile(file: string, what = 'token signing key'): KeyObject {
  const pem = readPem(file, what);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    // Never echo the file's content: it is a secret.
    throw new SigningKeyError(`${file} is not a PEM private key`);
  }
  return requireEd25519(key, file, 'private key');
}

export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * Creates an Ed25519 key pair (the login tokens', an event producer's) on first start and leaves an existing one
 * alone: a new token key would log everybody out. The private key is written readable by its owner only; a missing public file is derived again
 * from the private key. Returns whether a new key pair was made.
 */
export function ensureSigningKeyPair(files: { privateKeyFile: string; publicKeyFile: string }): boolean {
  const { privateKeyFile, publicKeyFile } = files;
  let created = false;
  if (!existsSync(privateKeyFile)) {
    mkdirSync(dirname(privateKeyFile), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
    created = true;
  }
  const expectedPublic = publicKeyPem(readPrivateKeyFile(privateKeyFile));
  if (created || !existsSync(publicKeyFile) || readFileSync(publicKeyFile, 'utf8') !== expectedPublic) {
    mkdirSync(dirname(publicKeyFile), { recursive: true });
    writeFileSync(publicKeyFile, expectedPublic, { mode: 0o644 });
  }
  return created;
}
