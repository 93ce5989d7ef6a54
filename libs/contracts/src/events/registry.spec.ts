import { ALL_TOPICS, TOPICS } from '../topics';
import { applicationSubmittedV1 } from './application-submitted/v1';
import { caseRoutedV1 } from './case-routed/v1';
import { REDACTED, withoutCredentials } from './event-contract';
import { EVENT_CONTRACTS } from './registry';

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
});
