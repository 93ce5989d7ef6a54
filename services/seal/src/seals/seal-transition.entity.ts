import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SealStatus } from './seal-lifecycle';

/** One step of a seal's life: who moved it from which status to which, when and why. Append-only. */
@Entity({ name: 'seal_transitions' })
export class SealTransition {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'seal_id', type: 'uuid' })
  sealId!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: SealStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: SealStatus;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
