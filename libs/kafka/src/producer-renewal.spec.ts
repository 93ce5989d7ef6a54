import type { Producer } from 'kafkajs';
import { RenewedProducers } from './producer-renewal';

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

  it('disconnects a producer that failed to connect, and keeps the one it had', async () => {
    const log: string[] = [];
    let made = 0;
    const renewed = new RenewedProducers(() => {
      const name = `producer ${++made}`;
      return {
        connect: async () => {
          log.push(`${name} connecting`);
          if (name === 'producer 2') throw new Error('The producer id could not be had');
        },
        disconnect: async () => void log.push(`${name} disconnected`),
      } as unknown as Producer;
    });
    await renewed.next();
    await expect(renewed.next()).rejects.toThrow('could not be had');
    expect(log).toEqual(['producer 1 connecting', 'producer 2 connecting', 'producer 2 disconnected']);
    await renewed.close();
    expect(log.at(-1)).toBe('producer 1 disconnected');
  });

  it('has nothing to close when it never made a producer', async () => {
    const { log, renewed } = fakeProducers();
    await renewed.close();
    expect(log).toEqual([]);
  });
});
