import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { AuthUser } from '@oneseal/auth';
import type { IssueNoticeRequest } from '@oneseal/contracts';
import { SeededPlaceNames } from '@oneseal/domain';
import { openSuiteDataSource, refusalCodeOf, type SuiteDataSource } from '@oneseal/testing';
import { AssessmentBulletinsService } from '../src/assessment/assessment-bulletins.service';
import { AssessmentService } from '../src/assessment/assessment.service';
import { BulletinSealClient } from '../src/assessment/bulletin-seal.client';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';

const AFTER_DECEMBER = new Date('2027-01-05T02:00:00Z');
const IN_DECEMBER = new Date('2026-12-20T02:00:00Z');
const admin: AuthUser = { id: 'admin', name: '赵建国', roles: ['admin'], county: '140525' };
const otherCountyAdmin: AuthUser = { id: 'admin-2', name: '钱七', roles: ['admin'], county: '140522' };
const NANCUN = '140525100';
const DECEMBER = { county: '140525', period: 'month' as const, of: '2026-12' };

/**
 * What the seal service answers to POST /notices, as a process of its own on a port: it fails while told to, and
 * otherwise issues one notice per key (as the real one does, tested in services/seal/test/county-notices).
 */
function sealServiceStandIn() {
  const received: { authorization: string | undefined; request: IssueNoticeRequest }[] = [];
  const issued = new Map<string, { documentId: string; number: string }>();
  let failing = 0;
  const server: Server = createServer((incoming, answer) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    incoming.on('end', () => {
      const request = JSON.parse(body) as IssueNoticeRequest;
      received.push({ authorization: incoming.headers.authorization, request });
      if (failing > 0) {
        failing -= 1;
        answer.writeHead(503).end();
        return;
      }
      const earlier = issued.get(request.noticeKey);
      const notice = earlier ?? { documentId: randomUUID(), number: `泽审批〔2027〕${issued.size + 1}号` };
      issued.set(request.noticeKey, notice);
      answer.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ...notice,
          kind: request.kind,
          county: request.county,
          title: request.text.title,
          issuerName: '泽州县行政审批服务管理局',
          issuedAt: AFTER_DECEMBER.toISOString(),
          verificationCode: 'AAAA-BBBB-CCCC-DDDD',
          fileName: 'x.pdf',
          created: !earlier,
        }),
      );
    });
  });
  return {
    received,
    failNext: (times: number) => (failing = times),
    start: () =>
      new Promise<string>((done) =>
        server.listen(0, '127.0.0.1', () =>
          done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('印发考核通报: one per county and period, issued once by the seal service (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let bulletins: AssessmentBulletinsService;
  const seal = sealServiceStandIn();

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_assessment_bulletins', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    const assessment = new AssessmentService(
      suite.dataSource,
      SeededPlaceNames.fromSeeds(resolve(__dirname, '../../../seeds')),
    );
    bulletins = new AssessmentBulletinsService(
      suite.dataSource,
      assessment,
      new BulletinSealClient(await seal.start()),
    );
    const caseId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, workflow_id, workflow_run_id, routed_at,
                                         stage, channel, committed_due_date, concluded_at, result, on_time)
       VALUES ($1::uuid, '140525', $2, 'ZZ-T-002', $1::text, $1::text, '2026-12-02T02:00:00Z', 'concluded',
               'town-window', '2026-12-15', '2026-12-10T02:00:00Z', '准予', true)`,
      [caseId, NANCUN],
    );
  });

  afterAll(async () => {
    await seal.stop();
    await suite?.close();
  });

  const stored = async () =>
    (await suite.dataSource.query(
      `SELECT id, number, document_id FROM routing.assessment_bulletins WHERE county = '140525'`,
    )) as { id: string; number: string | null; document_id: string | null }[];

  it('refuses a period that has not ended and another county’s, asking the seal service nothing', async () => {
    expect(await refusalCodeOf(bulletins.issue(admin, 'Bearer a', DECEMBER, IN_DECEMBER))).toBe(
      'ASSESSMENT.PERIOD_NOT_OVER',
    );
    expect(await refusalCodeOf(bulletins.issue(otherCountyAdmin, 'Bearer b', DECEMBER, AFTER_DECEMBER))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(seal.received).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('keeps the draft when the seal service cannot answer, then issues it with the same key; asked again, answers it', async () => {
    seal.failNext(1);
    expect(await refusalCodeOf(bulletins.issue(admin, 'Bearer admin-token', DECEMBER, AFTER_DECEMBER))).toBe(
      'ASSESSMENT.BULLETIN_SEAL_UNAVAILABLE',
    );
    const [draft] = await stored();
    expect(draft).toMatchObject({ number: null, document_id: null });

    const issued = await bulletins.issue(admin, 'Bearer admin-token', DECEMBER, AFTER_DECEMBER);
    expect(issued).toMatchObject({
      id: draft.id,
      number: '泽审批〔2027〕1号',
      periodTitle: '2026年12月',
      title: '关于2026年12月全县乡（镇）便民服务中心考核情况的通报',
      created: true,
    });
    // Both attempts carried the administrator's own token and the same key: the seal service issues one notice.
    expect(seal.received.map((call) => [call.authorization, call.request.noticeKey])).toEqual([
      ['Bearer admin-token', draft.id],
      ['Bearer admin-token', draft.id],
    ]);
    const sent = seal.received[1].request;
    expect(sent).toMatchObject({ kind: 'assessment-bulletin', county: '140525' });
    expect(sent.text.table?.rows[0].slice(0, 2)).toEqual(['1', '南村镇']);

    const again = await bulletins.issue(admin, 'Bearer admin-token', DECEMBER, AFTER_DECEMBER);
    expect(again).toMatchObject({ number: '泽审批〔2027〕1号', created: false });
    expect(seal.received).toHaveLength(2);
    expect(await stored()).toHaveLength(1);
    const listed = await bulletins.issued(admin, '140525');
    expect(listed.map((bulletin) => [bulletin.periodOf, bulletin.number])).toEqual([
      ['2026-12', '泽审批〔2027〕1号'],
    ]);
    expect(listed[0].text.closing.at(-1)).toBe('特此通报。');
  });
});
