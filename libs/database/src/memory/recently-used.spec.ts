import { RecentlyUsed } from './recently-used';

describe('what a process keeps of rows it used lately', () => {
  it('forgets the least recently used first, past its capacity', () => {
    const kept = new RecentlyUsed<number>(2);
    kept.set('case-1', 1);
    kept.set('case-2', 2);
    kept.get('case-1');
    kept.set('case-3', 3);
    expect(kept.get('case-2')).toBeUndefined();
    expect(kept.get('case-1')).toBe(1);
    expect(kept.get('case-3')).toBe(3);
  });

  it('replaces a value set again, and forgets one deleted', () => {
    const kept = new RecentlyUsed<string>(2);
    kept.set('case-1', 'a');
    kept.set('case-1', 'b');
    expect(kept.get('case-1')).toBe('b');
    kept.delete('case-1');
    expect(kept.get('case-1')).toBeUndefined();
  });
});
