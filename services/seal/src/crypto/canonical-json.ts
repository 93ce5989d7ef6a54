/**
 * JSON with object keys sorted at every level and no whitespace: the exact bytes a signature covers, so a
 * record signed here verifies anywhere that re-serialises it the same way, whatever order its keys arrived in.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error('canonical JSON has no representation for a non-finite number');
  }
  return JSON.stringify(value);
}
