import { kafkaTransportOptions } from './kafka-transport';

const runOf = (partitionsAtOnce?: number) =>
  (
    kafkaTransportOptions({
      clientId: 'oneseal-test',
      brokers: ['127.0.0.1:9092'],
      groupId: 'g',
      partitionsAtOnce,
    }).options as { run: { autoCommit: boolean; partitionsConsumedConcurrently: number } }
  ).run;

describe('kafkaTransportOptions', () => {
  it('handles one partition at a time unless the service asks for more, and commits through the edge', () => {
    expect(runOf()).toEqual({ autoCommit: false, partitionsConsumedConcurrently: 1 });
    expect(runOf(4)).toEqual({ autoCommit: false, partitionsConsumedConcurrently: 4 });
  });
});
