import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import { TOPICS, type IssueNoticeRequest } from '@oneseal/contracts';
import { chinaDate } from '@oneseal/domain';
import { eventually, openSuiteDataSource, refusalCodeOf, type SuiteDataSource } from '@oneseal/testing';
import { SEAL_SCHEMA } from '../src/config/seal.env';
import { KeyEncryption } from '../src/crypto/key-encryption';
import { DivisionNames } from '../src/divisions/division-names';
import { SEAL_ENTITIES } from '../src/entities';
import { NoticeIssuingService } from '../src/notices/notice-issuing.service';
import { publishedNotices } from '../src/notices/published-notices';
import { registerOrgans } from '../src/organs/issuing-organs';
import { seededOrgans } from '../src/organs/organ-directory';
import { SealRegistry, type SealView } from '../src/seals/seal-registry';
import { SealErrorCode } from '../src/seals/seals.errors';
import { SealVerificationService } from '../src/verification/seal-verification.service';
import { bringIntoForce, storedPdf as storedPdfOf } from './fixtures/seals-and-documents';
import { PdfsInRows } from '../src/stamps/document-pdfs';
import { TEST_PUBLIC_BASE_URL } from './fixtures/seals-and-documents';

const ACTOR = 'county-approval-office-01';
const ADMINISTRATION = '140525-xzsp';
const admin: AuthUser = { id: 'zz-admin', name: '赵建国', roles: ['admin'], county: '140525' };

function bulletin(noticeKey = randomUUID(), county = '140525'): IssueNoticeRequest {
  return {
    noticeKey,
    kind: 'assessment-bulletin',
    county,
    text: {
      title: '关于2026年11月全县乡（镇）便民服务中心考核情况的通报',
      addressee: '各乡（镇）人民政府：',
      opening: ['根据考核方案，现将结果通报如下。'],
      table: {
        columns: ['名次', '乡（镇）', '得分'],
        rows: [
          ['1', '南村镇', '96.5'],
          ['2', '北义城镇', '88'],
        ],
      },
      closing: ['特此通报。'],
    },
  };
}

