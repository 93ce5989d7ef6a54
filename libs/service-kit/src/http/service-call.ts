/** What one OneSeal service asks another over HTTP, for the log to say which call it was. */
export interface ServiceCall {
  /** e.g. "routing's access check": the log names the call this way. */
  what: string;
  url: string;
  method?: 'GET' | 'POST';
  /** The caller's own token (forwarded) or a service token. */
  authorization?: string;
  body?: unknown;
  timeoutMs?: number;
}

export interface ServiceCallAnswers {
  /** Errors for statuses the caller gives a meaning (404: not found, 401: token …), each in the caller's own words. */
  refusals?: Partial<Record<number, () => Error>>;
  /** The error when the other service cannot be reached or answers anything else. */
  unavailable: () => Error;
  logger: { warn(message: string): void };
}

/**
 * Asks another service and answers its JSON. A status the caller gives a meaning becomes that error; no answer, or
 * any other failure, is logged (why stays in the log) and becomes the caller's "unavailable" error.
 */
export async function askService<T>(call: ServiceCall, answers: ServiceCallAnswers): Promise<T> {
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: call.method ?? 'GET',
      headers: {
        ...(call.authorization ? { authorization: call.authorization } : {}),
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(call.timeoutMs ?? 10_000),
    });
  } catch (error) {
    answers.logger.warn(
      `${call.what}: no answer (${error instanceof Error ? error.message : String(error)})`,
    );
    throw answers.unavailable();
  }
  const refusal = answers.refusals?.[response.status];
  if (refusal) throw refusal();
  if (!response.ok) {
    answers.logger.warn(`${call.what}: answered HTTP ${response.status}`);
    throw answers.unavailable();
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
