import { eventually } from '@oneseal/testing';
import { fileCase } from './case-api';
import { caseAction } from './case-api';
import { serviceUrl } from './system';

const lookupUrl = `${serviceUrl('routing')}/progress/lookup`;
const address = () => `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const lookupFrom = (from: string, body: { receiptNumber: string; queryCode: string }) =>
  fetch(lookupUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  });

describe('the public routes hold up guessers, never applicants', () => {
  it('refuses an address after ten wrong 查询码 (429, Retry-After), while the applicant looks as often as they like', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const own = { receiptNumber: filed.receiptNumber, queryCode: filed.queryCode };
    const applicant = address();
    await eventually('the case known to the lookup', async () =>
      (await lookupFrom(applicant, own)).status === 200 ? true : undefined,
    );
    for (let n = 0; n < 15; n += 1) expect((await lookupFrom(applicant, own)).status).toBe(200);

    const guesser = address();
    const wrong = { ...own, queryCode: 'AAAA-BBBB-CCCC' };
    const answers: number[] = [];
    for (let n = 0; n < 12; n += 1) answers.push((await lookupFrom(guesser, wrong)).status);
    expect(answers).toEqual([...Array(10).fill(404), 429, 429]);
    const refused = await lookupFrom(guesser, own);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(((await refused.json()) as { code: string }).code).toBe('REQUEST.RATE_LIMITED');
    // Another address is not held up by this one.
    expect((await lookupFrom(address(), own)).status).toBe(200);
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('refuses an address after twenty unknown verification codes', async () => {
    const from = address();
    const statuses: number[] = [];
    for (let n = 0; n < 21; n += 1) {
      const response = await fetch(`${serviceUrl('seal')}/verification/ZZZZ-${String(1000 + n)}`, {
        headers: { 'x-forwarded-for': from },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
