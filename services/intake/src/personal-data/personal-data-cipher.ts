import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The columns encrypted at rest, as named in the additional data (a value cannot be moved to another column). */
export type PersonalColumn = 'applicant_id_number' | 'applicant_phone';

/**
 * An applicant's ID number and phone as intake stores them: AES-256-GCM under a key only the intake service holds
 * (never the database), bound to the column and the application it belongs to, so a value copied to another row
 * does not decrypt. Staff find people by the keyed digests (lookupDigest), never by these values.
 */
export class PersonalDataCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the personal data key must be 32 bytes');
  }

  encrypt(column: PersonalColumn, rowId: string, value: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${column}:${rowId}`, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  decrypt(column: PersonalColumn, rowId: string, stored: string): string {
    if (!isEncrypted(stored)) throw new Error(`${column} of ${rowId} is not encrypted`);
    const bytes = Buffer.from(stored.slice(VERSION.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`${column}:${rowId}`, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  /** For a nullable column: null stays null. */
  decryptNullable(column: PersonalColumn, rowId: string, stored: string | null): string | null {
    return stored === null ? null : this.decrypt(column, rowId, stored);
  }
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(VERSION);
}
