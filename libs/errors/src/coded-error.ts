/**
 * An error a clerk may see: a stable code, a Chinese message, and the HTTP status its feature maps the code to
 * (each feature keeps that mapping as an exhaustive switch over its own code enum).
 */
export abstract class CodedError<TCode extends string> extends Error {
  abstract readonly httpStatus: number;
  /** When the same request may be sent again (429, 503): answered as the Retry-After header. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: TCode,
    message: string,
    /** Structured facts the caller acts on (e.g. the list of missing materials), sent beside the message. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The default branch of an exhaustive switch: a code added to an enum and not mapped fails to compile. */
export function assertUnreachable(value: never): never {
  throw new Error(`unmapped error code: ${String(value)}`);
}
