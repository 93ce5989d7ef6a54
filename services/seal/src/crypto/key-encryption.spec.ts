import { randomBytes } from 'node:crypto';
import { KeyEncryption } from './key-encryption';

describe('private keys encrypted at rest', () => {
  const keys = new KeyEncryption(randomBytes(32).toString('hex'));
  const secret = 'a1b2c3d4'.repeat(8);

  it('decrypts what it encrypted for the same owner, and never stores the secret in clear', () => {
    const stored = keys.encrypt(secret, 'seal-1');
    expect(stored).toMatch(/^aes-256-gcm:v1:[0-9a-f]{24}:[0-9a-f]{32}:[0-9a-f]+$/);
    expect(stored).not.toContain(secret);
    expect(keys.decrypt(stored, 'seal-1')).toBe(secret);
    expect(keys.encrypt(secret, 'seal-1')).not.toBe(stored);
  });

  it('refuses a ciphertext moved to another owner or read with another key, without revealing anything', () => {
    const stored = keys.encrypt(secret, 'seal-1');
    expect(() => keys.decrypt(stored, 'seal-2')).toThrow('the private key of seal-2 cannot be decrypted');
    const other = new KeyEncryption(randomBytes(32).toString('hex'));
    expect(() => other.decrypt(stored, 'seal-1')).toThrow(/cannot be decrypted/);
  });

  it('accepts only a 64-hex-character key', () => {
    expect(() => new KeyEncryption('abc')).toThrow('64 hex characters');
  });
});
