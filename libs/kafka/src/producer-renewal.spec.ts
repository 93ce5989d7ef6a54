import { KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import type { Producer } from 'kafkajs';
import { brokerRefusal } from '@oneseal/testing';
import { producerStateLost, RenewedProducers } from './producer-renewal';

describe('producerStateLost', () => {
  it("recognises a broker's refusal of the producer's numbering, however kafkajs wraps it", () => {
    for (const type of [
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
      'UNKNOWN_PRODUCER_ID',
      'INVALID_PRODUCER_EPOCH',
      'DUPLICATE_SEQUENCE_NUMBER',
    ]) {
      expect({ type, lost: producerStateLost(brokerRefusal(type)) }).toEqual({ type, lost: true });
    }
  });

  it('leaves every other failure to the relay as it is', () => {
    const unreachable = new KafkaJSNumberOfRetriesExceeded(new Error('Connection timeout'), {
      retryCount: 8,
      retryTime: 1000,
    } as never);
    expect(producerStateLost(unreachable)).toBe(false);
    expect(producerStateLost(brokerRefusal('NOT_LEADER_FOR_PARTITION', true))).toBe(false);
    expect(producerStateLost(new Error('OUT_OF_ORDER_SEQUENCE_NUMBER'))).toBe(false);
    expect(producerStateLost(undefined)).toBe(false);
  });
});

describe('RenewedProducers', () => {
  function fakeProducers() {
    const log: string[] = [];
    let made = 0;
    const create = () => {
      const name = `producer ${++made}`;
      return {
        connect: async () => void log.push(`${name} connected`),
        disconnect: async () => void log.push(`${name} disconnected`),
      } as unknown as Producer;
    };
    return { log, renewed: new RenewedProducers(create) };
  }

  it('hands over a connected new producer, then disconnects the one it made before', async () => {
    const { log, renewed } = fakeProducers();
    await renewed.next();
    await renewed.next();
    expect(log).toEqual(['producer 1 connected', 'producer 2 connected', 'producer 1 disconnected']);
    await renewed.close();
    expect(log.at(-1)).toBe('producer 2 disconnected');
  });

  it('has nothing to close when it never made a producer', async () => {
    const { log, renewed } = fakeProducers();
    await renewed.close();
    expect(log).toEqual([]);
  });
});
