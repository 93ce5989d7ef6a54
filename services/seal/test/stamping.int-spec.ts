import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sm3Hex } from '@oneseal/gm-crypto';
import { TOPICS, type SealActivities, type StampDecisionInput } from '@oneseal/contracts';
import { engineEndpoints, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { configureServiceApp } from '@oneseal/service-kit';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Client as PgClient } from 'pg';
import { register } from 'prom-client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createSealActivities } from '../src/activities/seal.activities';
import { DocumentIssuingService } from '../src/documents/document-issuing.service';
import { SEAL_SCHEMA } from '../src/config/seal.env';
import { KeyEncryption } from '../src/crypto/key-encryption';
import { DivisionNames } from '../src/divisions/division-names';
import { SEAL_ENTITIES } from '../src/entities';
import { LedgerEntry } from '../src/ledger/ledger-entry.entity';
import { SealRegistry, type SealView } from '../src/seals/seal-registry';
import { SealErrorCode } from '../src/seals/seals.errors';
import { DOCUMENT_PDFS, PdfsInFolder, PdfsInRows } from '../src/stamps/document-pdfs';
import { StampsController } from '../src/stamps/stamps.controller';
import { checkDocumentFolder } from '../src/stamps/document-folder-check';
import { movePdfsToFolder } from '../src/stamps/move-pdfs-to-folder';
import { readEmbeddedStamp } from '../src/stamps/stamp-record';
import { stampedDocumentFile } from '../src/stamps/stamped-document-file';
import { SealVerificationService } from '../src/verification/seal-verification.service';
import { decisionInput } from './fixtures/electronic-seal';
import { stampDecisionWorkflow } from './workflows/stamp-decision.workflow';
import { caseDocumentServices, storedPdf as storedPdfOf } from './fixtures/seals-and-documents';

const ACTOR = 'county-approval-office-01';

