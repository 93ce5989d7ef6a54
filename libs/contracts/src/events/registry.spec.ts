import { ALL_TOPICS, TOPICS } from '../topics';
import { applicationSubmittedV1 } from './application-submitted/v1';
import { caseRoutedV1 } from './case-routed/v1';
import { parseEvent } from '../validation/parse-event';
import { caseAcceptedV1 } from './case-accepted/v1';
import {
  EVENT_PRODUCERS,
  producerOf,
  REDACTED,
  topicsOf,
  typesOf,
  withoutCredentials,
  withPersonalDataMasked,
} from './event-contract';
import { contractForTopic, contractsProducedBy, EVENT_CONTRACTS } from './registry';

describe('event contracts', () => {
  it('give every event its own topic, named after its producer, event and version', () => {
    const topics = EVENT_CONTRACTS.map((contract) => contract.topic);
    expect(new Set(topics).size).toBe(EVENT_CONTRACTS.length);
    for (const contract of EVENT_CONTRACTS) {
      const [producer, event] = contract.type.split('.');
      expect(contract.topic).toBe(`oneseal.${producer}.${event}.v${contract.version}`);
    }
  });

  it('list every topic in TOPICS, and TOPICS holds nothing else but the dead-letter topic', () => {
    const contractTopics = new Set<string>(EVENT_CONTRACTS.map((contract) => contract.topic));
    expect(ALL_TOPICS.filter((topic) => !contractTopics.has(topic))).toEqual([TOPICS.deadLetterV1]);
  });
});

describe('credentials in events', () => {
  it('are blanked out for the long-term record, and only there', () => {
    const envelope = {
      id: 'e1',
      payload: { caseId: 'c1', progressQueryCode: 'K7QM-3XPD-9RTA', receiptNumber: 'r' },
    };
    const kept = withoutCredentials(applicationSubmittedV1, envelope);
    expect(kept.payload).toEqual({ caseId: 'c1', progressQueryCode: REDACTED, receiptNumber: 'r' });
    expect(envelope.payload.progressQueryCode).toBe('K7QM-3XPD-9RTA');
    const routed = { id: 'e2', payload: { caseId: 'c1' } };
    expect(withoutCredentials(caseRoutedV1, routed)).toBe(routed);
  });

  it('show an applicant’s mobile number masked to whoever replays the record, and leave the record as it is', () => {
    const envelope = {
      id: 'e1',
      payload: { caseId: 'c1', applicantPhone: '13800138000', applicantName: '张三' },
    };
    expect(withPersonalDataMasked(applicationSubmittedV1, envelope).payload).toEqual({
      caseId: 'c1',
      applicantPhone: '138****8000',
      applicantName: '张三',
    });
    expect(envelope.payload.applicantPhone).toBe('13800138000');
    const routed = { id: 'e2', payload: { caseId: 'c1' } };
    expect(withPersonalDataMasked(caseRoutedV1, routed)).toBe(routed);
    expect(withPersonalDataMasked(undefined, routed)).toBe(routed);
  });
});

describe('who publishes what', () => {
  it('names every event after a service that publishes events, and every service publishes something', () => {
    expect([...new Set(EVENT_CONTRACTS.map(producerOf))].sort()).toEqual([...EVENT_PRODUCERS].sort());
    expect(contractsProducedBy('approval').map((contract) => contract.type)).toEqual([
      'approval.review-task-opened',
      'approval.step-decided',
    ]);
  });

  it('keeps a moved event readable under its former topic and type, and never reuses a current name for it', () => {
    const moved = EVENT_CONTRACTS.filter((contract) => contract.formerly);
    expect(moved.map((contract) => contract.type).sort()).toEqual([
      'routing.case-accepted',
      'routing.case-refused',
      'routing.correction-requested',
    ]);
    const current = new Set<string>(ALL_TOPICS);
    for (const contract of moved) {
      const former = contract.formerly ?? { topic: '', type: '' };
      expect(current.has(former.topic)).toBe(false);
      const [producer, event] = former.type.split('.');
      expect(former.topic).toBe(`oneseal.${producer}.${event}.v${contract.version}`);
      expect(contractForTopic(former.topic)).toBe(contract);
      expect(topicsOf(contract)).toEqual([contract.topic, former.topic]);
      expect(typesOf(contract)).toEqual([contract.type, former.type]);
    }
  });

  it('reads an event published under its former type before the upgrade', () => {
    const event = parseEvent(caseAcceptedV1, {
      id: '5f0c2d0e-8a43-4b6e-9a59-0d8f1c1b2a10',
      type: 'approval.case-accepted',
      version: 1,
      occurredAt: '2026-11-22T08:30:00.000Z',
      subject: '0b7a3c52-13f4-4d0c-8f5e-5d7b3f1c9e21',
      county: '140525',
      town: '140525100',
      actor: { kind: 'service', id: 'routing' },
      correlationId: '0b7a3c52-13f4-4d0c-8f5e-5d7b3f1c9e21',
      payload: {
        caseId: '0b7a3c52-13f4-4d0c-8f5e-5d7b3f1c9e21',
        receiptNumber: '140525-20261122-000001',
        matterCode: 'ZZ-T-002',
        matterVersion: 1,
        acceptedAt: '2026-11-22T08:30:00.000Z',
        committedDueDate: '2026-12-07',
        dueDateProvisional: false,
      },
    });
    expect(event.payload.committedDueDate).toBe('2026-12-07');
  });
});
