import { ApplicationFailure } from '@temporalio/common';
import { BAD_DATA_FAILURE } from '@oneseal/contracts';
import { badDataCode, failOnBadData } from './bad-data-failure';

/** What TypeORM throws when PostgreSQL refuses a query: the driver's error, with its SQLSTATE, inside. */
const queryFailed = (code: string) =>
  Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    name: 'QueryFailedError',
    driverError: { code },
  });

describe('activities failing on data no retry can fix', () => {
  it('knows data exceptions and rule violations from races and outages', () => {
    expect(badDataCode(queryFailed('22021'))).toBe('22021');
    expect(badDataCode(queryFailed('22P05'))).toBe('22P05');
    expect(badDataCode(queryFailed('23502'))).toBe('23502');
    expect(badDataCode(queryFailed('23514'))).toBe('23514');
    // A duplicate key is how an idempotent retry shows; a missing referenced row is an ordering race.
    expect(badDataCode(queryFailed('23505'))).toBeUndefined();
    expect(badDataCode(queryFailed('23503'))).toBeUndefined();
    expect(
      badDataCode(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBeUndefined();
    expect(badDataCode(undefined)).toBeUndefined();
  });

  it('ends such an activity non-retryable, typed for the workflow, and rethrows anything else as it was', async () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:55432');
    const activities = failOnBadData({
      async closeReviewTask(opinion: string) {
        if (opinion.includes('\u0000')) throw queryFailed('22021');
        if (opinion === 'down') throw outage;
        return `closed: ${opinion}`;
      },
    });
    await expect(activities.closeReviewTask('同意')).resolves.toBe('closed: 同意');
    await expect(activities.closeReviewTask('down')).rejects.toBe(outage);
    const failure = await activities.closeReviewTask('同\u0000意').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toEqual(
      expect.objectContaining({ type: BAD_DATA_FAILURE, nonRetryable: true, details: [{ code: '22021' }] }),
    );
    expect((failure as Error).message).toMatch(/^closeReviewTask: the database refused the data \(22021\)/);
  });
});
