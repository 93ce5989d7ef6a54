import type { Logger, MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';

/** What a long check is told by the person watching it: how far it is, and whether it is still wanted. */
export interface ProgressWatch<TProgress> {
  onProgress?: (progress: TProgress) => void;
  stillWanted?: () => boolean;
}

/** How often a long check reports how far it is. */
const PROGRESS_EVERY_MS = 500;

/**
 * A long check for a person watching it, as server-sent events: answered at once (a gateway waits for an answer, not
 * for its end), `progress` at most twice a second, then `verdict` — or `failed` with the code and message of
 * `interrupted` when the check threw. Unsubscribing (the person left) tells the check it is no longer wanted.
 */
export function progressStream<TProgress, TVerdict>(
  check: (watch: ProgressWatch<TProgress>) => Promise<TVerdict>,
  interrupted: Error & { code: string },
  logger: Pick<Logger, 'warn'>,
  what: string,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    let wanted = true;
    let reportedAt = 0;
    check({
      onProgress: (progress) => {
        if (Date.now() - reportedAt < PROGRESS_EVERY_MS) return;
        reportedAt = Date.now();
        subscriber.next({ type: 'progress', data: progress as object });
      },
      stillWanted: () => wanted,
    })
      .then(
        (verdict) => subscriber.next({ type: 'verdict', data: verdict as object }),
        (error: unknown) => {
          logger.warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
          // Its code and message only (an Error's message would not survive JSON on its own).
          subscriber.next({ type: 'failed', data: { code: interrupted.code, message: interrupted.message } });
        },
      )
      .finally(() => subscriber.complete());
    return () => {
      wanted = false;
    };
  });
}

/** The part of an HTTP response a stream is written to (Express's). */
export interface StreamResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(): void;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * Writes a progress stream as server-sent events on a response of its own, for a check asked for with a body (POST),
 * which Nest's @Sse (GET only) cannot answer. Ends with the stream; the person leaving ends the stream.
 */
export function writeProgressStream(response: StreamResponse, events: Observable<MessageEvent>): void {
  response.status(200);
  response.setHeader('content-type', 'text/event-stream');
  response.setHeader('cache-control', 'no-cache');
  response.setHeader('x-accel-buffering', 'no');
  response.flushHeaders();
  const subscription = events.subscribe({
    next: (event) => {
      response.write(`event: ${event.type ?? 'message'}\ndata: ${JSON.stringify(event.data)}\n\n`);
    },
    complete: () => response.end(),
  });
  response.on('close', () => subscription.unsubscribe());
}
