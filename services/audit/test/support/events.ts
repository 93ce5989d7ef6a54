import type { EventEnvelope } from '@oneseal/contracts';
import { caseEnvelope } from '@oneseal/testing';

/** An event of a case, its payload naming the case, as the audit log receives one. */
export function caseEvent(caseId: string, type: string, payload: object = {}): EventEnvelope<unknown> {
  return caseEnvelope(caseId, type, { caseId, ...payload });
}
