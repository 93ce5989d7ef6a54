import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { trend } from '../src/supervision/trend';

describe('趋势: a county’s weeks and months from the per-day counts (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  const day = (
    date: string,
    town: string,
    figures: {
      received?: number;
      concluded?: number;
      timed?: number;
      onTime?: number;
      ratings?: number;
      dissatisfied?: number;
    },
  ) =>
    suite.dataSource.query(
      `INSERT INTO routing.town_days (county, town, day, received, concluded, timed, concluded_on_time, ratings, dissatisfied)
       VALUES ('140525', $1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        town,
        date,
        figures.received ?? 0,
        figures.concluded ?? 0,
        figures.timed ?? 0,
        figures.onTime ?? 0,
        figures.ratings ?? 0,
        figures.dissatisfied ?? 0,
      ],
    );

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_trend', { schema: ROUTING_SCHEMA, entities: [RoutedCase] });
    await day('2026-11-23', '140525100', {
      received: 3,
      concluded: 2,
      timed: 2,
      onTime: 1,
      ratings: 2,
      dissatisfied: 1,
    });
    await day('2026-11-29', '140525100', { received: 1 });
    await day('2026-12-07', '140525100', { received: 4, concluded: 4, timed: 3, onTime: 3 });
    await day('2026-12-08', '140525101', { received: 2 });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('sums Monday-to-Sunday weeks up to today, oldest first, a quiet week as zeros', async () => {
    const weeks = await trend(suite.dataSource, { county: '140525' }, 'week', 3, '2026-12-09');
    expect(weeks.map((week) => [week.from, week.to, week.received, week.concluded, week.onTimeRate])).toEqual(
      [
        ['2026-11-23', '2026-11-29', 4, 2, 0.5],
        ['2026-11-30', '2026-12-06', 0, 0, null],
        ['2026-12-07', '2026-12-09', 6, 4, 1],
      ],
    );
    expect(weeks[0].satisfactionRate).toBe(0.5);
  });

  it('sums calendar months, and one town alone when asked', async () => {
    const months = await trend(
      suite.dataSource,
      { county: '140525', town: '140525100' },
      'month',
      2,
      '2026-12-09',
    );
    expect(months.map((month) => [month.from, month.to, month.received])).toEqual([
      ['2026-11-01', '2026-11-30', 4],
      ['2026-12-01', '2026-12-09', 4],
    ]);
  });
});
