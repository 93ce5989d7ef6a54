import { createRequire } from 'node:module';
import './kafkajs-idle-loop';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const RequestQueue = createRequire(require.resolve('kafkajs'))(
  './src/network/requestQueue',
) as new (options: {
  maxInFlightRequests: number | null;
  requestTimeout: number;
  enforceRequestTimeout: boolean;
  clientId: string;
  broker: string;
  logger: unknown;
}) => Queue;

function queue(): Queue {
  const logger = {
    debug: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    info: () => undefined,
  };
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'test',
    broker: '127.0.0.1:9092',
    logger: { ...logger, namespace: () => logger },
  });
}

describe("kafkajs's request queue, as every service loads it", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps no timer running while nothing waits (kafkajs 2.2.4 spun one every millisecond)', () => {
    const idle = queue();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still comes back for a request held by the broker’s throttle, and sends it when the throttle ends', () => {
    const throttled = queue();
    const sent: string[] = [];
    throttled.throttledUntil = Date.now() + 500;
    throttled.pending.push({
      correlationId: 7,
      expectResponse: true,
      pendingDuration: 0,
      send: () => sent.push('request 7'),
    });
    throttled.checkPendingRequests();
    expect(sent).toEqual([]);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(500);
    expect(sent).toEqual(['request 7']);
  });
});
