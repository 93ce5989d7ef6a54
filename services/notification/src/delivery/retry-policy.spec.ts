import { retryDelayMs, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10, leaseMs: 60_000 };

describe('retry backoff', () => {
  it('doubles the delay after each failed attempt, up to the cap', () => {
    const upper = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempts) => retryDelayMs(attempts, policy, () => 1));
    expect(upper).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('spreads retries over the upper half of each step so messages that failed together do not retry together', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(15_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(90_000);
    expect(retryDelayMs(20, policy, () => 0)).toBe(1_800_000);
  });
});
