import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, verifyToken } from '../tokens/tokens';
import { ensureSigningKeyPair, readPrivateKeyFile, readPublicKeyFile } from './key-files';

describe('token signing key files', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'oneseal-keys-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the key pair once (private key 0600) and keeps it on the next start', () => {
    const files = {
      privateKeyFile: join(folder, 'keys/token-signing.key'),
      publicKeyFile: join(folder, 'keys/token-signing.pub'),
    };
    expect(ensureSigningKeyPair(files)).toBe(true);
    const privatePem = readFileSync(files.privateKeyFile, 'utf8');
    expect(privatePem).toContain('BEGIN PRIVATE KEY');
    expect(statSync(files.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(ensureSigningKeyPair(files)).toBe(false);
    expect(readFileSync(files.privateKeyFile, 'utf8')).toBe(privatePem);

    const { token } = issueToken(
      { id: 'u', name: '某', roles: ['auditor'], county: '140525' },
      readPrivateKeyFile(files.privateKeyFile),
    );
    expect(verifyToken(token, readPublicKeyFile(files.publicKeyFile)).id).toBe('u');
  });

  it('derives a lost public file again from the private key', () => {
    const files = { privateKeyFile: join(folder, 'a.key'), publicKeyFile: join(folder, 'a.pub') };
    ensureSigningKeyPair(files);
    const publicPem = readFileSync(files.publicKeyFile, 'utf8');
    rmSync(files.publicKeyFile);
    expect(ensureSigningKeyPair(files)).toBe(false);
    expect(readFileSync(files.publicKeyFile, 'utf8')).toBe(publicPem);
  });

  it('names what is wrong with a key file without printing its content', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(join(folder, 'rsa.pub'), rsa.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(folder, 'junk.key'), 'secret-looking-junk');
    expect(() => readPublicKeyFile(join(folder, 'rsa.pub'))).toThrow('not an Ed25519 public key');
    expect(() => readPublicKeyFile(join(folder, 'missing.pub'))).toThrow('cannot read the token public key');
    expect(() => readPrivateKeyFile(join(folder, 'junk.key'))).toThrow(/is not a PEM private key$/);
  });
});
