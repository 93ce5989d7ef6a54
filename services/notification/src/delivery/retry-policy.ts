export interface RetryPolicy {
  /** Delay after the first failed attempt; it doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first included; after the last retryable failure the message is marked failed. */
  maxAttempts: number;
  /**
   * How long a claimed message is left to its sender before another poller may try it: longer than any provider
   * call (they time out well before), so only a sender that died lets it go.
   */
  leaseMs: number;
}

/**
 * The wait before the next attempt after `failedAttempts` attempts: exponential, capped, with the upper half
 * randomised so that messages which failed together (a provider outage) do not all retry in the same instant.
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
) {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
