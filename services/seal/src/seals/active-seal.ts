import type { DataSource } from 'typeorm';
import { Seal } from './seal.entity';

/** A seal in force with what stamping needs: its key (encrypted) and its signed record. */
export type UsableSeal = Seal & {
  privateKeyEncrypted: string;
  publicKey: string;
  record: NonNullable<Seal['record']>;
};

/** The organ's one seal of this kind in 启用, able to stamp; undefined when there is none. */
export async function activeSealOf(
  dataSource: DataSource,
  organ: string,
  kind: 'approval' | 'bureau',
): Promise<UsableSeal | undefined> {
  const active = await dataSource
    .getRepository(Seal)
    .createQueryBuilder('seal')
    .addSelect('seal.privateKeyEncrypted')
    .where(`seal.organ = :organ AND seal.kind = :kind AND seal.status = '启用'`, { organ, kind })
    .getOne();
  return active?.privateKeyEncrypted && active.publicKey && active.record
    ? (active as UsableSeal)
    : undefined;
}
