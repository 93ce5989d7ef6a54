/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 sorts them) at every level and no whitespace:
 * equal values always serialise to the same bytes, whatever order their keys arrived in (PostgreSQL's jsonb, for
 * one, does not keep key order). The one serialisation OneSeal signs, hashes and compares: seal records and stamps,
 * the audit log's hash chain, guide versions, intake's request fingerprints.
 *
 * Otherwise it follows JSON.stringify: toJSON() is honoured, object keys whose value is undefined are left out and
 * undefined in an array is null. A number JSON cannot carry (NaN, Infinity) is refused rather than written as null.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value);
  if (text === undefined) throw new Error('canonical JSON has no representation for undefined');
  return text;
}

function encode(raw: unknown): string | undefined {
  const value = hasToJson(raw) ? raw.toJSON() : raw;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error('canonical JSON has no representation for a non-finite number');
  }
  if (typeof value === 'bigint') throw new Error('canonical JSON has no representation for a bigint');
  if (Array.isArray(value)) return `[${value.map((item) => encode(item) ?? 'null').join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .flatMap((key) => {
        const inner = encode(record[key]);
        return inner === undefined ? [] : [`${JSON.stringify(key)}:${inner}`];
      });
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

function hasToJson(value: unknown): value is { toJSON: () => unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