describe('stamping decisions with the town approval seal (real PostgreSQL and Temporal)', () => {
  let suite: SuiteDataSource;
  let registry: SealRegistry;
  let stamping: DocumentIssuingService;
  let verification: SealVerificationService;
  let keys: KeyEncryption;

  beforeAll(async () => {
    suite = await openSuiteDataSource('seal_stamping', { schema: SEAL_SCHEMA, entities: SEAL_ENTITIES });
    keys = new KeyEncryption(randomBytes(32).toString('hex'));
    registry = new SealRegistry(suite.dataSource, keys, DivisionNames.fromSeeds());
    ({ issuing: stamping, verification } = caseDocumentServices(
      suite.dataSource,
      keys,
      DivisionNames.fromSeeds(),
    ));
  });

  afterAll(async () => {
    await suite?.close();
  });

  async function activeSeal(town: string): Promise<SealView> {
    const county = town.slice(0, 6);
    let seal = await registry.apply({ county, town, actor: ACTOR });
    seal = await registry.approve(seal.id, ACTOR);
    seal = await registry.engrave(seal.id, ACTOR);
    seal = await registry.file(seal.id, ACTOR);
    return registry.activate(seal.id, ACTOR);
  }

  const inputFor = (town: string, overrides: Partial<StampDecisionInput> = {}) =>
    decisionInput({ county: town.slice(0, 6), town, ...overrides });

  async function ledgerOf(decisionId: string): Promise<LedgerEntry[]> {
    return suite.dataSource.getRepository(LedgerEntry).find({ where: { decisionId }, order: { seq: 'ASC' } });
  }

  const storedPdf = (documentId: string) => storedPdfOf(suite.dataSource, documentId);

  /** The seal's /metrics count of documents asked for whose file could not be read, for one reason. */
  async function unreadableCount(state: 'missing' | 'changed' | 'no-folder'): Promise<number> {
    const metric = register.getSingleMetric('oneseal_document_files_unreadable_total');
    return (await metric?.get())?.values.find((value) => value.labels.state === state)?.value ?? 0;
  }

  it('stamps a decision once, registers it in the ledger, announces it, and the document verifies', async () => {
    const seal = await activeSeal('140525100');
    const activities = createSealActivities(stamping);
    const input = inputFor('140525100');

    const stamped = await activities.stampDecision(input);
    expect(stamped).toEqual(expect.objectContaining({ sealId: seal.id, created: true }));
    expect(stamped.verificationCode).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);

    const pdf = await storedPdf(stamped.documentId);
    expect(readEmbeddedStamp(pdf)?.record?.tbs.documentSm3).toBe(stamped.documentSm3);
    // Stored compressed with lz4, six times quicker to write than PostgreSQL's default, and read back byte for byte.
    const [stored] = (await suite.dataSource.query(
      `SELECT pg_column_compression(pdf) AS compression FROM seal.documents WHERE id = $1`,
      [stamped.documentId],
    )) as { compression: string }[];
    expect(stored.compression).toBe('lz4');
    expect(await verification.verifyPdf(pdf)).toEqual(
      expect.objectContaining({ valid: true, reason: 'VALID' }),
    );
    expect(await verification.verifyCode(stamped.verificationCode.toLowerCase())).toEqual(
      expect.objectContaining({ valid: true, reason: 'VALID' }),
    );
    expect((await verification.verifyCode('2345-6789-ABCD-EFGH')).reason).toBe('UNKNOWN_CODE');

    const altered = Buffer.from(pdf);
    altered[200] ^= 0x20;
    expect(await verification.verifyPdf(altered)).toEqual(
      expect.objectContaining({ valid: false, reason: 'ALTERED', message: '文件在加盖电子印章后被改动过' }),
    );

    const ledger = await ledgerOf(input.decisionId);
    expect(ledger).toEqual([
      expect.objectContaining({
        entry: 'stamped',
        sealId: seal.id,
        caseId: input.caseId,
        documentId: stamped.documentId,
        stampId: stamped.stampId,
        stamper: 'oneseal-seal:140525100',
        requestedBy: input.decidedBy,
        // The keeper reads the case and the person by name, not by their ids.
        receiptNumber: input.receiptNumber,
        matterName: '临时救助',
        requestedByName: '张建国',
      }),
    ]);
    const events = (await suite.dataSource.query(
      `SELECT envelope FROM seal.outbox WHERE topic = $1 AND message_key = $2`,
      [TOPICS.documentStampedV1, input.caseId],
    )) as { envelope: { county: string; town: string; payload: { stampId: string } } }[];
    expect(events).toHaveLength(1);
    expect(events[0].envelope).toEqual(expect.objectContaining({ county: '140525', town: '140525100' }));
    expect(events[0].envelope.payload.stampId).toBe(stamped.stampId);

    // The seal service's role may not change its records; the owner meets the append-only triggers.
    await expect(suite.dataSource.query(`DELETE FROM seal.ledger`)).rejects.toThrow(/permission denied/);
    await expect(suite.dataSource.query(`UPDATE seal.stamps SET stamper = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    const owner = await suite.owner();
    await expect(owner.query(`DELETE FROM seal.ledger`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`UPDATE seal.stamps SET stamper = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('keeps the PDFs in the document folder when given one: the row holds none, the file is served and verifies', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'oneseal-seal-documents-'));
    try {
      const pdfs = new PdfsInFolder(folder);
      await activeSeal('140525110');
      const { issuing: inFolder, verification: checking } = caseDocumentServices(
        suite.dataSource,
        keys,
        DivisionNames.fromSeeds(),
        pdfs,
      );
      const stamped = await inFolder.stampDecision(inputFor('140525110'));

      const [row] = (await suite.dataSource.query(
        `SELECT pdf IS NULL AS "inFolder", sm3 FROM seal.documents WHERE id = $1`,
        [stamped.documentId],
      )) as { inFolder: boolean; sm3: string }[];
      expect(row.inFolder).toBe(true);
      const file = gunzipSync(await readFile(pdfs.pathOf(row.sm3)));
      expect(sm3Hex(file)).toBe(row.sm3);
      expect(readEmbeddedStamp(file)?.record?.tbs.documentSm3).toBe(stamped.documentSm3);
      // Served as the applicant's 电子送达 link serves it, and verified by the code printed on it.
      const served = await stampedDocumentFile(suite.dataSource, pdfs, stamped.documentId);
      expect(served?.pdf).toEqual(file);
      expect(await checking.verifyCode(stamped.verificationCode)).toEqual(
        expect.objectContaining({ valid: true, reason: 'VALID' }),
      );
      // Attempts at one decision that lose to another leave no file behind: one document, one file.
      const again = inputFor('140525110');
      const attempts = await Promise.all([1, 2, 3].map(() => inFolder.stampDecision(again)));
      expect(new Set(attempts.map((attempt) => attempt.documentId)).size).toBe(1);
      const files = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith('.pdf.gz'));
      expect(files).toHaveLength(2);

      // A service started without the folder cannot serve it: the reader is told the file cannot be read now, the
      // operator why (its log, and /metrics by state).
      await expect(
        stampedDocumentFile(suite.dataSource, new PdfsInRows(), stamped.documentId),
      ).rejects.toMatchObject({ code: SealErrorCode.DOCUMENT_FILE_UNAVAILABLE });
      expect(await unreadableCount('no-folder')).toBe(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('answers a document link whose file is gone with a page that names the document, never a server error', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'oneseal-seal-lost-'));
    const pdfs = new PdfsInFolder(folder);
    const moduleRef = await Test.createTestingModule({
      controllers: [StampsController],
      providers: [
        { provide: getDataSourceToken(), useValue: suite.dataSource },
        { provide: DOCUMENT_PDFS, useValue: pdfs },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    configureServiceApp(app);
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    // What a phone's browser sends when the applicant taps the SMS link, and what the console's own fetch sends.
    const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
    const open = (id: string, accept: string) => fetch(`${base}/documents/${id}`, { headers: { accept } });
    try {
      await activeSeal('140525112');
      const { issuing, verification: checking } = caseDocumentServices(
        suite.dataSource,
        keys,
        DivisionNames.fromSeeds(),
        pdfs,
      );
      const stamped = await issuing.stampDecision(inputFor('140525112'));
      const [document] = (await suite.dataSource.query(
        `SELECT title, number, sm3 FROM seal.documents WHERE id = $1`,
        [stamped.documentId],
      )) as { title: string; number: string; sm3: string }[];
      expect(document.number).toMatch(/〔\d{4}〕\d+号$/);
      const served = await open(stamped.documentId, BROWSER);
      expect([served.status, served.headers.get('content-type')]).toEqual([200, 'application/pdf']);

      const missingBefore = await unreadableCount('missing');
      await rm(pdfs.pathOf(document.sm3));
      const asApi = await open(stamped.documentId, '*/*');
      expect(asApi.status).toBe(503);
      expect(await asApi.json()).toEqual({
        code: SealErrorCode.DOCUMENT_FILE_UNAVAILABLE,
        message: expect.stringContaining('目前无法读取'),
        details: { title: document.title, number: document.number },
      });
      const page = await open(stamped.documentId, BROWSER);
      expect([page.status, page.headers.get('content-type')]).toEqual([503, 'text/html; charset=utf-8']);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      // One address answering by Accept: a cache between must keep the page and the JSON apart.
      expect([page.headers.get('vary'), asApi.headers.get('vary')]).toEqual(['Accept', 'Accept']);
      const text = await page.text();
      for (const shown of [
        '这份文书目前无法打开',
        document.title,
        document.number,
        '请记下文号，向出具文书的单位咨询',
      ])
        expect(text).toContain(shown);
      // The code printed on a paper copy cannot be checked against a file that is gone: said, not a 500.
      await expect(checking.verifyCode(stamped.verificationCode)).rejects.toMatchObject({
        code: SealErrorCode.DOCUMENT_FILE_UNAVAILABLE,
      });
      // A file put in its place that is not the stamped document is not served either.
      await writeFile(pdfs.pathOf(document.sm3), gzipSync(Buffer.from('%PDF-1.7 not the stamped one %%EOF')));
      expect((await open(stamped.documentId, '*/*')).status).toBe(503);
      expect([(await unreadableCount('missing')) - missingBefore, await unreadableCount('changed')]).toEqual([
        3, 1,
      ]);

      // A link cut short, and one to no document: the browser is told in words too; an API caller gets JSON.
      const cut = await open(stamped.documentId.slice(0, 20), BROWSER);
      expect([cut.status, await cut.text()]).toEqual([400, expect.stringContaining('文书链接不完整')]);
      const unknown = await open(randomUUID(), BROWSER);
      expect([unknown.status, await unknown.text()]).toEqual([
        404,
        expect.stringContaining('没有找到这份文书'),
      ]);
      expect(await (await open(randomUUID(), 'application/json')).json()).toEqual(
        expect.objectContaining({ code: SealErrorCode.DOCUMENT_NOT_FOUND }),
      );
      expect(await (await open('abc', 'application/json')).json()).toEqual(
        expect.objectContaining({ code: 'REQUEST.INVALID' }),
      );
    } finally {
      await app.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('yields one stamp however often, and however concurrently, the same decision is asked for', async () => {
    await activeSeal('140525104');
    const input = inputFor('140525104');
    const results = await Promise.all([
      stamping.stampDecision(input),
      stamping.stampDecision(input),
      stamping.stampDecision(input),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.stampId)).size).toBe(1);
    const again = await stamping.stampDecision({ ...input, opinion: '重复投递' });
    expect(again).toEqual(expect.objectContaining({ stampId: results[0].stampId, created: false }));
    const [row] = (await suite.dataSource.query(
      `SELECT (SELECT count(*) FROM seal.stamps WHERE decision_id = $1)::int AS stamps,
              (SELECT count(*) FROM seal.documents WHERE decision_id = $1)::int AS documents,
              (SELECT count(*) FROM seal.outbox WHERE topic = $2 AND message_key = $3)::int AS events`,
      [input.decisionId, TOPICS.documentStampedV1, input.caseId],
    )) as { stamps: number; documents: number; events: number }[];
    expect(row).toEqual({ stamps: 1, documents: 1, events: 1 });
    expect((await ledgerOf(input.decisionId)).filter((l) => l.entry === 'stamped')).toHaveLength(1);
  });

  it('refuses a legacy seal and a retired seal, and records each refused attempt', async () => {
    const town = '140525105';
    const seal = await activeSeal(town);
    const legacy = await registry.inventoryLegacy({
      county: '140525',
      town,
      name: '泽州县大东沟镇社会事务办公室',
      formerHolder: '大东沟镇社会事务办公室',
      actor: ACTOR,
    });
    const withLegacy = inputFor(town);
    await expect(
      stamping.stampDecision(withLegacy, { sealId: legacy.id, requestedBy: 'keeper-01' }),
    ).rejects.toMatchObject({
      code: SealErrorCode.LEGACY_SEAL_REFUSED,
    });
    expect(await ledgerOf(withLegacy.decisionId)).toEqual([
      expect.objectContaining({
        entry: 'refused',
        sealId: legacy.id,
        reasonCode: 'SEAL.LEGACY_SEAL_REFUSED',
        requestedBy: 'keeper-01',
        // Someone other than the decider asked: the decider's name is not theirs.
        requestedByName: null,
      }),
    ]);

    // Stamped while active, the earlier document stays valid after the seal is retired.
    const before = await stamping.stampDecision(inputFor(town));
    await registry.deactivate(seal.id, ACTOR, '印章停用');

    const withRetired = inputFor(town);
    await expect(stamping.stampDecision(withRetired, { sealId: seal.id })).rejects.toMatchObject({
      code: SealErrorCode.NOT_ACTIVE,
    });
    const activities = createSealActivities(stamping);
    const viaWorkflow = inputFor(town);
    const failure = await activities.stampDecision(viaWorkflow).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toEqual(expect.objectContaining({ type: 'SealNotActive', nonRetryable: false }));
    for (const [decision, code] of [
      [withRetired, 'SEAL.NOT_ACTIVE'],
      [viaWorkflow, 'SEAL.NO_ACTIVE_SEAL'],
    ] as const) {
      expect(await ledgerOf(decision.decisionId)).toEqual([
        expect.objectContaining({ entry: 'refused', reasonCode: code, town }),
      ]);
    }
    const [documents] = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM seal.documents WHERE decision_id = ANY($1)`,
      [[withLegacy.decisionId, withRetired.decisionId, viaWorkflow.decisionId]],
    )) as { n: number }[];
    expect(documents.n).toBe(0);
    expect((await verification.verifyPdf(await storedPdf(before.documentId))).reason).toBe('VALID');
  });

  describe('through a real Temporal worker', () => {
    let connection: NativeConnection;
    let clientConnection: Connection;
    let client: Client;
    const { temporalAddress, temporalNamespace } = engineEndpoints();

    beforeAll(async () => {
      connection = await NativeConnection.connect({ address: temporalAddress });
      clientConnection = await Connection.connect({ address: temporalAddress });
      client = new Client({ connection: clientConnection, namespace: temporalNamespace });
    });

    afterAll(async () => {
      await clientConnection?.close();
      await connection?.close();
    });

    async function runWithWorker<T>(
      activities: SealActivities,
      work: (taskQueue: string) => Promise<T>,
    ): Promise<T> {
      const taskQueue = `seal-test-${randomUUID()}`;
      const worker = await Worker.create({
        connection,
        namespace: temporalNamespace,
        taskQueue,
        workflowsPath: require.resolve('./workflows/stamp-decision.workflow'),
        activities,
      });
      return worker.runUntil(work(taskQueue));
    }

    it('makes one stamp when Temporal retries an attempt that stamped but did not report back', async () => {
      await activeSeal('140525106');
      const real = createSealActivities(stamping);
      let attempts = 0;
      const dyingFirstAttempt: SealActivities = {
        issueDocument: real.issueDocument,
        issueDecisionWithReceipt: real.issueDecisionWithReceipt,
        async stampDecision(input) {
          attempts += 1;
          const stamped = await real.stampDecision(input);
          if (attempts === 1) throw new Error('worker lost before reporting the result');
          return stamped;
        },
      };
      const input = inputFor('140525106');
      const result = await runWithWorker(dyingFirstAttempt, (taskQueue) =>
        client.workflow.execute(stampDecisionWorkflow, {
          taskQueue,
          workflowId: randomUUID(),
          args: [input],
        }),
      );
      expect(attempts).toBe(2);
      expect(result.created).toBe(false);
      const [row] = (await suite.dataSource.query(
        `SELECT count(*)::int AS n, min(id::text) AS id FROM seal.stamps WHERE decision_id = $1`,
        [input.decisionId],
      )) as { n: number; id: string }[];
      expect(row).toEqual({ n: 1, id: result.stampId });
    });

    it('keeps retrying, as SealNotActive, while the town has no active seal', async () => {
      const input = inputFor('140525107');
      const error = await runWithWorker(createSealActivities(stamping), (taskQueue) =>
        client.workflow.execute(stampDecisionWorkflow, {
          taskQueue,
          workflowId: randomUUID(),
          args: [input],
        }),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WorkflowFailedError);
      const cause = (error as WorkflowFailedError).cause?.cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe('SealNotActive');
      const refusals = await ledgerOf(input.decisionId);
      expect(refusals.length).toBe(5);
      refusals.forEach((line) => expect(line.reasonCode).toBe('SEAL.NO_ACTIVE_SEAL'));
    });
  });

  // It moves every PDF the tests before it stored in rows (the Temporal worker's tests after it store their own).
  it('moves the PDFs an installation stored in rows into the folder, each still served and verified', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'oneseal-seal-move-'));
    const db = new PgClient({ connectionString: suite.database.url });
    await db.connect();
    // The same role as the check's: PostgreSQL shows a session's state only to its own role or a superuser.
    const watcher = new PgClient({ connectionString: suite.database.url });
    await watcher.connect();
    try {
      const inRows = (await db.query(
        `SELECT d.id, s.verification_code AS code FROM seal.documents d JOIN seal.stamps s ON s.document_id = d.id
          WHERE d.pdf IS NOT NULL`,
      )) as { rows: { id: string; code: string }[] };
      expect(inRows.rows.length).toBeGreaterThanOrEqual(4);
      const keptElsewhere = (
        (await db.query(`SELECT id FROM seal.documents WHERE pdf IS NULL`)).rows as { id: string }[]
      ).map((row) => row.id);
      const before = await Promise.all(inRows.rows.map(({ id }) => storedPdf(id)));
      const pdfs = new PdfsInFolder(folder);
      const moved = await movePdfsToFolder((sql, values) => db.query(sql, values), pdfs, { batch: 2 });
      expect(moved).toEqual({ moved: inRows.rows.length, mismatched: [] });
      const [{ left }] = (
        await db.query(`SELECT count(*)::int AS left FROM seal.documents WHERE pdf IS NOT NULL`)
      ).rows as { left: number }[];
      expect(left).toBe(0);
      const checking = new SealVerificationService(suite.dataSource, pdfs);
      for (const [index, { id, code }] of inRows.rows.entries()) {
        expect((await stampedDocumentFile(suite.dataSource, pdfs, id))?.pdf).toEqual(before[index]);
        expect((await checking.verifyCode(code)).reason).toBe('VALID');
      }
      // Run again: nothing left to move.
      expect(await movePdfsToFolder((sql, values) => db.query(sql, values), pdfs)).toEqual({
        moved: 0,
        mismatched: [],
      });

      // The folder's check finds the file of every document moved there, unchanged (those an earlier test kept in
      // a folder of its own are missing from this one) ...
      // Between its reads the check holds no transaction open (no snapshot held back from vacuum), as another
      // connection sees it before each page.
      const [{ pid }] = (await db.query(`SELECT pg_backend_pid() AS pid`)).rows as { pid: number }[];
      const between: string[] = [];
      const watched = async (sql: string, values?: unknown[]) => {
        if (sql.startsWith('FETCH')) {
          const [seen] = (
            await watcher.query(
              `SELECT state, backend_xmin IS NOT NULL AS "holdsSnapshot" FROM pg_stat_activity WHERE pid = $1`,
              [pid],
            )
          ).rows as { state: string; holdsSnapshot: boolean }[];
          between.push(`${seen.state}${seen.holdsSnapshot ? ', holding a snapshot' : ''}`);
        }
        return db.query(sql, values);
      };
      const check = async () => {
        const found = await checkDocumentFolder(watched, pdfs);
        const missing = found.missing.first.filter((document) => !keptElsewhere.includes(document.id));
        return { ...found, missing: { count: found.missing.count - keptElsewhere.length, first: missing } };
      };
      expect(await check()).toEqual({
        inRows: 0,
        intact: inRows.rows.length,
        missing: { count: 0, first: [] },
        changed: { count: 0, first: [] },
        unnamed: { count: 0, first: [] },
        temporaries: 0,
        unreadable: { count: 0, first: [] },
      });
      // ... and, once the disk has gone wrong, says which documents are lost or changed and which files are no one's.
      const documents = (
        await db.query(
          `SELECT id, sm3, title, number, case_id AS "caseId" FROM seal.documents WHERE id = ANY($1::uuid[])
            ORDER BY id`,
          [inRows.rows.map((row) => row.id)],
        )
      ).rows as { id: string; sm3: string; title: string; number: string | null; caseId: string | null }[];
      const [lost, changed, held, unreadable] = documents;
      await rm(pdfs.pathOf(lost.sm3));
      await writeFile(pdfs.pathOf(changed.sm3), await readFile(pdfs.pathOf(held.sm3)));
      // A row that holds its PDF again (as when a move stopped between the file and the row) names its file too.
      await db.query(`UPDATE seal.documents SET pdf = $2 WHERE id = $1`, [
        held.id,
        gunzipSync(await readFile(pdfs.pathOf(held.sm3))),
      ]);
      // Where a file should be, something that cannot be read as one.
      await rm(pdfs.pathOf(unreadable.sm3));
      await mkdir(pdfs.pathOf(unreadable.sm3));
      const stranger = randomBytes(32).toString('hex');
      await mkdir(dirname(pdfs.pathOf(stranger)), { recursive: true });
      await writeFile(pdfs.pathOf(stranger), gzipSync(Buffer.from('%PDF-1.7 %%EOF')));
      await writeFile(`${pdfs.pathOf(stranger)}.0a1b2c.tmp`, 'cut short');
      const named = ({ id, title, number, caseId }: (typeof documents)[number]) => ({
        id,
        title,
        number,
        caseId,
      });
      expect(await check()).toEqual({
        inRows: 1,
        intact: inRows.rows.length - 4,
        missing: { count: 1, first: [named(lost)] },
        changed: { count: 1, first: [named(changed)] },
        unnamed: { count: 1, first: [stranger] },
        temporaries: 1,
        unreadable: {
          count: 1,
          first: [{ ...named(unreadable), error: expect.stringContaining('EISDIR') }],
        },
      });
      expect(between.length).toBeGreaterThanOrEqual(2);
      expect(new Set(between)).toEqual(new Set(['idle']));
    } finally {
      await db.end();
      await watcher.end();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
