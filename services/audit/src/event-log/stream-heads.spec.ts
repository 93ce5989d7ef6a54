import { StreamHeads } from './stream-heads';

describe('the stream heads an audit replica remembers', () => {
  it('keeps the later head when appends of one case finish out of order', () => {
    const heads = new StreamHeads();
    heads.remember('case-1', { version: 3, hash: 'c' });
    heads.remember('case-1', { version: 2, hash: 'b' });
    expect(heads.get('case-1')).toEqual({ version: 3, hash: 'c' });
  });

  it('forgets the least recently used case first, past its capacity', () => {
    const heads = new StreamHeads(2);
    heads.remember('case-1', { version: 1, hash: 'a' });
    heads.remember('case-2', { version: 1, hash: 'b' });
    heads.get('case-1');
    heads.remember('case-3', { version: 1, hash: 'c' });
    expect(heads.get('case-2')).toBeUndefined();
    expect(heads.get('case-1')).toEqual({ version: 1, hash: 'a' });
    expect(heads.get('case-3')).toEqual({ version: 1, hash: 'c' });
  });

  it('forgets a case whose head turned out stale', () => {
    const heads = new StreamHeads();
    heads.remember('case-1', { version: 1, hash: 'a' });
    heads.forget('case-1');
    expect(heads.get('case-1')).toBeUndefined();
  });
});
