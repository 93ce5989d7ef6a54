import { cappedCount, countUpToSql } from './count-up-to';

describe('counting a list up to a limit', () => {
  it('shows the count up to the limit, and says "more" only past it', () => {
    expect(cappedCount(999, 1000)).toEqual({ total: 999, capped: false });
    expect(cappedCount(1000, 1000)).toEqual({ total: 1000, capped: false });
    expect(cappedCount(1001, 1000)).toEqual({ total: 1000, capped: true });
  });

  it('reads one row past the limit, so a list of exactly the limit is not taken for more', () => {
    expect(countUpToSql('SELECT 1 FROM t', 1000)).toBe(
      '(SELECT count(*)::int FROM (SELECT 1 FROM t LIMIT 1001) AS counted)',
    );
  });
});
