import { applicationSubmittedV1 } from '../events';
import { ContractViolation } from './contract-violation';
import { parseEvent } from './parse-event';

function validEvent() {
  return {
    id: '5f0c2d0e-8a43-4b6e-9a59-0d8f1c1b2a10',
    type: 'intake.application-submitted',
    version: 1,
    occurredAt: '2026-11-22T08:30:00.000Z',
    subject: '0b7a3c52-13f4-4d0c-8f5e-5d7b3f1c9e21',
    county: '140525',
    town: '140525100',
    actor: { kind: 'service', id: 'intake' },
    correlationId: '0b7a3c52-13f4-4d0c-8f5e-5d7b3f1c9e21',
    payload: {
      caseId: '0b7a3c52-13f4-4d0c-8f5e-5d7b3f1c9e21',
      matterCode: 'ZZ-T-002',
      matterName: '临时救助',
      matterVersion: 1,
      matterLevel: 'town',
      handlingMode: '乡级负责受理、审核',
      countyUnitCode: '140525-mz',
      channel: 'village-agent',
      applicantName: '李四',
      applicantPhone: '13800138000',
      receiptNumber: '140525-20261122-000001',
      caseKind: '承诺件',
      committedLimitWorkingDays: 10,
      statutoryLimitWorkingDays: 20,
      deliveryMethod: 'pick-up',
      villageCode: '140525100201',
      submittedAt: '2026-11-22T08:30:00.000Z',
    },
  };
}

function violationOf(raw: unknown): ContractViolation {
  try {
    parseEvent(applicationSubmittedV1, raw);
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a contract violation');
}

describe('parseEvent at a consumer edge', () => {
  it('returns a typed envelope for an event that matches its contract', () => {
    const event = parseEvent(applicationSubmittedV1, validEvent());
    expect(event.payload.applicantName).toBe('李四');
    expect(event.payload.channel).toBe('village-agent');
    expect(event.town).toBe('140525100');
  });

  it('lists every problem of a malformed event at once', () => {
    const raw = validEvent();
    const broken = {
      ...raw,
      county: '1405',
      payload: { ...raw.payload, channel: 'fax', caseId: 'not-a-uuid' },
    };
    const violation = violationOf(broken);
    expect(violation.topic).toBe('oneseal.intake.application-submitted.v1');
    expect(violation.issues.some((issue) => issue.startsWith('county:'))).toBe(true);
    expect(violation.issues.some((issue) => issue.startsWith('payload.channel:'))).toBe(true);
    expect(violation.issues.some((issue) => issue.startsWith('payload.caseId:'))).toBe(true);
  });

  it('refuses an event of another type or version sent to this topic', () => {
    const violation = violationOf({ ...validEvent(), type: 'routing.case-routed', version: 2 });
    expect(violation.issues).toEqual(
      expect.arrayContaining([
        'type: expected intake.application-submitted, got routing.case-routed',
        'version: expected 1, got 2',
      ]),
    );
  });

  it('refuses a value that is not a JSON object, and a missing payload', () => {
    expect(violationOf('garbage').issues).toEqual(['message value is not a JSON object']);
    expect(violationOf([1, 2]).issues).toEqual(['message value is not a JSON object']);
    const { payload: _payload, ...withoutPayload } = validEvent();
    expect(violationOf(withoutPayload).issues.some((issue) => issue.startsWith('payload:'))).toBe(true);
  });

  it('tolerates fields a newer producer added, and drops them', () => {
    const raw = validEvent();
    const event = parseEvent(applicationSubmittedV1, {
      ...raw,
      payload: { ...raw.payload, appointmentSlot: 'AM' },
    });
    expect(event.payload).not.toHaveProperty('appointmentSlot');
  });
});
