import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A county's electronic seal maker: its SM2 key signs the seal records of the county's seals. */
@Entity({ name: 'seal_makers' })
export class SealMaker {
  @PrimaryColumn({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'public_key', type: 'text' })
  publicKey!: string;

  @Column({ name: 'private_key_encrypted', type: 'text', select: false })
  privateKeyEncrypted?: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
