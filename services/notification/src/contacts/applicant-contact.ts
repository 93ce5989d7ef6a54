import type { ApplicationSubmittedV1, DeliveryMethod, EventEnvelope } from '@oneseal/contracts';
import type { EntityManager } from 'typeorm';
import type { TransactionLock } from '@oneseal/database';

/**
 * What this service keeps of a case's applicant, from the application-submitted event: later events carry only
 * the case id, and must still reach the applicant.
 */
export interface ApplicantContact {
  caseId: string;
  county: string;
  town: string | null;
  applicantName: string;
  phone: string;
  receiptNumber: string;
  matterName: string;
  deliveryMethod: DeliveryMethod;
  /** 查询码 of the receipt; null for a case filed before codes were given. */
  progressQueryCode: string | null;
}

interface ApplicantContactRow {
  case_id: string;
  county: string;
  town: string | null;
  applicant_name: string;
  phone: string;
  receipt_number: string;
  matter_name: string;
  delivery_method: DeliveryMethod;
  progress_query_code: string | null;
}

export function contactFromSubmission(event: EventEnvelope<ApplicationSubmittedV1>): ApplicantContact {
  const submitted = event.payload;
  return {
    caseId: submitted.caseId,
    county: event.county,
    town: event.town ?? null,
    applicantName: submitted.applicantName,
    phone: submitted.applicantPhone,
    receiptNumber: submitted.receiptNumber,
    matterName: submitted.matterName,
    deliveryMethod: submitted.deliveryMethod,
    progressQueryCode: submitted.progressQueryCode ?? null,
  };
}

/**
 * Serialises, per case, recording the applicant with recording an event that needs them, so an event can never
 * be parked after the applicant's arrival has already released the parked ones (both run in READ COMMITTED, so
 * whoever comes second sees what the first committed). Taken with the event's record (processOnce).
 */
export function caseLock(caseId: string): TransactionLock {
  return { space: 'notification.case', key: caseId };
}

export async function findApplicant(
  manager: EntityManager,
  caseId: string,
): Promise<ApplicantContact | null> {
  const rows = (await manager.query(`SELECT * FROM notification.applicant_contacts WHERE case_id = $1`, [
    caseId,
  ])) as ApplicantContactRow[];
  const row = rows[0];
  if (!row) return null;
  return {
    caseId: row.case_id,
    county: row.county,
    town: row.town,
    applicantName: row.applicant_name,
    phone: row.phone,
    receiptNumber: row.receipt_number,
    matterName: row.matter_name,
    deliveryMethod: row.delivery_method,
    progressQueryCode: row.progress_query_code,
  };
}

/** Returns false when the case's applicant was already known (a redelivered or repeated submission). */
export async function saveApplicant(manager: EntityManager, contact: ApplicantContact): Promise<boolean> {
  const inserted = (await manager.query(
    `INSERT INTO notification.applicant_contacts
       (case_id, county, town, applicant_name, phone, receipt_number, matter_name, delivery_method,
        progress_query_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [
      contact.caseId,
      contact.county,
      contact.town,
      contact.applicantName,
      contact.phone,
      contact.receiptNumber,
      contact.matterName,
      contact.deliveryMethod,
      contact.progressQueryCode,
    ],
  )) as unknown[];
  return inserted.length > 0;
}
