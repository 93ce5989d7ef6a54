import type { EntityManager } from 'typeorm';

export interface LedgerLine {
  entry: 'stamped' | 'refused';
  county: string;
  /** null on a county organ's notice, which names no town and no case. */
  town: string | null;
  /** Whose seal; the town's when absent. */
  organ?: string;
  sealId: string | null;
  caseId: string | null;
  decisionId: string;
  documentId?: string | null;
  stampId?: string | null;
  stamper: string;
  requestedBy: string;
  /** What the keeper reads: the case's 办件编号 and matter, the requester by name (when the request carried them). */
  receiptNumber?: string | null;
  matterName?: string | null;
  requestedByName?: string | null;
  reasonCode?: string | null;
  reason?: string | null;
}

const LEDGER_COLUMNS = `entry, county, town, seal_id, case_id, decision_id, document_id, stamp_id, stamper,
  requested_by, reason_code, reason, receipt_number, matter_name, requested_by_name, organ`;

const ledgerValues = (line: LedgerLine): unknown[] => [
  line.entry,
  line.county,
  line.town,
  line.sealId,
  line.caseId,
  line.decisionId,
  line.documentId ?? null,
  line.stampId ?? null,
  line.stamper,
  line.requestedBy,
  line.reasonCode ?? null,
  line.reason ?? null,
  line.receiptNumber ?? null,
  line.matterName ?? null,
  line.requestedByName ?? null,
  line.organ ?? line.town,
];

/** Appends one line to the seal ledger, in the caller's transaction when it has one. */
export async function appendToLedger(manager: EntityManager, line: LedgerLine): Promise<void> {
  const values = ledgerValues(line);
  await manager.query(
    `INSERT INTO seal.ledger (${LEDGER_COLUMNS}) VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})`,
    values,
  );
}

/**
 * The line as an INSERT for a statement that writes more: one line for each row of `from`, its values added to that
 * statement's parameters by `add`.
 */
export function ledgerInsertFrom(from: string, line: LedgerLine, add: (value: unknown) => string): string {
  return `INSERT INTO seal.ledger (${LEDGER_COLUMNS}) SELECT ${ledgerValues(line).map(add).join(', ')} FROM ${from}`;
}
