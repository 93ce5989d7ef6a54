import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSm2KeyPair, isSm2PublicKey, type Sm2KeyPair } from '@oneseal/gm-crypto';

/**
 * The system's SM2 key that signs checkpoints of the audit log, kept in a file only the audit service reads (a
 * Docker or Kubernetes secret in production). Created once: checkpoints signed before must still verify.
 */
export function ensureCheckpointKey(file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(generateSm2KeyPair())}\n`, { mode: 0o600, flag: 'wx' });
  return true;
}

export function readCheckpointKey(file: string): Sm2KeyPair {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Sm2KeyPair>;
  if (
    typeof parsed.privateKey !== 'string' ||
    !/^[0-9a-f]{64}$/.test(parsed.privateKey) ||
    typeof parsed.publicKey !== 'string' ||
    !isSm2PublicKey(parsed.publicKey)
  ) {
    throw new Error(`${file} is not an SM2 key pair ({"publicKey": "04…", "privateKey": "…"})`);
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}
