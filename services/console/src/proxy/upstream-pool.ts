/** How long a replica that refused a connection is passed over before it is tried again. */
const RESTING_MS = 5_000;

/**
 * A service's replicas, taken in turn; one that could not be reached rests for a few seconds while the others
 * answer. With one replica it is simply that one.
 */
export class UpstreamPool {
  private turn = 0;
  private readonly restingUntil = new Map<string, number>();

  constructor(
    readonly bases: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    if (bases.length === 0) throw new Error('a service needs at least one replica');
  }

  /** The replicas in the order to try them: the next in turn first, resting ones last. */
  order(): string[] {
    const start = this.turn++ % this.bases.length;
    const rotated = [...this.bases.slice(start), ...this.bases.slice(0, start)];
    const awake = (base: string) => (this.restingUntil.get(base) ?? 0) <= this.now();
    return [...rotated.filter(awake), ...rotated.filter((base) => !awake(base))];
  }

  unreachable(base: string): void {
    this.restingUntil.set(base, this.now() + RESTING_MS);
  }
}

/** A failure that happened before the request reached the service (nothing was sent: trying another is safe). */
export function neverReached(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT'].includes(
    cause?.code ?? '',
  );
}
