import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { caseStatusQuery } from '@oneseal/contracts';
import { applicantFields, eventually, engineEndpoints } from '@oneseal/testing';
import { as, serviceUrl } from './system';
import { filingOf } from './case-api';

interface Submitted {
  caseId: string;
  status: string;
  replayed: boolean;
}
interface Task {
  id: string;
  caseId: string;
  stepName: string;
  level: string;
  status: string;
}
interface NotificationRow {
  caseId: string;
  recipient: string;
  body: string;
}

// 临时救助 filed through 原家村's station: the applicant, the matter's 申请表 and the agent's 授权委托书.
let application: Record<string, unknown>;
beforeAll(async () => {
  application = {
    county: '140525',
    town: '140525100',
    villageCode: '140525100201',
    matterCode: 'ZZ-T-002',
    channel: 'village-agent',
    ...applicantFields('孙八'),
    ...(await filingOf('ZZ-T-002', 'village-agent')),
  };
});

// 原家村's agent files; the county's supervisor and auditor look on.
const agent = as('zz-village-agent');
const supervisor = as('zz-supervisor');
const auditor = as('zz-auditor');
const tasksOf = (caseId: string) =>
  supervisor.get<Task[]>(`${serviceUrl('approval')}/tasks?caseId=${caseId}`);
const notificationsOf = (caseId: string) =>
  supervisor.get<NotificationRow[]>(`${serviceUrl('notification')}/notifications?caseId=${caseId}`);

// The cases this file files, withdrawn at the end so that they do not sit open (and later run late) in the
// station's inbox of a long-lived development database.
const filedHere: string[] = [];
afterAll(async () => {
  for (const caseId of filedHere) {
    await agent.post(`${serviceUrl('routing')}/cases/${caseId}/withdrawal`, { reason: '测试结束' });
  }
});

