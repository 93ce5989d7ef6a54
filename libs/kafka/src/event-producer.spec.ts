import type { OutboxRecord } from '@oneseal/database';
import { groupByPartition } from './event-producer';
import { partitionOfKey } from './topic-partitions';

const record = (topic: string, key: string, eventId: string): OutboxRecord => ({
  topic,
  key,
  value: '{}',
  eventId,
});

describe('publishing outbox records one partition at a time', () => {
  const records = [
    record('stamped', 'case-a', '1'),
    record('concluded', 'case-a', '2'),
    record('stamped', 'case-b', '3'),
    record('stamped', 'case-a', '4'),
    record('stamped', 'case-c', '5'),
  ];

  it('sends one topic together on a single-partition node, in outbox order', () => {
    const batches = groupByPartition(records, () => 1);
    expect(
      batches.map((batch) => [batch.topic, batch.partition, batch.records.map((r) => r.eventId)]),
    ).toEqual([
      ['stamped', 0, ['1', '3', '4', '5']],
      ['concluded', 0, ['2']],
    ]);
  });

  it('never puts two partitions in one send, and keeps a case in the partition its key gives', () => {
    const batches = groupByPartition(records, () => 3);
    for (const batch of batches) {
      for (const r of batch.records) expect(partitionOfKey(r.topic, r.key, 3)).toBe(batch.partition);
    }
    expect(batches.flatMap((batch) => batch.records)).toHaveLength(records.length);
    const caseA = batches.find((batch) => batch.records.some((r) => r.eventId === '1'));
    expect(caseA?.records.filter((r) => r.key === 'case-a').map((r) => r.eventId)).toEqual(['1', '4']);
  });
});
