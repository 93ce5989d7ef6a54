import { MockActivityEnvironment } from '@temporalio/testing';
import { heartbeatingActivities } from './heartbeating-activities';
import { activityWorker } from './temporal-workers';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('heartbeatingActivities', () => {
  const activities = heartbeatingActivities(
    {
      async slow(ms: number) {
        await pause(ms);
        return `done after ${ms} ms`;
      },
      async quick() {
        return 'done';
      },
      async failing() {
        await pause(60);
        throw new Error('refused');
      },
    },
    20,
  );

  async function heartbeatsOf(run: (env: MockActivityEnvironment) => Promise<unknown>) {
    const env = new MockActivityEnvironment();
    let beats = 0;
    env.on('heartbeat', () => (beats += 1));
    const outcome = await run(env).then(
      (value) => ({ value }),
      (error: Error) => ({ error: error.message }),
    );
    // None after the activity ended.
    const atEnd = beats;
    await pause(60);
    return { outcome, beats: atEnd, after: beats - atEnd };
  }

  it('tells the server it is alive while a long attempt runs, and returns what the activity did', async () => {
    const seen = await heartbeatsOf((env) => env.run(activities.slow, 110));
    expect(seen.outcome).toEqual({ value: 'done after 110 ms' });
    expect(seen.beats).toBeGreaterThanOrEqual(3);
    expect(seen.after).toBe(0);
  });

  it('sends nothing for an attempt that ends before the first beat', async () => {
    expect(await heartbeatsOf((env) => env.run(activities.quick))).toEqual({
      outcome: { value: 'done' },
      beats: 0,
      after: 0,
    });
  });

  it('stops beating when the activity fails, and throws its failure', async () => {
    const seen = await heartbeatsOf((env) => env.run(activities.failing));
    expect(seen.outcome).toEqual({ error: 'refused' });
    expect(seen.beats).toBeGreaterThanOrEqual(1);
    expect(seen.after).toBe(0);
  });

  it('is how a worker built with heartbeatEveryMs runs its activities, and only such a worker', async () => {
    const built = (heartbeatEveryMs?: number) =>
      activityWorker<[]>({
        name: 'activityWorker',
        taskQueue: 'test',
        inject: [],
        activities: () => ({ slow: (ms: number) => pause(ms).then(() => 'done') }),
        heartbeatEveryMs,
      }).buildActivities?.([]) as { slow(ms: number): Promise<string> };
    const beating = await heartbeatsOf((env) => env.run(built(20).slow, 110));
    expect(beating.outcome).toEqual({ value: 'done' });
    expect(beating.beats).toBeGreaterThanOrEqual(3);
    expect((await heartbeatsOf((env) => env.run(built().slow, 110))).beats).toBe(0);
  });
});
