import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  TASK_QUEUES,
  caseStatusQuery,
  localCaseActivitiesOf,
  type ApprovalActivities,
  type CaseActivities,
  type CaseHandlingInput,
  type CaseStatus,
} from '@oneseal/contracts';
import { deriveRoute, WorkingDayCalendar } from '@oneseal/domain';
import {
  deadlinesOn,
  engineEndpoints,
  eventually,
  openSuiteDataSource,
  type SuiteDataSource,
} from '@oneseal/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createSealActivities } from '../src/activities/seal.activities';
import { SEAL_SCHEMA } from '../src/config/seal.env';
import { KeyEncryption } from '../src/crypto/key-encryption';
import { DivisionNames } from '../src/divisions/division-names';
import type { DocumentIssuingService } from '../src/documents/document-issuing.service';
import { SEAL_ENTITIES } from '../src/entities';
import { registerOrgans } from '../src/organs/issuing-organs';
import { seededOrgans } from '../src/organs/organ-directory';
import { SealRegistry } from '../src/seals/seal-registry';
import type { SealVerificationService } from '../src/verification/seal-verification.service';
import { caseDocumentServices } from './fixtures/seals-and-documents';

const DAY = 86_400_000;
const ACTOR = 'county-approval-office-01';

/**
 * 行政许可法 art. 32 end to end on the seal's side: the real case workflow on Temporal's time-skipping server, five
 * working days pass with nobody at the window, and the real seal service issues the 受理通知书 of a deemed acceptance
 * under the town's approval seal. The inbox and the event announcements are recorded, not real: what is tested is
 * the document the law requires and that it verifies.
 */
describe('a case nobody accepted in five working days gets its 受理通知书 all the same (time-skipping, real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let env: TestWorkflowEnvironment;
  let issuing: DocumentIssuingService;
  let verification: SealVerificationService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('seal_deemed_acceptance', {
      schema: SEAL_SCHEMA,
      entities: SEAL_ENTITIES,
    });
    const keys = new KeyEncryption(randomBytes(32).toString('hex'));
    const divisions = DivisionNames.fromSeeds();
    const registry = new SealRegistry(suite.dataSource, keys, divisions);
    await registerOrgans(suite.dataSource.manager, seededOrgans(divisions), ACTOR);
    let seal = await registry.apply({ county: '140525', town: '140525100', actor: ACTOR });
    seal = await registry.approve(seal.id, ACTOR);
    seal = await registry.engrave(seal.id, ACTOR);
    seal = await registry.file(seal.id, ACTOR);
    await registry.activate(seal.id, ACTOR);
    ({ issuing, verification } = caseDocumentServices(suite.dataSource, keys, divisions));
    const testServer = engineEndpoints().temporalTestServer;
    if (!testServer) throw new Error('TEMPORAL_TEST_SERVER is not set: run through `npm test`');
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServer } },
    });
  });

  afterAll(async () => {
    await env?.teardown();
    await suite?.close();
  });

  it('issues a 受理通知书 that says the case was accepted by law from the day of receipt, and it verifies', async () => {
    const calendar = WorkingDayCalendar.official();
    const cancelled: string[] = [];
    const approval: ApprovalActivities = {
      openReviewTask: async () => ({ created: true }),
      closeReviewTask: async () => undefined,
      handOverReviewTask: async () => ({ created: true }),
      cancelReviewTask: async (input) => void cancelled.push(input.reason),
      rescheduleReviewTask: async () => undefined,
    };
    const cases: CaseActivities = {
      computeDeadline: deadlinesOn(calendar),
      announce: async () => undefined,
    };
    const caseId = randomUUID();
    const input: CaseHandlingInput = {
      caseId,
      county: '140525',
      town: '140525100',
      matterCode: 'ZZ-T-059',
      matterName: '收养人生育情况证明出具',
      matterVersion: 1,
      matterTypeCode: '07',
      receiptNumber: '140525-20261204-000901',
      applicantName: '赵六',
      correlationId: caseId,
      caseKind: '承诺件',
      committedLimitWorkingDays: 10,
      statutoryLimitWorkingDays: 20,
      deliveryMethod: 'pick-up',
      correctionWaitWorkingDays: 5,
      route: deriveRoute(
        { code: 'ZZ-T-059', level: 'town', handlingMode: '' },
        { town: '140525100', countyUnitCode: '140525-mz' },
      ),
    };
    const connection = env.nativeConnection;
    const workers = await Promise.all([
      Worker.create({
        connection,
        taskQueue: TASK_QUEUES.caseWorkflows,
        workflowBundle: await bundleWorkflowCode({
          workflowsPath: join(__dirname, '../../../workflows/src'),
        }),
        // The calendar and the announcements run as local activities on the workflow's worker, as routing runs them.
        activities: localCaseActivitiesOf(cases),
      }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.approvalActivities, activities: approval }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.caseActivities, activities: cases }),
      Worker.create({
        connection,
        taskQueue: TASK_QUEUES.sealActivities,
        activities: createSealActivities(issuing),
      }),
    ]);
    const work = async (): Promise<CaseStatus> => {
      const handle = await env.client.workflow.start('caseHandlingWorkflow', {
        workflowId: caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        args: [input],
      });
      // Nobody takes the 受理 task; time runs on past the fifth working day after receipt.
      await env.sleep(10 * DAY);
      const status = await eventually('the deemed acceptance and its notice', async () => {
        const current = await handle.query(caseStatusQuery);
        return current.documents?.length ? current : undefined;
      });
      await handle.cancel();
      await handle.result().catch(() => undefined);
      return status;
    };
    let running = work();
    for (const worker of workers) running = worker.runUntil(running);
    const status = await running;

    expect(status.deemedAccepted).toBe(true);
    expect(status.acceptedOn).toBe(status.receivedOn);
    expect(cancelled).toEqual(['五个工作日内未受理也未告知补正，依法视为受理（行政许可法第三十二条）']);
    const [notice] = status.documents ?? [];
    expect(notice).toEqual(
      expect.objectContaining({
        kind: 'acceptance-notice',
        title: '受理通知书',
        issuerName: '泽州县南村镇人民政府',
        number: expect.stringMatching(/^南村便审〔\d{4}〕1号$/),
      }),
    );
    const [row] = (await suite.dataSource.query(`SELECT pdf FROM seal.documents WHERE id = $1`, [
      notice.documentId,
    ])) as { pdf: Buffer }[];
    expect(await verification.verifyPdf(row.pdf)).toEqual(
      expect.objectContaining({
        valid: true,
        stamp: expect.objectContaining({
          sealName: '泽州县南村镇人民政府行政审批服务专用章',
          title: '受理通知书',
          number: notice.number,
        }),
      }),
    );
  });
});
