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

/** Appends one line to the seal ledger, in the caller's transaction when it has one. */
export async function appendToLedger(manager: EntityManager, line: LedgerLine): Promise<void> {
  await manager.query(
    `INSERT INTO seal.ledger (entry, county, town, seal_id, case_id, decision_id, document_id, stamp_id, stamper,
                              requested_by, reason_code, reason, receipt_number, matter_name, requested_by_name, organ)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
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
    ],
  );
}
