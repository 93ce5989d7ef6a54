import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { caseStatusQuery } from '@oneseal/contracts';
import { engineEndpoints, eventually } from '@oneseal/testing';
import { Client, Connection } from '@temporalio/client';
import {
  decide as decideTask,
  fileCase as fileCaseAs,
  openTask,
  tasksOf,
  watcher,
  type Task,
} from './case-api';
import { as, serviceUrl } from './system';

// The clerk's API of case-api.ts; here every case is 临时救助 filed by 原家村's agent, and each task is decided by
// the demo account whose role and unit take it.
const fileCase = async () =>
  (await fileCaseAs({ matterCode: 'ZZ-T-002', channel: 'village-agent', villageCode: '140525100201' }))
    .caseId;
const openTaskOf = openTask;
const decide = (task: Pick<Task, 'id' | 'level' | 'unitCode' | 'stepName'>, outcome: string) =>
  decideTask(task, { outcome, opinion: outcome === 'approve' ? '同意' : '材料不全，请补充' });

const execFileAsync = promisify(execFile);

/** Runs the seal service's offline verifier (built by `npm test`) on a document and one exported seal record. */
async function verifyOffline(
  pdf: Buffer,
  sealRecordJson: string,
): Promise<{ exitCode: number; reason: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'oneseal-verify-'));
  try {
    await writeFile(join(folder, 'document.pdf'), pdf);
    await writeFile(join(folder, 'seal.json'), sealRecordJson);
    const cli = join(__dirname, '../services/seal/dist/verify-cli.js');
    const run = await execFileAsync(process.execPath, [
      cli,
      join(folder, 'document.pdf'),
      '--seal-record',
      join(folder, 'seal.json'),
    ]).then(
      (done) => ({ exitCode: 0, stdout: done.stdout }),
      (failed: { code?: number; stdout?: string }) => ({
        exitCode: failed.code ?? -1,
        stdout: failed.stdout ?? '',
      }),
    );
    return { exitCode: run.exitCode, reason: (JSON.parse(run.stdout) as { reason: string }).reason };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('a 乡级负责受理、审核 matter along its whole route (临时救助, filed by a village agent)', () => {
  let temporal: Client;

  beforeAll(async () => {
    temporal = new Client({
      connection: await Connection.connect({ address: engineEndpoints().temporalAddress }),
      namespace: 'default',
    });
  });

  afterAll(async () => {
    await temporal?.connection.close();
  });

  it('(a) village files, town accepts and reviews, county decides and seals, the window hands out', async () => {
    const caseId = await fileCase();
    const path: string[] = [];
    for (let step = 0; step < 5; step += 1) {
      const task = await openTaskOf(caseId, step);
      path.push(`${task.stepName}@${task.level}:${task.unitCode}`);
      const decided = await decide(task, 'approve');
      expect(decided.status).toBe(202);
    }
    // 用印 is not a person's task: the seal service stamps the decision with the town's one approval seal.
    expect(path).toEqual([
      '代办@village:140525100201-station',
      '受理@town:140525100-window',
      '审核@town:140525100-review',
      '决定@county:140525-mz',
      '送达@town:140525100-window',
    ]);
    const result = await temporal.workflow.getHandle(caseId).result();
    expect(result).toEqual(expect.objectContaining({ stage: 'concluded', result: '准予' }));
    expect(result.committedDeadline?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const tasks = await tasksOf(caseId);
    expect(tasks.every((task) => task.status === 'done' && task.outcome === 'approve')).toBe(true);
    // Every step names the person who took it, from their login.
    expect(tasks.map((task) => task.handlerName)).toEqual([
      '原家村代办员（演示）',
      '南村镇受理窗口（演示）',
      '南村镇审核员（演示）',
      // The bureau decides by its leader (审批分离 keeps the decision apart from any review).
      '泽州县民政局分管负责人（演示）',
      '南村镇受理窗口（演示）',
    ]);

    // The stamped decision: a PDF carrying the deciding bureau's seal (县民政局), verifiable by anyone, once in its
    // ledger; the town's seal went on what the town's window issued (受理通知书, 送达回证).
    const documentId = result.documentId ?? '';
    const pdf = await fetch(`${serviceUrl('seal')}/documents/${documentId}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const upload = new FormData();
    const pdfBytes = pdf.arrayBuffer();
    upload.append('file', new Blob([await pdfBytes], { type: 'application/pdf' }), 'decision.pdf');
    const verified = await fetch(`${serviceUrl('seal')}/verification`, { method: 'POST', body: upload });
    const verdict = (await verified.json()) as {
      valid: boolean;
      stamp?: { sealId: string; sealName: string };
    };
    expect(verdict.valid).toBe(true);
    expect(verdict.stamp?.sealName).toBe('泽州县民政局');

    // Offline, as a court or another county would check it: the exported seal record and the verify CLI, no service.
    const record = await fetch(`${serviceUrl('seal')}/seals/${verdict.stamp?.sealId ?? ''}/record`);
    expect(record.status).toBe(200);
    const sealRecord = await record.text();
    const offline = await verifyOffline(Buffer.from(await pdfBytes), sealRecord);
    expect(offline).toEqual(expect.objectContaining({ exitCode: 0, reason: 'VALID' }));
    const altered = Buffer.from(await pdfBytes);
    altered[200] ^= 0x01;
    expect(await verifyOffline(altered, sealRecord)).toEqual(
      expect.objectContaining({ exitCode: 1, reason: 'ALTERED' }),
    );
    const { body: ledger } = await as('zz-town-seal-keeper').get<
      { caseId: string; outcome?: string }[] | { items: { caseId: string }[] }
    >(`${serviceUrl('seal')}/ledger?town=140525100&caseId=${caseId}`);
    const lines = Array.isArray(ledger) ? ledger : ledger.items;
    expect(lines.filter((line) => line.caseId === caseId)).toHaveLength(2);
    const { body: bureauLedger } = await watcher.get<{ caseId: string; documentId: string }[]>(
      `${serviceUrl('seal')}/ledger?town=140525-mz&caseId=${caseId}`,
    );
    expect(bureauLedger.map((line) => line.documentId)).toEqual([documentId]);

    const notified = await eventually('every unit on the route to be told of its task', async () => {
      const { body } = await watcher.get<{ recipient: string }[]>(
        `${serviceUrl('notification')}/notifications?caseId=${caseId}`,
      );
      const recipients = new Set(body.map((n) => n.recipient));
      return recipients.size >= 4 ? recipients : undefined;
    });
    for (const unit of ['140525100201-station', '140525100-window', '140525100-review', '140525-mz']) {
      expect(notified).toContain(unit);
    }
    // The bureau officer reads it in their own unit's messages; the village agent in the station's.
    for (const [login, unit] of [
      ['zz-county-mz', '140525-mz'],
      ['zz-village-agent', '140525100201-station'],
    ]) {
      const { status, body } = await as(login).get<{
        units: string[];
        items: { caseId: string; template: string }[];
      }>(`${serviceUrl('notification')}/notifications/inbox?pageSize=200`);
      expect(status).toBe(200);
      expect(body.units).toEqual([unit]);
      expect(body.items).toContainEqual(expect.objectContaining({ caseId, template: 'taskOpened' }));
    }
  });

  it('a return sends the case back one step; the re-opened step is a new task; 受理 itself cannot return', async () => {
    const caseId = await fileCase();
    await decide(await openTaskOf(caseId, 0), 'approve');
    const acceptance = await openTaskOf(caseId, 1);
    expect(acceptance.stepName).toBe('受理');
    const refused = await decide(acceptance, 'return');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('APPROVAL.OUTCOME_NOT_FOR_STEP');
    await decide(acceptance, 'approve');
    const review = await openTaskOf(caseId, 2);
    expect(review.stepName).toBe('审核');
    await decide(review, 'return');
    const again = await openTaskOf(caseId, 3);
    expect(again.stepName).toBe('受理');
    const status = await temporal.workflow.getHandle(caseId).query(caseStatusQuery);
    expect(status.currentStep).toEqual(expect.objectContaining({ kind: '受理', visit: 2, taskId: again.id }));
    expect(status.history.map((h) => `${h.kind}:${h.outcome}`)).toEqual([
      '代办:approve',
      '受理:approve',
      '审核:return',
    ]);
    await temporal.workflow.getHandle(caseId).cancel();
  });

  it('refuses a second decision on a decided task and a decision on an unknown task', async () => {
    const caseId = await fileCase();
    const task = await openTaskOf(caseId, 0);
    expect((await decide(task, 'approve')).status).toBe(202);
    const again = await decide(task, 'reject');
    expect(again.status).toBe(409);
    expect(['APPROVAL.TASK_ALREADY_DECIDED', 'APPROVAL.TASK_NOT_CURRENT']).toContain(again.body.code);
    const unknown = await decide({ ...task, id: randomUUID() }, 'approve');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      code: 'APPROVAL.TASK_NOT_FOUND',
      message: '没有这个待办，请刷新待办列表',
    });
    // The decision is taken at once; the task is recorded as done by the activity that follows it.
    const first = await eventually('the decided task to be recorded', async () => {
      const [task] = await tasksOf(caseId);
      return task.status === 'done' ? task : undefined;
    });
    expect(first).toEqual(expect.objectContaining({ status: 'done', outcome: 'approve', opinion: '同意' }));
    await temporal.workflow.getHandle(caseId).cancel();
  });

  it('a village matter with a town twin (临时救助 at the village) is handled as the town’s 临时救助 after the village’s 初审', async () => {
    const { caseId } = await fileCaseAs({
      matterCode: 'ZZ-V-012',
      channel: 'village-agent',
      villageCode: '140525100201',
    });
    const steps: string[] = [];
    for (let nth = 0; nth < 3; nth += 1) {
      const task = await openTaskOf(caseId, nth);
      steps.push(`${task.stepName}@${task.unitCode}`);
      if (nth < 2) expect((await decide(task, 'approve')).status).toBe(202);
    }
    // Its twin ZZ-T-002 is 乡级负责受理、审核: the town reviews before 县民政局 decides, as it does for its own.
    expect(steps).toEqual(['初审@140525100201-station', '受理@140525100-window', '审核@140525100-review']);
    await temporal.workflow.getHandle(caseId).cancel();
  });
});
