import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@oneseal/contracts';

/** An event of a case in 南村镇, as the audit log receives one. */
export function caseEvent(caseId: string, type: string, payload: object = {}): EventEnvelope<unknown> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    subject: caseId,
    county: '140525',
    town: '140525100',
    actor: { kind: 'service', id: 'test' },
    correlationId: caseId,
    payload: { caseId, ...payload },
  };
}
