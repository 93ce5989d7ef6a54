import { randomUUID } from 'node:crypto';
import { sm3Hex } from '@oneseal/gm-crypto';
import { HeadsDigest, HeadsOutOfOrderError, sortedByStream, type ChainHead } from './checkpoint-digest';

const head = (streamId: string, version = 1): ChainHead => ({ streamId, version, hash: 'ab'.repeat(32) });

/** The digest of heads given all at once, in whatever order. */
function digestOf(heads: readonly ChainHead[]): string {
  const digest = new HeadsDigest();
  digest.add(sortedByStream(heads));
  return digest.hex();
}

describe('the digest of a checkpoint’s heads', () => {
  it('is SM3 over one line per head in stream order, whatever order the heads come in', () => {
    const heads = [head('b', 3), head('a', 7)];
    expect(digestOf(heads)).toBe(sm3Hex(`a 7 ${'ab'.repeat(32)}\nb 3 ${'ab'.repeat(32)}`));
    expect(digestOf([...heads].reverse())).toBe(digestOf(heads));
  });

  it('is the same taken a page at a time, and counts the heads', () => {
    const heads = Array.from({ length: 25 }, (_, index) => head(randomUUID(), index + 1));
    const inOrder = sortedByStream(heads);
    const paged = new HeadsDigest();
    for (let start = 0; start < inOrder.length; start += 7) paged.add(inOrder.slice(start, start + 7));
    expect(paged.hex()).toBe(digestOf(heads));
    expect(paged.count).toBe(25);
    expect(new HeadsDigest().hex()).toBe(digestOf([]));
  });

  it('refuses heads out of stream order rather than give a digest that would look like tampering', () => {
    const digest = new HeadsDigest();
    digest.add([head('a'), head('c')]);
    expect(() => digest.add([head('b')])).toThrow(HeadsOutOfOrderError);
  });
});
