import { randomUUID } from 'node:crypto';
import { caseStatusQuery } from '@oneseal/workflows';
import { engineEndpoints, eventually } from '@oneseal/testing';
import { Client, Connection } from '@temporalio/client';
import { getJson, postJson, serviceUrl } from './system';

interface Task {
  id: string;
  stepName: string;
  level: string;
  unitCode: string;
  status: string;
  outcome: string | null;
  opinion: string | null;
}

const tasksOf = async (caseId: string) =>
  (await getJson<Task[]>(`${serviceUrl('approval')}/tasks?caseId=${caseId}`)).body;
const decide = (taskId: string, outcome: string, handlerId: string) =>
  postJson<{ code?: string; accepted?: boolean }>(`${serviceUrl('approval')}/tasks/${taskId}/decision`, {
    outcome,
    handlerId,
    opinion: outcome === 'approve' ? '同意' : '材料不全，请补充',
  });

async function fileCase(): Promise<string> {
  const submitted = await postJson<{ caseId: string }>(`${serviceUrl('intake')}/applications`, {
    county: '140525',
    town: '140525100',
    villageCode: '140525100201',
    matterCode: 'ZZ-T-002',
    channel: 'village-agent',
    applicantName: '周九',
  });
  expect(submitted.status).toBe(202);
  return submitted.body.caseId;
}

/** Waits for the case's open task (the one a person would see in their inbox) and returns it. */
async function openTaskOf(caseId: string, after: number): Promise<Task> {
  return eventually('the next open task', async () => {
    const tasks = await tasksOf(caseId);
    return tasks.length > after && tasks[tasks.length - 1].status === 'open'
      ? tasks[tasks.length - 1]
      : undefined;
  });
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

  it('village files, town accepts and reviews, county decides and seals, town hands out: concluded approved', async () => {
    const caseId = await fileCase();
    const path: string[] = [];
    for (let step = 0; step < 6; step += 1) {
      const task = await openTaskOf(caseId, step);
      path.push(`${task.stepName}@${task.level}:${task.unitCode}`);
      const decided = await decide(task.id, 'approve', `clerk-${step}`);
      expect(decided.status).toBe(202);
    }
    expect(path).toEqual([
      '代办@village:140525100201-station',
      '受理@town:140525100-window',
      '审核@town:140525100-review',
      '决定@county:140525-mz',
      '用印@county:140525-mz',
      '送达@town:140525100-window',
    ]);
    const result = await temporal.workflow.getHandle(caseId).result();
    expect(result).toEqual(expect.objectContaining({ stage: 'concluded', result: 'approved' }));
    const tasks = await tasksOf(caseId);
    expect(tasks.every((task) => task.status === 'done' && task.outcome === 'approve')).toBe(true);

    const notified = await eventually('every unit on the route to be told of its task', async () => {
      const { body } = await getJson<{ recipient: string }[]>(
        `${serviceUrl('notification')}/notifications?caseId=${caseId}`,
      );
      return body.length === 6 ? body.map((n) => n.recipient) : undefined;
    });
    expect(new Set(notified)).toEqual(
      new Set(['140525100201-station', '140525100-window', '140525100-review', '140525-mz']),
    );
  });

  it('a return sends the case back one step; the re-opened step is a new task', async () => {
    const caseId = await fileCase();
    await decide((await openTaskOf(caseId, 0)).id, 'approve', 'agent-1');
    const acceptance = await openTaskOf(caseId, 1);
    expect(acceptance.stepName).toBe('受理');
    await decide(acceptance.id, 'return', 'window-1');
    const again = await openTaskOf(caseId, 2);
    expect(again.stepName).toBe('代办');
    const status = await temporal.workflow.getHandle(caseId).query(caseStatusQuery);
    expect(status.currentStep).toEqual(expect.objectContaining({ kind: '代办', visit: 2, taskId: again.id }));
    expect(status.history.map((h) => `${h.kind}:${h.outcome}`)).toEqual(['代办:approve', '受理:return']);
    await temporal.workflow.getHandle(caseId).terminate('e2e test over');
  });

  it('refuses a second decision on a decided task and a decision on an unknown task', async () => {
    const caseId = await fileCase();
    const task = await openTaskOf(caseId, 0);
    expect((await decide(task.id, 'approve', 'agent-1')).status).toBe(202);
    const again = await decide(task.id, 'reject', 'agent-2');
    expect(again.status).toBe(409);
    expect(['APPROVAL.TASK_ALREADY_DECIDED', 'APPROVAL.TASK_NOT_CURRENT']).toContain(again.body.code);
    const unknown = await decide(randomUUID(), 'approve', 'agent-1');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      code: 'APPROVAL.TASK_NOT_FOUND',
      message: '没有这个待办，请刷新待办列表',
    });
    const [first] = await tasksOf(caseId);
    expect(first).toEqual(expect.objectContaining({ status: 'done', outcome: 'approve', opinion: '同意' }));
    await temporal.workflow.getHandle(caseId).terminate('e2e test over');
  });
});
