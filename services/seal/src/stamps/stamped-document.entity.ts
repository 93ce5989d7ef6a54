import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StampDecisionInput } from '@oneseal/contracts';

/** The PDF of a decision's result as stamped, kept so it can be served and checked again. */
@Entity({ name: 'documents' })
export class StampedDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9 })
  town!: string;

  @Column({ type: 'text' })
  kind!: StampDecisionInput['documentKind'];

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'bytea', select: false })
  pdf?: Buffer;

  @Column({ type: 'char', length: 64 })
  sm3!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