describe('a county’s 考核通报, issued under the administration’s seal and published (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let registry: SealRegistry;
  let notices: NoticeIssuingService;
  let verification: SealVerificationService;
  let administrationSeal: SealView;
  const year = Number(chinaDate(new Date()).slice(0, 4));

  beforeAll(async () => {
    suite = await openSuiteDataSource('seal_county_notices', {
      schema: SEAL_SCHEMA,
      entities: SEAL_ENTITIES,
    });
    const keys = new KeyEncryption(randomBytes(32).toString('hex'));
    const divisions = DivisionNames.fromSeeds();
    registry = new SealRegistry(suite.dataSource, keys, divisions);
    notices = new NoticeIssuingService(suite.dataSource, keys, TEST_PUBLIC_BASE_URL, new PdfsInRows());
    verification = new SealVerificationService(suite.dataSource, new PdfsInRows());
    await registerOrgans(suite.dataSource.manager, seededOrgans(divisions), ACTOR);
  });

  afterAll(async () => {
    await suite?.close();
  });

  const inForce = (seal: SealView) => bringIntoForce(registry, seal, ACTOR);

  const storedPdf = (documentId: string) => storedPdfOf(suite.dataSource, documentId);

  it('issues nothing while the administration has no seal in force, and the refusal is in its 用印登记', async () => {
    const request = bulletin();
    expect(await refusalCodeOf(notices.issue(admin, request))).toBe(SealErrorCode.NO_ACTIVE_BUREAU_SEAL);
    const ledger = (await suite.dataSource.query(
      `SELECT entry, organ, town, case_id, reason_code, matter_name, requested_by_name FROM seal.ledger
        WHERE decision_id = $1`,
      [request.noticeKey],
    )) as Record<string, string | null>[];
    expect(ledger).toEqual([
      {
        entry: 'refused',
        organ: ADMINISTRATION,
        town: null,
        case_id: null,
        reason_code: SealErrorCode.NO_ACTIVE_BUREAU_SEAL,
        matter_name: request.text.title,
        requested_by_name: '赵建国',
      },
    ]);
    expect(await publishedNotices(suite.dataSource, '140525')).toEqual([]);
  });

  it('numbers, seals and publishes a 通报 once per key; it verifies as the administration’s, naming no case', async () => {
    administrationSeal = await inForce(
      await registry.applyForBureau({ bureau: ADMINISTRATION, actor: ACTOR }),
    );
    const request = bulletin();
    const first = await notices.issue(admin, request);
    expect(first).toMatchObject({
      created: true,
      kind: 'assessment-bulletin',
      issuerName: '泽州县行政审批服务管理局',
      number: `泽审批〔${year}〕1号`,
      title: request.text.title,
    });
    // Asked again (a retry after a lost answer, a double click): the same notice, no second number or stamp.
    const again = await notices.issue(admin, request);
    expect(again).toMatchObject({ created: false, documentId: first.documentId, number: first.number });
    const second = await notices.issue(admin, bulletin());
    expect(second.number).toBe(`泽审批〔${year}〕2号`);

    const stamps = (await suite.dataSource.query(
      `SELECT seal_id, case_id, town FROM seal.stamps WHERE decision_id = $1`,
      [request.noticeKey],
    )) as { seal_id: string; case_id: string | null; town: string | null }[];
    expect(stamps).toEqual([{ seal_id: administrationSeal.id, case_id: null, town: null }]);

    const result = await verification.verifyPdf(await storedPdf(first.documentId));
    expect(result.reason).toBe('VALID');
    expect(result.stamp?.sealName).toBe('泽州县行政审批服务管理局');
    expect(result.stamp?.receiptNumber).toBeUndefined();
    expect(result.document).toMatchObject({
      issuer: '泽州县行政审批服务管理局',
      title: request.text.title,
      number: first.number,
      receiptNumber: null,
    });
    expect((await verification.verifyCode(first.verificationCode)).valid).toBe(true);

    // Published, newest first, for anyone to read; another county's list does not hold it.
    const published = await publishedNotices(suite.dataSource, '140525');
    expect(published.map((notice) => notice.number)).toEqual([second.number, first.number]);
    expect(published[1]).toMatchObject({
      documentId: first.documentId,
      issuerName: '泽州县行政审批服务管理局',
      verificationCode: first.verificationCode,
    });
    expect(await publishedNotices(suite.dataSource, '140522')).toEqual([]);

    const events = (await suite.dataSource.query(
      `SELECT envelope->'payload'->>'number' AS number FROM seal.outbox WHERE topic = $1 ORDER BY number`,
      [TOPICS.noticeIssuedV1],
    )) as { number: string }[];
    expect(events.map((event) => event.number)).toEqual([first.number, second.number]);
  });

  it('refuses a table whose rows do not match its header, and a key another county used, changing nothing', async () => {
    const ragged = bulletin();
    ragged.text.table?.rows.push(['3', '巴公镇']);
    expect(await refusalCodeOf(notices.issue(admin, ragged))).toBe(SealErrorCode.NOTICE_TABLE_INVALID);
    const used = bulletin();
    await notices.issue(admin, used);
    const before = await publishedNotices(suite.dataSource, undefined);
    expect(await refusalCodeOf(notices.issue(admin, { ...used, county: '140522' }))).toBe(
      SealErrorCode.NOTICE_KEY_TAKEN,
    );
    expect(await publishedNotices(suite.dataSource, undefined)).toEqual(before);
  });

  // Last: it takes the administration's seal out of use.
  it('refuses a 通报 whose seal is taken out of use as it is being stored, and the refusal is in the 用印登记', async () => {
    const request = bulletin();
    const publishedBefore = await publishedNotices(suite.dataSource, '140525');
    const keeper = suite.dataSource.createQueryRunner();
    await keeper.connect();
    await keeper.startTransaction();
    try {
      // The keeper holds the seal's record, about to take it out of use, as the 通报 is being issued.
      await keeper.query(`SELECT 1 FROM seal.seals WHERE id = $1 FOR UPDATE`, [administrationSeal.id]);
      const issuing = refusalCodeOf(notices.issue(admin, request));
      await eventually('the 通报 waiting for the seal', async () => {
        const [waiting] = (await suite.dataSource.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'`,
        )) as unknown[];
        return waiting ? true : undefined;
      });
      await keeper.query(`UPDATE seal.seals SET status = '停用' WHERE id = $1`, [administrationSeal.id]);
      await keeper.commitTransaction();
      expect(await issuing).toBe(SealErrorCode.NOT_ACTIVE);
    } finally {
      if (keeper.isTransactionActive) await keeper.rollbackTransaction();
      await keeper.release();
    }
    const ledger = (await suite.dataSource.query(
      `SELECT entry, seal_id, reason_code FROM seal.ledger WHERE decision_id = $1`,
      [request.noticeKey],
    )) as Record<string, string | null>[];
    expect(ledger).toEqual([
      { entry: 'refused', seal_id: administrationSeal.id, reason_code: SealErrorCode.NOT_ACTIVE },
    ]);
    expect(await publishedNotices(suite.dataSource, '140525')).toEqual(publishedBefore);
  });
});
