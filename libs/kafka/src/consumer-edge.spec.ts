import { TOPICS, reviewTaskOpenedV1 } from '@oneseal/contracts';
import type { Producer, ProducerRecord } from 'kafkajs';
import { ConsumerEdge } from './consumer-edge';
import type { ReceivedMessage } from './dead-letter';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A message no contract accepts, at an offset of its own. */
const poison = (offset: string): ReceivedMessage => ({
  topic: TOPICS.reviewTaskOpenedV1,
  partition: Number(offset) % 4,
  offset,
  key: `case-${offset}`,
  value: { nonsense: true },
});

describe('dead letters', () => {
  it('are sent one at a time, the next only once the one before has settled, and after a failure with a new producer', async () => {
    const sends: { by: string; offset: string; settle: (error?: Error) => void }[] = [];
    const producerNamed = (by: string) =>
      ({
        send: (record: ProducerRecord) =>
          new Promise((resolve, reject) => {
            const { offset } = JSON.parse(String(record.messages[0].value)) as { offset: string };
            sends.push({ by, offset, settle: (error) => (error ? reject(error) : resolve([])) });
          }),
      }) as unknown as Producer;
    let renewals = 0;
    const edge = new ConsumerEdge(
      'test-consumer',
      producerNamed('first'),
      { warn: () => undefined },
      {
        deadLetterTopic: 'dead-letters',
        renewal: { next: () => Promise.resolve(producerNamed(`renewed ${++renewals}`)) },
      },
    );
    // Three partitions' poison messages at once, as a consumer handling partitions concurrently meets them.
    const outcomes = ['1', '2', '3'].map((offset) =>
      edge.consume(reviewTaskOpenedV1, poison(offset), jest.fn()).catch((error: Error) => error.message),
    );
    await tick();
    expect(sends.map((send) => send.offset)).toEqual(['1']);
    sends[0].settle(new Error('Connection closed'));
    await tick();
    await tick();
    expect(sends.map((send) => `${send.offset} by ${send.by}`)).toEqual(['1 by first', '2 by renewed 1']);
    sends[1].settle();
    await tick();
    await tick();
    expect(sends.map((send) => `${send.offset} by ${send.by}`)).toEqual([
      '1 by first',
      '2 by renewed 1',
      '3 by renewed 1',
    ]);
    sends[2].settle();
    expect(await Promise.all(outcomes)).toEqual([
      'Error: Connection closed',
      'dead-lettered',
      'dead-lettered',
    ]);
    expect(renewals).toBe(1);
  });
});
