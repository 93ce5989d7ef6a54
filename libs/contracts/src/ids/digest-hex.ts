/**
 * 32 hex digits that digest `text`: the same text always gives the same digits, and different texts (in practice)
 * different ones. Plain code, so workflows use it to make an id from what it names. Not a cryptographic hash: what it
 * digests is not secret and nobody is trying to forge a collision.
 */
export function digestHex(text: string): string {
  // Four 32-bit lanes, each a multiply-xor walk over the UTF-16 code units with its own constants, then mixed into
  // one another and each finished with MurmurHash3's avalanche.
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    c = Math.imul(c ^ unit, 0x27d4eb2d);
    d = Math.imul(d ^ unit, 0x165667b1);
  }
  const length = text.length;
  a = avalanche(a ^ length ^ d);
  b = avalanche(b ^ a);
  c = avalanche(c ^ b);
  d = avalanche(d ^ c);
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
}

function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
