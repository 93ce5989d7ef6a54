import type { EntityManager } from 'typeorm';
import type { KeyEncryption } from '../crypto/key-encryption';
import { generateSm2KeyPair, type Sm2KeyPair } from '@oneseal/gm-crypto';
import { countySealMakerId } from './seal-record';

export interface CountySealMaker {
  id: string;
  name: string;
  keys: Sm2KeyPair;
}

/**
 * The county's electronic seal maker (电子印章制作单位): made on first use, its private key stored encrypted.
 * Two first uses at once make one maker: the insert is conditional and both read the row that won.
 */
export async function countySealMaker(
  manager: EntityManager,
  keys: KeyEncryption,
  county: string,
  countyName: string,
): Promise<CountySealMaker> {
  const id = countySealMakerId(county);
  const fresh = generateSm2KeyPair();
  await manager.query(
    `INSERT INTO seal.seal_makers (county, name, public_key, private_key_encrypted) VALUES ($1, $2, $3, $4)
     ON CONFLICT (county) DO NOTHING`,
    [county, `${countyName}电子印章制作单位`, fresh.publicKey, keys.encrypt(fresh.privateKey, id)],
  );
  const [row] = (await manager.query(
    `SELECT name, public_key, private_key_encrypted FROM seal.seal_makers WHERE county = $1`,
    [county],
  )) as { name: string; public_key: string; private_key_encrypted: string }[];
  return {
    id,
    name: row.name,
    keys: { publicKey: row.public_key, privateKey: keys.decrypt(row.private_key_encrypted, id) },
  };
}

export async function sealMakerPublicKey(
  manager: EntityManager,
  county: string,
): Promise<string | undefined> {
  const [row] = (await manager.query(`SELECT public_key FROM seal.seal_makers WHERE county = $1`, [
    county,
  ])) as {
    public_key: string;
  }[];
  return row?.public_key;
}
