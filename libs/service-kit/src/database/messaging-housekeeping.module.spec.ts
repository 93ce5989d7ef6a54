import { pruneMessaging } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import { MessagingHousekeepingService } from './messaging-housekeeping.module';

jest.mock('@oneseal/database', () => ({ pruneMessaging: jest.fn() }));

const prune = pruneMessaging as jest.MockedFunction<typeof pruneMessaging>;
const dataSource = {} as DataSource;
const kept = { publishedDays: 1, consumedDays: 30 };
const MINUTE = 60_000;

describe('the messaging prune of a running service', () => {
  beforeEach(() => {
    prune.mockReset();
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
  });

  afterEach(() => jest.useRealTimers());

  it('first prunes five minutes after the start, then once an hour, what the environment keeps', async () => {
    prune.mockResolvedValue({ outbox: 0, processedEvents: 0 });
    const service = new MessagingHousekeepingService(dataSource, { schema: 'intake', kept });
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(4 * MINUTE);
    expect(prune).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(prune).toHaveBeenCalledTimes(1);
    expect(prune).toHaveBeenLastCalledWith(dataSource, 'intake', kept, expect.any(Function));
    await jest.advanceTimersByTimeAsync(60 * MINUTE);
    expect(prune).toHaveBeenCalledTimes(2);
    await service.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(120 * MINUTE);
    expect(prune).toHaveBeenCalledTimes(2);
  });

  it('on stopping, tells a prune under way to end after its statement, and waits for it', async () => {
    let statements = 0;
    prune.mockImplementation(async (_source, _schema, _kept, goOn = () => true) => {
      // One statement after another, until told to stop.
      while (goOn()) {
        statements += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { outbox: statements, processedEvents: 0 };
    });
    const service = new MessagingHousekeepingService(dataSource, { schema: 'seal', kept });
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5 * MINUTE);
    expect(statements).toBeGreaterThan(0);
    await service.onApplicationShutdown();
    const atStop = statements;
    await new Promise((resolve) => setImmediate(resolve));
    expect(statements).toBe(atStop);
  });

  it('keeps the service running when a prune fails, and tries again an hour later', async () => {
    prune.mockRejectedValueOnce(new Error('connection terminated'));
    prune.mockResolvedValue({ outbox: 3, processedEvents: 0 });
    const service = new MessagingHousekeepingService(dataSource, { schema: 'routing', kept });
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5 * MINUTE);
    await jest.advanceTimersByTimeAsync(60 * MINUTE);
    expect(prune).toHaveBeenCalledTimes(2);
    await service.onApplicationShutdown();
  });
});
