import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SealKind, SealStatus } from './seal-lifecycle';
import type { SignedSealRecord } from './seal-record';

/**
 * A seal of an issuing organ: a town's one approval seal (or one on its way to it), a county bureau's own seal, or
 * an old seal inventoried and sealed away.
 */
@Entity({ name: 'seals' })
export class Seal {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 6 })
  county!: string;

  /** The town, for a town's seals; null for a bureau's. */
  @Column({ type: 'char', length: 9, nullable: true })
  town!: string | null;

  /** Who the seal stands for: the town's code, or the bureau's (140525-mz). */
  @Column({ type: 'text' })
  organ!: string;

  /** 泽州县南村镇人民政府, 泽州县民政局: the name on the seal's arc. */
  @Column({ name: 'organ_name', type: 'text' })
  organName!: string;

  @Column({ name: 'county_name', type: 'text' })
  countyName!: string;

  @Column({ name: 'town_name', type: 'text', nullable: true })
  townName!: string | null;

  @Column({ type: 'text' })
  kind!: SealKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  status!: SealStatus;

  @Column({ name: 'former_holder', type: 'text', nullable: true })
  formerHolder!: string | null;

  @Column({ name: 'public_key', type: 'text', nullable: true })
  publicKey!: string | null;

  /** Never leaves the service: not selected unless asked for, never serialised. */
  @Column({ name: 'private_key_encrypted', type: 'text', nullable: true, select: false })
  privateKeyEncrypted?: string | null;

  @Column({ type: 'jsonb', nullable: true })
  record!: SignedSealRecord | null;

  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true })
  validFrom!: Date | null;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo!: Date | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
