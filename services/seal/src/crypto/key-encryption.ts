import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'aes-256-gcm:v1';

/**
 * Encrypts private keys at rest with AES-256-GCM under the key from SEAL_KEY_ENCRYPTION_KEY. The owner of a key
 * (a seal id, a county's seal maker) is bound in as additional authenticated data, so a ciphertext copied onto
 * another row does not decrypt. Stored as `aes-256-gcm:v1:<iv>:<tag>:<ciphertext>` (hex).
 */
export class KeyEncryption {
  private readonly key: Buffer;

  constructor(hexKey: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(hexKey)) {
      throw new Error('the key encryption key must be 64 hex characters');
    }
    this.key = Buffer.from(hexKey, 'hex');
  }

  encrypt(secret: string, owner: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('hex'), cipher.getAuthTag().toString('hex'), ciphertext.toString('hex')].join(
      ':',
    );
  }

  decrypt(stored: string, owner: string): string {
    const parts = stored.split(':');
    if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== FORMAT) {
      throw new Error(`encrypted key of ${owner} is not in the ${FORMAT} format`);
    }
    const [, , iv, tag, ciphertext] = parts;
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'hex'));
    decipher.setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'hex'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'hex')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      // The message names the owner, never the key material.
      throw new Error(`the private key of ${owner} cannot be decrypted with this SEAL_KEY_ENCRYPTION_KEY`);
    }
  }
}
