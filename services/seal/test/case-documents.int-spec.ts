import { randomBytes, randomUUID } from 'node:crypto';
import type { CaseDocumentContent, DocumentIssuer, IssueDocumentInput } from '@oneseal/contracts';
import { chinaDate } from '@oneseal/domain';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { createSealActivities } from '../src/activities/seal.activities';
import { SEAL_SCHEMA } from '../src/config/seal.env';
import { KeyEncryption } from '../src/crypto/key-encryption';
import { DivisionNames } from '../src/divisions/division-names';
import type { DocumentIssuingService } from '../src/documents/document-issuing.service';
import { KeyNumberedElsewhere, reserveDocumentNumber } from '../src/documents/document-numbers';
import { SEAL_ENTITIES } from '../src/entities';
import { organSettingChanges, registerOrgans, updateOrganSettings } from '../src/organs/issuing-organs';
import { seededOrgans } from '../src/organs/organ-directory';
import { SealRegistry, type SealView } from '../src/seals/seal-registry';
import { SealErrorCode } from '../src/seals/seals.errors';
import { readEmbeddedStamp } from '../src/stamps/stamp-record';
import type { SealVerificationService } from '../src/verification/seal-verification.service';
import {
  bringIntoForce,
  caseDocumentServices,
  storedPdf as storedPdfOf,
} from './fixtures/seals-and-documents';

const ACTOR = 'county-approval-office-01';
const TOWN = '140525100';
const BUREAU = '140525-mz';

const CONTENTS: Record<IssueDocumentInput['content']['kind'], CaseDocumentContent> = {
  'acceptance-notice': {
    kind: 'acceptance-notice',
    receivedOn: '2026-12-03',
    acceptedOn: '2026-12-04',
    committedDueDate: '2026-12-18',
    deemed: false,
  },
  'correction-notice': {
    kind: 'correction-notice',
    receivedOn: '2026-12-03',
    missingMaterials: ['户口簿复印件', '近三个月收入证明'],
    supplyBy: '2026-12-11',
    opinion: '缺收入证明',
  },
  'non-acceptance': { kind: 'non-acceptance', reason: '申请人户籍不在本镇，不属于本中心受理范围' },
  decision: {
    kind: 'decision',
    result: '准予',
    opinion: '符合临时救助条件',
    grant: { amount: '一次性发放 2000 元', form: '打入社会保障卡' },
  },
  'extension-notice': {
    kind: 'extension-notice',
    extraWorkingDays: 5,
    reason: '需入户核对家庭收入',
    approvedBy: { id: 'mz-head', name: '王建军' },
    committedDueDate: '2026-12-25',
  },
  'special-procedure-notice': {
    kind: 'special-procedure-notice',
    procedure: '公示',
    reason: '救助对象须在村内公示',
    expectedWorkingDays: 7,
  },
  'delivery-receipt': {
    kind: 'delivery-receipt',
    method: 'pick-up',
    recipient: '张三',
    deliveredOn: '2026-12-20',
  },
};

