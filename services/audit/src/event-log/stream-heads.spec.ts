import { StreamHeads } from './stream-heads';

describe('the stream heads an audit replica remembers', () => {
  it('keeps the later head when appends of one case finish out of order', () => {
    const heads = new StreamHeads();
    heads.remember('case-1', { version: 3, hash: 'c' });
    heads.remember('case-1', { version: 2, hash: 'b' });
    expect(heads.get('case-1')).toEqual({ version: 3, hash: 'c' });
  });

  it('forgets a case whose head turned out stale', () => {
    const heads = new StreamHeads();
    heads.remember('case-1', { version: 1, hash: 'a' });
    heads.forget('case-1');
    expect(heads.get('case-1')).toBeUndefined();
  });
});
