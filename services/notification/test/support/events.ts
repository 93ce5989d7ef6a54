import { randomUUID } from 'node:crypto';
import type {
  ApplicationSubmittedV1,
  CaseAcceptedV1,
  CaseConcludedV1,
  EventContract,
  EventEnvelope,
  ReviewTaskOpenedV1,
  DeadlineWarningV1,
} from '@oneseal/contracts';
import {
  deadlineWarningV1,
  applicationSubmittedV1,
  caseAcceptedV1,
  caseConcludedV1,
  reviewTaskOpenedV1,
} from '@oneseal/contracts';

export const COUNTY = '140525';
export const TOWN = '140525100';

function envelope<TPayload extends { caseId: string }>(
  contract: EventContract<TPayload>,
  payload: TPayload,
): EventEnvelope<TPayload> {
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    subject: payload.caseId,
    county: COUNTY,
    town: TOWN,
    actor: { kind: 'service', id: 'test' },
    correlationId: payload.caseId,
    payload,
  };
}

export interface TestCase {
  caseId: string;
  phone: string;
  receiptNumber: string;
}

export function newCase(): TestCase {
  const serial = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return {
    caseId: randomUUID(),
    phone: `139${String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0')}`,
    receiptNumber: `140525-20261123-${serial}`,
  };
}

export function submitted(test: TestCase): EventEnvelope<ApplicationSubmittedV1> {
  return envelope(applicationSubmittedV1, {
    caseId: test.caseId,
    matterCode: 'ZZ-T-002',
    matterName: '临时救助',
    matterVersion: 1,
    matterLevel: 'town',
    handlingMode: '乡级负责受理、审核',
    countyUnitCode: '140525-mz',
    channel: 'town-window',
    applicantName: '王五',
    applicantPhone: test.phone,
    caseKind: '承诺件',
    committedLimitWorkingDays: 10,
    deliveryMethod: 'pick-up',
    receiptNumber: test.receiptNumber,
    progressQueryCode: 'K7QM-3XPD-9RTA',
    submittedAt: new Date().toISOString(),
  });
}

export function accepted(test: TestCase): EventEnvelope<CaseAcceptedV1> {
  return envelope(caseAcceptedV1, {
    caseId: test.caseId,
    receiptNumber: test.receiptNumber,
    matterCode: 'ZZ-T-002',
    matterVersion: 1,
    acceptedAt: new Date().toISOString(),
    committedDueDate: '2026-12-07',
    dueDateProvisional: false,
  });
}

export function concluded(test: TestCase, result: CaseConcludedV1['result']): EventEnvelope<CaseConcludedV1> {
  return envelope(caseConcludedV1, {
    caseId: test.caseId,
    result,
    concludedAt: new Date().toISOString(),
    onTime: true,
  });
}

export function taskOpened(test: TestCase, unitCode = '140525100-window'): EventEnvelope<ReviewTaskOpenedV1> {
  return envelope(reviewTaskOpenedV1, {
    caseId: test.caseId,
    taskId: randomUUID(),
    stepName: '受理',
    level: 'town',
    unitCode,
    openedAt: new Date().toISOString(),
  });
}

export function deadlineWarning(
  test: TestCase,
  severity: DeadlineWarningV1['severity'],
  unitCode: string,
): EventEnvelope<DeadlineWarningV1> {
  return envelope(deadlineWarningV1, {
    caseId: test.caseId,
    scope: 'step',
    stepName: '审核',
    severity,
    unitCode,
    dueDate: '2026-12-01',
    raisedAt: new Date().toISOString(),
  });
}