describe('documents of a case, each under its issuing organ’s seal (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let registry: SealRegistry;
  let issuing: DocumentIssuingService;
  let verification: SealVerificationService;
  const year = Number(chinaDate(new Date()).slice(0, 4));

  beforeAll(async () => {
    suite = await openSuiteDataSource('seal_case_documents', {
      schema: SEAL_SCHEMA,
      entities: SEAL_ENTITIES,
    });
    const keys = new KeyEncryption(randomBytes(32).toString('hex'));
    const divisions = DivisionNames.fromSeeds();
    registry = new SealRegistry(suite.dataSource, keys, divisions);
    ({ issuing, verification } = caseDocumentServices(suite.dataSource, keys, divisions));
    await registerOrgans(suite.dataSource.manager, seededOrgans(divisions), ACTOR);
    await inForce(await registry.apply({ county: '140525', town: TOWN, actor: ACTOR }));
    await inForce(await registry.applyForBureau({ bureau: BUREAU, actor: ACTOR }));
  });

  afterAll(async () => {
    await suite?.close();
  });

  const inForce = (seal: SealView) => bringIntoForce(registry, seal, ACTOR);

  function documentInput(
    content: CaseDocumentContent,
    issuer: DocumentIssuer = { level: 'town' },
    caseId = randomUUID(),
  ): IssueDocumentInput {
    return {
      caseId,
      county: '140525',
      town: TOWN,
      correlationId: caseId,
      documentKey: randomUUID(),
      issuer,
      receiptNumber: '140525-20261203-000135',
      matterCode: 'ZZ-T-002',
      matterName: '临时救助',
      matterTypeCode: '05',
      applicantName: '张三',
      handledBy: { id: 'nancun-window-01', name: '李娜', title: '综合受理窗口' },
      issuedAt: new Date().toISOString(),
      content,
    };
  }

  const storedPdf = (documentId: string) => storedPdfOf(suite.dataSource, documentId);

  it('issues every kind a case needs, numbered per organ and year, each verifying with the seal of the organ that issued it', async () => {
    const caseId = randomUUID();
    const issuerOf = (kind: string): DocumentIssuer =>
      kind === 'decision' || kind === 'extension-notice'
        ? { level: 'county', unitCode: BUREAU }
        : { level: 'town' };
    const issued = [];
    for (const content of Object.values(CONTENTS)) {
      issued.push(await issuing.issue(documentInput(content, issuerOf(content.kind), caseId)));
    }
    expect(issued.map(({ title, issuerName }) => `${issuerName} ${title}`)).toEqual([
      '泽州县南村镇人民政府 受理通知书',
      '泽州县南村镇人民政府 补正材料告知书',
      '泽州县南村镇人民政府 不予受理决定书',
      '泽州县民政局 给付决定书',
      '泽州县民政局 延期办理告知书',
      '泽州县南村镇人民政府 特别程序告知书',
      '泽州县南村镇人民政府 送达回证',
    ]);
    const townNumbers = issued.filter((d) => d.issuerName.endsWith('人民政府')).map((d) => d.number);
    expect(townNumbers).toEqual([1, 2, 3, 4, 5].map((n) => `南村便审〔${year}〕${n}号`));
    expect(issued.filter((d) => d.issuerName === '泽州县民政局').map((d) => d.number)).toEqual([
      `泽民审〔${year}〕1号`,
      `泽民审〔${year}〕2号`,
    ]);
    expect(issued[0].fileName).toBe('140525-20261203-000135-受理通知书.pdf');

    for (const document of issued) {
      const result = await verification.verifyPdf(await storedPdf(document.documentId));
      expect(result).toEqual(expect.objectContaining({ valid: true, reason: 'VALID' }));
      expect(result.stamp).toEqual(
        expect.objectContaining({
          sealName:
            document.issuerName === '泽州县民政局'
              ? '泽州县民政局'
              : '泽州县南村镇人民政府行政审批服务专用章',
          title: document.title,
          number: document.number,
        }),
      );
    }
    const stored = (await suite.dataSource.query(
      `SELECT id FROM seal.documents WHERE case_id = $1 ORDER BY created_at, number`,
      [caseId],
    )) as { id: string }[];
    expect(stored.map((row) => row.id)).toEqual(issued.map((document) => document.documentId));
    // The bureau's 用印登记 holds its own impressions, the town's its own.
    const [lines] = (await suite.dataSource.query(
      `SELECT count(*) FILTER (WHERE organ = $2)::int AS bureau, count(*) FILTER (WHERE organ = $3)::int AS town
         FROM seal.ledger WHERE case_id = $1 AND entry = 'stamped'`,
      [caseId, BUREAU, TOWN],
    )) as { bureau: number; town: number }[];
    expect(lines).toEqual({ bureau: 2, town: 5 });
  });

  it('issues a decision and the 送达回证 of its electronic delivery together, the receipt naming it, once however often retried', async () => {
    const caseId = randomUUID();
    const request = {
      decision: documentInput(CONTENTS.decision, { level: 'county', unitCode: BUREAU }, caseId),
      receipt: {
        ...documentInput(CONTENTS['delivery-receipt'], { level: 'town' }, caseId),
        handledBy: { id: 'system', title: '电子送达' },
        content: {
          kind: 'delivery-receipt' as const,
          method: 'electronic' as const,
          recipient: '张三',
          deliveredOn: '2026-12-20',
        },
      },
    };
    const activities = createSealActivities(issuing);
    const asked = jest.spyOn(issuing, 'issue');
    const first = await activities.issueDecisionWithReceipt(request);
    // Temporal runs an attempt again whose answer was lost: the same two documents come back, none is issued twice.
    const retried = await activities.issueDecisionWithReceipt(request);
    const receiptsAsked = asked.mock.calls
      .map(([input]) => input.content)
      .filter((content) => content.kind === 'delivery-receipt');
    asked.mockRestore();

    expect([first.decision.title, first.receipt.title]).toEqual(['给付决定书', '送达回证']);
    expect([
      first.decision.created,
      first.receipt.created,
      retried.decision.created,
      retried.receipt.created,
    ]).toEqual([true, true, false, false]);
    expect(retried.receipt.documentId).toBe(first.receipt.documentId);
    const stored = (await suite.dataSource.query(
      `SELECT id, kind FROM seal.documents WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    )) as { id: string; kind: string }[];
    expect(stored).toEqual([
      { id: first.decision.documentId, kind: 'decision' },
      { id: first.receipt.documentId, kind: 'delivery-receipt' },
    ]);
    // The 送达回证 is laid out naming the document handed over (its title and 文号 are printed from it), and it verifies.
    // Dated the day the decision was issued, whatever day the request was made (a seal may keep it waiting).
    const delivered = {
      deliveredDocumentId: first.decision.documentId,
      deliveredOn: chinaDate(new Date(first.decision.stampedAt)),
    };
    expect(receiptsAsked).toEqual([expect.objectContaining(delivered), expect.objectContaining(delivered)]);
    const verified = await verification.verifyPdf(await storedPdf(first.receipt.documentId));
    expect(verified).toEqual(expect.objectContaining({ valid: true, reason: 'VALID' }));
  });

  it('gives concurrent documents of one organ unique numbers without gaps, and a repeated request no second number', async () => {
    const [before] = (await suite.dataSource.query(
      `SELECT coalesce(max(last_number), 0)::int AS n FROM seal.document_numbers WHERE organ = $1 AND year = $2`,
      [BUREAU, year],
    )) as { n: number }[];
    const inputs = Array.from({ length: 12 }, () =>
      documentInput(CONTENTS.decision, { level: 'county', unitCode: BUREAU }),
    );
    // Every request twice at once: the second of each pair must get the first's document back.
    const results = await Promise.all([...inputs, ...inputs].map((input) => issuing.issue(input)));
    const numbers = new Set(results.map((result) => result.number));
    expect(numbers.size).toBe(12);
    const expected = Array.from({ length: 12 }, (_, index) => `泽民审〔${year}〕${before.n + index + 1}号`);
    expect([...numbers].sort()).toEqual(expected.sort());
    expect(results.filter((result) => result.created)).toHaveLength(12);
  });

  it('issues a document retried after it was numbered with the number its key reserved, leaving no gap', async () => {
    const first = documentInput(CONTENTS.decision, { level: 'county', unitCode: BUREAU });
    // An attempt that reserved its 文号 and failed before its document was stored (the seal taken out of use, the
    // service killed): the retry gets the same number, and the next document the one after it.
    const reserved = await reserveDocumentNumber(suite.dataSource, first.documentKey, BUREAU);
    expect(await reserveDocumentNumber(suite.dataSource, first.documentKey, BUREAU)).toEqual(reserved);
    const retried = await issuing.issue(first);
    expect(retried.number).toBe(`泽民审〔${year}〕${reserved.n}号`);
    const next = await issuing.issue(documentInput(CONTENTS.decision, { level: 'county', unitCode: BUREAU }));
    expect(next.number).toBe(`泽民审〔${year}〕${reserved.n + 1}号`);
    // A key numbered by one organ is not numbered again by another.
    await expect(reserveDocumentNumber(suite.dataSource, first.documentKey, TOWN)).rejects.toBeInstanceOf(
      KeyNumberedElsewhere,
    );
  });

  it('refuses a bureau without a seal in force, records the refusal, and takes no number', async () => {
    const input = documentInput(CONTENTS.decision, { level: 'county', unitCode: '140525-sw' });
    await expect(issuing.issue(input)).rejects.toMatchObject({ code: SealErrorCode.NO_ACTIVE_BUREAU_SEAL });
    const ledger = (await suite.dataSource.query(
      `SELECT entry, organ, reason_code FROM seal.ledger WHERE decision_id = $1`,
      [input.documentKey],
    )) as { entry: string; organ: string; reason_code: string }[];
    expect(ledger).toEqual([
      { entry: 'refused', organ: '140525-sw', reason_code: 'SEAL.NO_ACTIVE_BUREAU_SEAL' },
    ]);
    const taken = (await suite.dataSource.query(
      `SELECT 1 FROM seal.document_numbers WHERE organ = '140525-sw'`,
    )) as unknown[];
    expect(taken).toHaveLength(0);
  });

  it('keeps one bureau seal in force at a time, as a town keeps one approval seal', async () => {
    const second = await registry.applyForBureau({ bureau: BUREAU, actor: ACTOR });
    let current = await registry.approve(second.id, ACTOR);
    current = await registry.engrave(current.id, ACTOR);
    current = await registry.file(current.id, ACTOR);
    await expect(registry.activate(current.id, ACTOR)).rejects.toMatchObject({
      code: SealErrorCode.ALREADY_ACTIVE,
    });
  });

  it('numbers under a changed pattern from the next document on, the sequence going on, and keeps who changed it', async () => {
    const before = await issuing.issue(documentInput(CONTENTS['acceptance-notice']));
    const seq = Number(/〕(\d+)号$/.exec(before.number)?.[1]);
    await updateOrganSettings(
      suite.dataSource.manager,
      TOWN,
      { numberPattern: '南村便民审〔{year}〕{n}号' },
      'zz-admin',
    );
    const after = await issuing.issue(documentInput(CONTENTS['acceptance-notice']));
    expect(after.number).toBe(`南村便民审〔${year}〕${seq + 1}号`);
    const changes = await organSettingChanges(suite.dataSource.manager, TOWN);
    expect(changes.at(-1)).toEqual(
      expect.objectContaining({
        changedBy: 'zz-admin',
        before: expect.objectContaining({ numberPattern: '南村便审〔{year}〕{n}号' }),
        after: expect.objectContaining({
          numberPattern: '南村便民审〔{year}〕{n}号',
          court: '泽州县人民法院',
        }),
      }),
    );
    await expect(suite.dataSource.query(`DELETE FROM seal.organ_setting_changes`)).rejects.toThrow(
      /permission denied/,
    );
    await expect((await suite.owner()).query(`DELETE FROM seal.organ_setting_changes`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('verifies against the stamp registry, at the server’s time, shows the registered essentials, and no placeholder byte may change', async () => {
    const issued = await issuing.issue(
      documentInput(CONTENTS.decision, { level: 'county', unitCode: BUREAU }),
    );
    const pdf = await storedPdf(issued.documentId);
    const valid = await verification.verifyPdf(pdf);
    expect(valid.reason).toBe('VALID');
    // What a paper copy is compared with: from the registry, the applicant masked.
    expect(valid.document).toEqual({
      issuer: '泽州县民政局',
      title: '给付决定书',
      number: issued.number,
      receiptNumber: '140525-20261203-000135',
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      matterName: '临时救助',
      outcome: '准予给付',
      applicant: '张*',
    });

    // A space added inside the JSON of the stamp record: the record still parses the same, but the file changed.
    const embedded = readEmbeddedStamp(pdf);
    if (!embedded) throw new Error('no stamp');
    const spaced = Buffer.from(pdf);
    spaced.write(Buffer.from(' ').toString('hex'), embedded.location.start, 'latin1');
    spaced.write(
      pdf.subarray(embedded.location.start, embedded.location.end - 2).toString('latin1'),
      embedded.location.start + 2,
      'latin1',
    );
    expect((await verification.verifyPdf(spaced)).reason).toBe('ALTERED');
    const padded = Buffer.from(pdf);
    padded.write('7', embedded.location.end - 1, 'latin1');
    expect((await verification.verifyPdf(padded)).reason).toBe('ALTERED');

    // A document whose stamp the registry holds for other bytes (a file signed with a stolen key and never stamped
    // here looks the same): not one of ours, whatever it says. The registry is append-only; the test lifts that.
    const stamp = valid.stamp?.stampId as string;
    const owner = await suite.owner();
    await owner.query(`ALTER TABLE seal.stamps DISABLE TRIGGER USER`);
    try {
      await owner.query(`UPDATE seal.stamps SET document_sm3 = $2 WHERE id = $1`, [stamp, '0'.repeat(64)]);
      expect((await verification.verifyPdf(pdf)).reason).toBe('NOT_REGISTERED');
      // Registered as stamped before the seal came into force: the server's time counts, not the signature's.
      await owner.query(
        `UPDATE seal.stamps SET document_sm3 = record->'tbs'->>'documentSm3', stamped_at = '2001-01-01T00:00:00Z'
          WHERE id = $1`,
        [stamp],
      );
      expect((await verification.verifyPdf(pdf)).reason).toBe('SEAL_NOT_ACTIVE');
    } finally {
      await owner.query(`ALTER TABLE seal.stamps ENABLE TRIGGER USER`);
    }
  });
});
