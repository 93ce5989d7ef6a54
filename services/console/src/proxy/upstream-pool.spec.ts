import { neverReached, UpstreamPool } from './upstream-pool';

describe('a service’s replicas behind the console', () => {
  it('takes them in turn, and passes over one that could not be reached until it has rested', () => {
    let now = 0;
    const pool = new UpstreamPool(['http://a', 'http://b', 'http://c'], () => now);
    expect([pool.order()[0], pool.order()[0], pool.order()[0], pool.order()[0]]).toEqual([
      'http://a',
      'http://b',
      'http://c',
      'http://a',
    ]);
    pool.unreachable('http://b');
    // b's turns go to the others while it rests, and it comes last should they fail too.
    expect(pool.order()).toEqual(['http://c', 'http://a', 'http://b']);
    expect(pool.order()).toEqual(['http://c', 'http://a', 'http://b']);
    now = 6_000;
    expect(pool.order()).toEqual(['http://a', 'http://b', 'http://c']);
    expect(pool.order()).toEqual(['http://b', 'http://c', 'http://a']);
  });

  it('tries another replica only when the request never reached the first', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const timedOut = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    expect(neverReached(refused)).toBe(true);
    expect(neverReached(timedOut)).toBe(false);
    expect(neverReached(undefined)).toBe(false);
  });
});
