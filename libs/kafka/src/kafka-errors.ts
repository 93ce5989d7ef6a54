/**
 * Whether `error` is a broker's answer of one of `types` (`UNKNOWN_TOPIC_OR_PARTITION` …), or was caused by one:
 * kafkajs hands a broker's answer over as is, or wrapped (as `cause`, perhaps twice) once its retries are over.
 */
export function isKafkaErrorOf(error: unknown, types: ReadonlySet<string>): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { type, cause } = current as { type?: unknown; cause?: unknown };
    if (typeof type === 'string' && types.has(type)) return true;
    current = cause;
  }
  return false;
}
