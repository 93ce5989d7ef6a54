import { ALL_TOPICS, TOPICS } from '../topics';
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
