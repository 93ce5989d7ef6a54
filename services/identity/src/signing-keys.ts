import { ensureSigningKeyPair } from '@oneseal/auth';
import { exitOnBootFailure } from '@oneseal/service-kit';

/**
 * Run before the first start (npm start and docker-compose do): creates the token signing key pair at
 * AUTH_PRIVATE_KEY_FILE and AUTH_PUBLIC_KEY_FILE if there is none, and keeps an existing one.
 */
function main(): void {
  const privateKeyFile = process.env.AUTH_PRIVATE_KEY_FILE;
  const publicKeyFile = process.env.AUTH_PUBLIC_KEY_FILE;
  if (!privateKeyFile || !publicKeyFile)
    throw new Error('set AUTH_PRIVATE_KEY_FILE and AUTH_PUBLIC_KEY_FILE to where the key pair belongs');
  const created = ensureSigningKeyPair({ privateKeyFile, publicKeyFile });
  process.stdout.write(
    created
      ? `identity: created the token signing key ${privateKeyFile} (public key ${publicKeyFile})\n`
      : `identity: token signing key ${privateKeyFile} already present, kept\n`,
  );
}

try {
  main();
} catch (error) {
  exitOnBootFailure('identity signing keys')(error);
}
