import type { OutboxRecord } from '@oneseal/database';
import { groupByTopicAndKey } from './event-producer';

const record = (topic: string, key: string, eventId: string): OutboxRecord => ({
  topic,
  key,
  value: '{}',
  eventId,
});

describe('publishing outbox records one partition at a time', () => {
  it('sends each topic and key together, in outbox order, never two keys or topics in one send', () => {
    const records = [
      record('stamped', 'case-a', '1'),
      record('concluded', 'case-a', '2'),
      record('stamped', 'case-b', '3'),
      record('stamped', 'case-a', '4'),
    ];
    const groups = groupByTopicAndKey(records);
    expect(groups.map((group) => group.map((r) => r.eventId))).toEqual([['1', '4'], ['2'], ['3']]);
    for (const group of groups) {
      expect(new Set(group.map((r) => `${r.topic}|${r.key}`)).size).toBe(1);
    }
    expect(groups.flat()).toHaveLength(records.length);
  });
});