describe('walking skeleton: intake → Kafka → routing → Temporal → approval → Kafka → notification', () => {
  let temporal: Client;

  beforeAll(async () => {
    const connection = await Connection.connect({ address: engineEndpoints().temporalAddress });
    temporal = new Client({ connection, namespace: 'default' });
  });

  afterAll(async () => {
    await temporal?.connection.close();
  });

  it('carries an application filed by a village agent to the first task of its route and tells the station', async () => {
    const submitted = await agent.post<Submitted>(`${serviceUrl('intake')}/applications`, application, {
      'Idempotency-Key': randomUUID(),
    });
    expect(submitted.status).toBe(202);
    const { caseId } = submitted.body;
    filedHere.push(caseId);

    const notifications = await eventually('the village station to be notified', async () => {
      const { body } = await notificationsOf(caseId);
      return body.length > 0 ? body : undefined;
    });
    expect(notifications).toEqual([expect.objectContaining({ caseId, recipient: '140525100201-station' })]);
    expect(notifications[0].body).toContain('待代办');

    const { body: tasks } = await tasksOf(caseId);
    expect(tasks).toEqual([
      expect.objectContaining({ caseId, stepName: '代办', level: 'village', status: 'open' }),
    ]);

    const status = await temporal.workflow.getHandle(caseId).query(caseStatusQuery);
    // Before 受理 no committed date runs; the open step has its own deadline.
    expect(status).toEqual(
      expect.objectContaining({
        caseId,
        stage: 'pre-acceptance',
        history: [],
        clockStops: [],
        currentStep: expect.objectContaining({
          index: 0,
          visit: 1,
          kind: '代办',
          level: 'village',
          unitCode: '140525100201-station',
          taskId: tasks[0].id,
          deadline: {
            dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            provisional: expect.any(Boolean),
          },
        }),
      }),
    );
    expect(status.committedDeadline).toBeUndefined();
  });

  it('makes one case of a retried submission: one workflow, one task, one notification', async () => {
    const key = randomUUID();
    const first = await agent.post<Submitted>(`${serviceUrl('intake')}/applications`, application, {
      'Idempotency-Key': key,
    });
    const retry = await agent.post<Submitted>(`${serviceUrl('intake')}/applications`, application, {
      'Idempotency-Key': key,
    });
    expect(retry.status).toBe(202);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    const caseId = first.body.caseId;
    filedHere.push(caseId);

    await eventually('the notification', async () =>
      (await notificationsOf(caseId)).body.length > 0 ? true : undefined,
    );
    // Give any duplicate a full trip through the pipeline before counting: a second application would have
    // been announced by now, since the first one already went all the way through.
    const marker = await agent.post<Submitted>(`${serviceUrl('intake')}/applications`, application);
    filedHere.push(marker.body.caseId);
    await eventually('a later application to go all the way', async () =>
      (await notificationsOf(marker.body.caseId)).body.length > 0 ? true : undefined,
    );
    expect((await tasksOf(caseId)).body).toHaveLength(1);
    expect((await notificationsOf(caseId)).body).toHaveLength(1);
  });

  it('refuses a malformed application with a clear, specific error and creates nothing', async () => {
    const key = randomUUID();
    const refused = await agent.post<{
      code: string;
      message: string;
      problems: { field: string; message: string }[];
    }>(
      `${serviceUrl('intake')}/applications`,
      { ...application, town: '1405', channel: 'fax' },
      { 'Idempotency-Key': key },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('REQUEST.INVALID');
    expect(refused.body.message).toBe('提交的内容有误，请按提示修改后重新提交');
    expect(refused.body.problems.map((p) => p.field).sort()).toEqual(['channel', 'town']);

    // The same key with a valid application now succeeds: the refused attempt left nothing behind.
    const accepted = await agent.post<Submitted>(`${serviceUrl('intake')}/applications`, application, {
      'Idempotency-Key': key,
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body.replayed).toBe(false);
    filedHere.push(accepted.body.caseId);
  });
});

describe('audit: every event of a case is recorded and can be verified', () => {
  it('replays the skeleton case’s events in order, with an intact chain', async () => {
    const place = 'county=140525&town=140525100';
    const townChains = async () =>
      (
        await auditor.get<{ intact: boolean; streams: number }>(
          `${serviceUrl('audit')}/audit/verification?${place}`,
        )
      ).body;
    const chainsBefore = await townChains();
    const submitted = await agent.post<Submitted>(`${serviceUrl('intake')}/applications`, application);
    const caseId = submitted.body.caseId;
    filedHere.push(caseId);
    // Submitted, routed, the station's task opened, and the station told of it (notification-sent).
    const types = await eventually('four events of the case in the audit log', async () => {
      const { body } = await auditor.get<{ type: string; version: number }[]>(
        `${serviceUrl('audit')}/audit/streams/${caseId}/events`,
      );
      return body.length >= 4 ? body : undefined;
    });
    expect(types.map((e) => e.type).sort()).toEqual([
      'approval.review-task-opened',
      'intake.application-submitted',
      'notification.notification-sent',
      'routing.case-routed',
    ]);
    expect(types.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    const verdict = await auditor.get<{ intact: boolean; events: number }>(
      `${serviceUrl('audit')}/audit/streams/${caseId}/verification`,
    );
    expect(verdict.body).toEqual(expect.objectContaining({ intact: true, events: 4 }));

    // The town's whole record of today, in the order it was recorded, this case's submission among it; and every
    // chain of the town verified at once. Another county's auditor sees none of it.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const replayed = await eventually('the case in the town’s record', async () => {
      let after = 0;
      for (;;) {
        const { body } = await auditor.get<{ seq: string; streamId: string; type: string }[]>(
          `${serviceUrl('audit')}/audit/events?${place}&from=${today}&to=${today}&type=intake.application-submitted&after=${after}&limit=500`,
        );
        const found = body.find((e) => e.streamId === caseId);
        if (found || body.length < 500) return found;
        after = Number(body[body.length - 1].seq);
      }
    });
    expect(replayed.type).toBe('intake.application-submitted');
    const chainsAfter = await townChains();
    expect(chainsAfter.intact).toBe(true);
    // This case's chain is among those verified (other streams may have begun meanwhile, none ended).
    expect(chainsAfter.streams).toBeGreaterThanOrEqual(chainsBefore.streams + 1);
    expect((await as('qs-auditor').get(`${serviceUrl('audit')}/audit/verification?${place}`)).status).toBe(
      403,
    );
  });
});
