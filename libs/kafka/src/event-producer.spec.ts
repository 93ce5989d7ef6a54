import type { OutboxRecord } from '@oneseal/database';
import { brokerRefusal, testProducerKeys } from '@oneseal/testing';
import type { Producer, ProducerRecord, RecordMetadata } from 'kafkajs';
import { EventProducer, groupByPartition } from './event-producer';
import { partitionOfKey } from './topic-partitions';

const record = (topic: string, key: string, eventId: string): OutboxRecord => ({
  topic,
  key,
  value: '{}',
  eventId,
});

/** Partition counts that never change: every topic has `partitions`. */
const fixedCounts = (partitions: number) => ({
  of: () => Promise.resolve(() => partitions),
  forget: () => undefined,
});

describe('publishing outbox records one partition at a time', () => {
  const records = [
    record('stamped', 'case-a', '1'),
    record('concluded', 'case-a', '2'),
    record('stamped', 'case-b', '3'),
    record('stamped', 'case-a', '4'),
    record('stamped', 'case-c', '5'),
  ];

  it('sends one topic together on a single-partition node, a case never overtaking its own earlier events', () => {
    const batches = groupByPartition(records, () => 1);
    expect(
      batches.map((batch) => [batch.topic, batch.partition, batch.records.map((r) => r.eventId)]),
    ).toEqual([
      ['stamped', 0, ['1', '3']],
      ['concluded', 0, ['2']],
      // case-a's second stamp follows its conclusion, so it starts a send of its own; case-c joins it.
      ['stamped', 0, ['4', '5']],
    ]);
  });

  it('never puts two partitions in one send, keeps a case in the partition its key gives, in outbox order', () => {
    const batches = groupByPartition(records, () => 3);
    for (const batch of batches) {
      for (const r of batch.records) expect(partitionOfKey(r.topic, r.key, 3)).toBe(batch.partition);
    }
    const sent = batches.flatMap((batch) => batch.records);
    expect(sent).toHaveLength(records.length);
    for (const key of ['case-a', 'case-b', 'case-c']) {
      expect(sent.filter((r) => r.key === key)).toEqual(records.filter((r) => r.key === key));
    }
  });

  it("keeps a case's events in outbox order across topics, starting a new send where a group would overtake it", () => {
    const batches = groupByPartition(
      [
        record('concluded', 'case-b', '1'),
        record('stamped', 'case-a', '2'),
        record('concluded', 'case-a', '3'),
      ],
      () => 1,
    );
    expect(batches.map((batch) => [batch.topic, batch.records.map((r) => r.eventId)])).toEqual([
      ['concluded', ['1']],
      ['stamped', ['2']],
      ['concluded', ['3']],
    ]);
  });

  it('sends the interleaved events of many cases as one send per topic on a single partition', () => {
    const cases = ['a', 'b', 'c', 'd'];
    const interleaved = cases.flatMap((key, n) => [
      record('accepted', key, `${n}-1`),
      record('stamped', key, `${n}-2`),
      record('concluded', key, `${n}-3`),
    ]);
    const batches = groupByPartition(interleaved, () => 1);
    expect(batches.map((batch) => [batch.topic, batch.records.length])).toEqual([
      ['accepted', 4],
      ['stamped', 4],
      ['concluded', 4],
    ]);
  });

  it('lets a send wait only for the sends holding its partition or its cases before it', () => {
    const batches = groupByPartition(
      [
        record('accepted', 'case-a', '1'),
        record('accepted', 'case-b', '2'),
        record('stamped', 'case-a', '3'),
        record('concluded', 'case-c', '4'),
        record('accepted', 'case-a', '5'),
      ],
      () => 1,
    );
    expect(batches.map((batch) => [batch.topic, batch.records.map((r) => r.eventId), batch.after])).toEqual([
      ['accepted', ['1', '2'], []],
      // case-a's stamp waits for its acceptance; case-c's conclusion waits for nothing.
      ['stamped', ['3'], [0]],
      ['concluded', ['4'], []],
      // case-a's second acceptance follows its stamp, and the partition's earlier send.
      ['accepted', ['5'], [0, 1]],
    ]);
  });

  it("makes a record that joins a later send wait for its case's earlier one", () => {
    const batches = groupByPartition(
      [
        record('stamped', 'case-a', '1'),
        record('concluded', 'case-b', '2'),
        record('concluded', 'case-a', '3'),
      ],
      () => 1,
    );
    expect(batches.map((batch) => [batch.topic, batch.records.map((r) => r.eventId), batch.after])).toEqual([
      ['stamped', ['1'], []],
      // case-b's conclusion started it; case-a's joins it and brings its stamp's send along as a prerequisite.
      ['concluded', ['2', '3'], [0]],
    ]);
  });

  it('keeps the partitions of one topic apart: none waits for another unless a case says so', () => {
    const keys = Array.from({ length: 200 }, (_, n) => `case-${n}`);
    const inPartition = (partition: number) =>
      keys.find((key) => partitionOfKey('stamped', key, 3) === partition) ?? '';
    const batches = groupByPartition(
      [0, 1, 2].map((partition) => record('stamped', inPartition(partition), String(partition))),
      () => 3,
    );
    expect(batches.map((batch) => [batch.partition, batch.after])).toEqual([
      [0, []],
      [1, []],
      [2, []],
    ]);
  });

  describe('sending', () => {
    /** A producer whose sends resolve (or fail) when the test says. */
    function heldProducer(partitions = 1, unknownToKafkajs?: number) {
      const pending: { eventIds: string[]; partition?: number; settle: (error?: Error) => void }[] = [];
      const producer = {
        send: (sent: ProducerRecord): Promise<RecordMetadata[]> =>
          new Promise((resolve, reject) => {
            const partition = sent.messages[0].partition;
            pending.push({
              eventIds: sent.messages.map((message) => String(message.headers?.['event-id'])),
              partition,
              settle: (error) => {
                if (error) reject(error);
                // As kafkajs does with a partition its metadata does not know yet: nothing written, no error.
                else if (partition !== undefined && partition === unknownToKafkajs) resolve([]);
                else
                  resolve([
                    { topicName: sent.topic, partition: partition ?? 0, errorCode: 0 },
                  ] as RecordMetadata[]);
              },
            });
          }),
      } as unknown as Producer;
      return {
        pending,
        eventProducer: new EventProducer(
          producer,
          testProducerKeys().signer('seal'),
          fixedCounts(partitions),
        ),
      };
    }
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const records = [
      record('accepted', 'case-a', '1'),
      record('concluded', 'case-b', '2'),
      record('stamped', 'case-a', '3'),
    ];

    it("sends independent partitions together and a case's later event only once its earlier one is written", async () => {
      const { pending, eventProducer } = heldProducer();
      let done = false;
      const publishing = eventProducer.publish(records).then(() => (done = true));
      await tick();
      expect(pending.map((send) => send.eventIds)).toEqual([['1'], ['2']]);
      pending[1].settle();
      await tick();
      expect(pending).toHaveLength(2);
      pending[0].settle();
      await tick();
      expect(pending.map((send) => send.eventIds)).toEqual([['1'], ['2'], ['3']]);
      expect(done).toBe(false);
      pending[2].settle();
      await publishing;
      expect(done).toBe(true);
    });

    it('fails once every send under way has ended, sending nothing that depended on the failed one', async () => {
      const { pending, eventProducer } = heldProducer();
      let outcome: unknown;
      const publishing = eventProducer.publish(records).catch((error: unknown) => (outcome = error));
      await tick();
      pending[0].settle(new Error('broker gone'));
      await tick();
      // case-b's send is still under way: the relay hears of the failure only after it.
      expect(outcome).toBeUndefined();
      pending[1].settle();
      await publishing;
      expect(outcome).toEqual(new Error('broker gone'));
      expect(pending.map((send) => send.eventIds)).toEqual([['1'], ['2']]);
    });

    it('sends what kafkajs skipped only once every other send under way has ended, and nothing beside it', async () => {
      const { pending, eventProducer } = heldProducer(6, 5);
      const keys = Array.from({ length: 200 }, (_, n) => `case-${n}`);
      const skipped = keys.find((key) => partitionOfKey('stamped', key, 6) === 5) ?? '';
      const other = keys.find((key) => partitionOfKey('stamped', key, 6) === 0) ?? '';
      let done = false;
      const publishing = eventProducer
        .publish([record('stamped', skipped, '1'), record('stamped', other, '2')])
        .then(() => (done = true));
      await tick();
      expect(pending.map((send) => [send.partition, send.eventIds])).toEqual([
        [5, ['1']],
        [0, ['2']],
      ]);
      pending[0].settle();
      await tick();
      // kafkajs would choose the partition of the resend, maybe the one the other send is writing to: it waits.
      expect(pending).toHaveLength(2);
      pending[1].settle();
      await tick();
      expect(pending.map((send) => [send.partition, send.eventIds])[2]).toEqual([undefined, ['1']]);
      expect(done).toBe(false);
      pending[2].settle();
      await publishing;
      expect(done).toBe(true);
    });

    /** A producer whose sends all fail with `failure`, or all succeed; each send recorded under its name. */
    const producerNamed = (sentBy: string[], name: string, failure?: Error) =>
      ({
        send: (sent: ProducerRecord) => {
          sentBy.push(name);
          return failure
            ? Promise.reject(failure)
            : Promise.resolve([{ topicName: sent.topic, partition: 0, errorCode: 0 }] as RecordMetadata[]);
        },
      }) as unknown as Producer;

    it.each([
      ['Kafka refuses the numbering', brokerRefusal('OUT_OF_ORDER_SEQUENCE_NUMBER')],
      ['the answer is lost (written or not)', new Error('Connection closed')],
      ['the broker timed out waiting for its replicas', brokerRefusal('REQUEST_TIMED_OUT', true)],
    ])('publishes the retry with a new producer after a failed send: %s', async (_, failure) => {
      const sentBy: string[] = [];
      let renewals = 0;
      const eventProducer = new EventProducer(
        producerNamed(sentBy, 'first', failure),
        testProducerKeys().signer('seal'),
        fixedCounts(1),
        { next: () => Promise.resolve(producerNamed(sentBy, `renewed ${++renewals}`)) },
      );
      const batch = [record('stamped', 'case-a', '1')];
      // The failure still reaches the relay, which tries the batch again: with the new producer.
      await expect(eventProducer.publish(batch)).rejects.toBe(failure);
      expect(renewals).toBe(0);
      await expect(eventProducer.publish(batch)).resolves.toBeUndefined();
      await expect(eventProducer.publish([record('stamped', 'case-a', '2')])).resolves.toBeUndefined();
      expect(sentBy).toEqual(['first', 'renewed 1', 'renewed 1']);
    });

    it('sends nothing with the old producer while no new one can be had, and renews once one can', async () => {
      const sentBy: string[] = [];
      let brokersUp = false;
      const eventProducer = new EventProducer(
        producerNamed(sentBy, 'first', new Error('Connection closed')),
        testProducerKeys().signer('seal'),
        fixedCounts(1),
        {
          next: () =>
            brokersUp
              ? Promise.resolve(producerNamed(sentBy, 'renewed'))
              : Promise.reject(new Error('Connection error: connect ECONNREFUSED')),
        },
      );
      const batch = [record('stamped', 'case-a', '1')];
      await expect(eventProducer.publish(batch)).rejects.toThrow('Connection closed');
      await expect(eventProducer.publish(batch)).rejects.toThrow('ECONNREFUSED');
      await expect(eventProducer.publish(batch)).rejects.toThrow('ECONNREFUSED');
      brokersUp = true;
      await expect(eventProducer.publish(batch)).resolves.toBeUndefined();
      expect(sentBy).toEqual(['first', 'renewed']);
    });

    it('sends nothing that waits, even through another send, on the failed one', async () => {
      const { pending, eventProducer } = heldProducer();
      const publishing = eventProducer.publish([
        record('accepted', 'case-a', '1'),
        record('stamped', 'case-a', '2'),
        record('concluded', 'case-a', '3'),
      ]);
      const failure = publishing.catch((error: unknown) => error);
      await tick();
      expect(pending.map((send) => send.eventIds)).toEqual([['1']]);
      pending[0].settle(new Error('broker gone'));
      expect(await failure).toEqual(new Error('broker gone'));
      expect(pending).toHaveLength(1);
    });
  });

  it('sends what kafkajs skipped (a partition its metadata does not know yet) one case at a time, and asks the counts again', async () => {
    const sent: ProducerRecord[] = [];
    const producer = {
      send: (record: ProducerRecord): Promise<RecordMetadata[]> => {
        sent.push(record);
        const partition = record.messages[0].partition;
        // As kafkajs does when told of a partition it has not seen: nothing written, no error.
        if (partition === 5) return Promise.resolve([]);
        return Promise.resolve([
          { topicName: record.topic, partition: partition ?? 0, errorCode: 0 } as RecordMetadata,
        ]);
      },
    } as unknown as Producer;
    const forgotten: string[] = [];
    const counts = {
      of: () => Promise.resolve(() => 6),
      forget: (topics: readonly string[]) => void forgotten.push(...topics),
    };
    // A key whose partition among six is 5.
    const key = Array.from({ length: 200 }, (_, n) => `case-${n}`).find(
      (candidate) => partitionOfKey('stamped', candidate, 6) === 5,
    );
    await new EventProducer(producer, testProducerKeys().signer('seal'), counts).publish([
      record('stamped', key ?? '', '1'),
      record('stamped', key ?? '', '2'),
    ]);
    expect(sent.map((one) => one.messages.map((message) => [message.partition, message.value]))).toEqual([
      [
        [5, '{}'],
        [5, '{}'],
      ],
      [[undefined, '{}']],
      [[undefined, '{}']],
    ]);
    expect(forgotten).toEqual(['stamped']);
  });
});
