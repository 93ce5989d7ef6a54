/** PostgreSQL's "cannot connect now" classes: 08 (connection exception) and 57P0x (shutdown, cannot connect now). */
const DATABASE_DOWN = /^(08\d{3}|57P0[1-4])$/;
const NETWORK_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'ENOTFOUND',
]);
const KAFKA_DOWN = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
]);
const TEMPORAL_UNAVAILABLE = 14; // gRPC UNAVAILABLE
const DOWN_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Connection is not established|the database system is (starting up|shutting down)/i;

/** Whether an error (or what caused it) says an engine cannot be reached right now, not that the request was wrong. */
export function isEngineUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, driverError } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
  };
  if (typeof code === 'string' && (DATABASE_DOWN.test(code) || NETWORK_DOWN.has(code))) return true;
  if (code === TEMPORAL_UNAVAILABLE) return true;
  if (typeof name === 'string' && KAFKA_DOWN.has(name)) return true;
  if (typeof message === 'string' && DOWN_MESSAGE.test(message)) return true;
  return isEngineUnavailable(driverError, depth + 1) || isEngineUnavailable(cause, depth + 1);
}
