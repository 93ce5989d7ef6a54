import {
  AGENT_AUTHORISATION,
  applicantFields,
  demoLoginFor,
  eventually,
  formDataFor,
} from '@oneseal/testing';
import { as, getJson, serviceUrl, type Person } from './system';

/** A task as the approval service lists it for a person. */
export interface Task {
  id: string;
  caseId: string;
  stepName: string;
  level: string;
  unitCode: string;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  opinion: string | null;
  dueDate: string | null;
  handlerId: string | null;
  handlerName: string | null;
  claimedBy: string | null;
  claimedByName: string | null;
  canAct: boolean;
  claimedByMe: boolean;
  /** The step's own choices, in its words. */
  outcomes?: { outcome: string; label: string }[];
  /** The step of this case the person took that keeps them from this one (审批分离). */
  separatedFrom?: string;
}

export interface CaseView {
  stage: string;
  receiptNumber: string;
  acceptedOn?: string;
  committedDeadline?: { dueDate: string; provisional: boolean };
  clockStops: { reason: string; from: string; to?: string }[];
  correction?: { missingMaterials: string[]; supplyBy: string };
  result?: string;
  /** The result in the words of the matter's type (已办结, 准予给付 …). */
  resultText?: string;
  documentId?: string;
  history: { kind: string; outcome: string; handlerId: string; handlerName?: string }[];
}

export interface FiledCase {
  caseId: string;
  receiptNumber: string;
  /** 查询码 on the receipt: with the receipt number, the applicant's key to the public progress lookup. */
  queryCode: string;
  applicantPhone: string;
}

/** 泽州县's supervisor: sees every task and case of the county, acts on none. The tests read through them. */
export const watcher = as('zz-supervisor');

/** The demo account whose role and unit take the task (services/identity demo users). */
export function handlerOf(task: Pick<Task, 'level' | 'unitCode' | 'stepName'>): Person {
  return as(demoLoginFor(task));
}

/**
 * What a clerk's screen fills in beyond the applicant: the 申请表 of the matter's guide in force (every required
 * field), and for 帮办代办 the 授权委托书.
 */
export async function filingOf(matterCode: string, channel: string) {
  const { body } = await getJson<{ guide: { form?: Parameters<typeof formDataFor>[0] } }>(
    `${serviceUrl('intake')}/catalogue/matters/${matterCode}`,
  );
  return {
    formData: formDataFor(body.guide.form),
    ...(channel === 'village-agent' ? { authorisation: AGENT_AUTHORISATION } : {}),
  };
}

/** Files an application the way a clerk's screen does, and returns the case it made. */
export async function fileCase(
  fields: {
    matterCode: string;
    channel: string;
    county?: string;
    town?: string;
    villageCode?: string;
    deliveryMethod?: string;
    deliveryAddress?: string;
    /** The same mobile number on several cases: the applicant's 我的办件 shows them together. */
    applicantPhone?: string;
    /** A name the test can find the case by (周九 otherwise). */
    applicantName?: string;
  },
  headers: Record<string, string> = {},
  filer: Person = as(fields.channel === 'village-agent' ? 'zz-village-agent' : 'zz-town-window'),
): Promise<FiledCase> {
  const applicant = applicantFields('周九');
  const submitted = await filer.post<{ caseId: string; receiptNumber: string; queryCode: string }>(
    `${serviceUrl('intake')}/applications`,
    {
      county: '140525',
      town: '140525100',
      ...applicant,
      ...(await filingOf(fields.matterCode, fields.channel)),
      ...fields,
    },
    headers,
  );
  if (submitted.status !== 202) throw new Error(`filing failed: ${JSON.stringify(submitted.body)}`);
  return { ...submitted.body, applicantPhone: applicant.applicantPhone };
}

/**
 * A town matter (婚姻生育情况证明, 办理方式为空) filed at 南村镇's window for electronic delivery, its 受理, 审核 and 决定 approved by
 * the people whose steps they are: from here the town seal stamps it and it is delivered on its own.
 */
export async function approvedTownCase(): Promise<FiledCase> {
  const filed = await fileCase({
    matterCode: 'ZZ-T-007',
    channel: 'town-window',
    deliveryMethod: 'electronic',
  });
  for (let nth = 0; nth < 3; nth += 1) {
    const decided = await decide(await openTask(filed.caseId, nth), { outcome: 'approve' });
    if (decided.status !== 202) throw new Error(`step ${nth} refused: ${JSON.stringify(decided.body)}`);
  }
  return filed;
}

export const tasksOf = async (caseId: string, reader: Person = watcher) =>
  (await reader.get<Task[]>(`${serviceUrl('approval')}/tasks?caseId=${caseId}`)).body;

export const caseView = async (caseId: string) =>
  (await watcher.get<CaseView>(`${serviceUrl('routing')}/cases/${caseId}`)).body;

export interface Inbox {
  total: number;
  items: Task[];
}

export const inboxOf = async (person: Person, query = '') =>
  (await person.get<Inbox>(`${serviceUrl('approval')}/tasks/inbox${query}`)).body;

/** The case's open task once it shows in an inbox (the n-th task of the case, counting from 0). */
export function openTask(caseId: string, nth: number): Promise<Task> {
  return eventually(`task #${nth} of case ${caseId}`, async () => {
    const tasks = await tasksOf(caseId);
    const task = tasks[nth];
    return task?.status === 'open' ? task : undefined;
  });
}

export interface Refusal {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/** Decides the task as the person whose role and unit take it, unless someone else is named. */
export const decide = (
  task: Pick<Task, 'id' | 'level' | 'unitCode' | 'stepName'>,
  decision: Record<string, unknown>,
  by: Person = handlerOf(task),
) =>
  by.post<Refusal & { accepted?: boolean }>(`${serviceUrl('approval')}/tasks/${task.id}/decision`, {
    opinion: '同意',
    // 送达 records how, to whom and when the result was handed over.
    ...(task.stepName === '送达' ? { delivery: handedOver() } : {}),
    // A 行政给付 is granted with what it grants (the workflow ignores it for other matters).
    ...(task.stepName === '决定' && decision.outcome === 'approve' ? { grant: GRANTED } : {}),
    ...decision,
  });

/** What a 给付 decision grants in these tests. */
export const GRANTED = { amount: '一次性发放临时救助金 1000 元', form: '打入申请人社会保障卡' };

/** A 送达 record as the window fills it in: handed over at the window today. */
export const handedOver = () => ({
  method: 'pick-up',
  recipient: '申请人本人',
  deliveredOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
});

/** The applicant deals with the window; clock decisions (特别程序, 延长) are the town leader's. */
const CASE_ACTION_BY: Record<string, string> = {
  'correction-supplied': 'zz-town-window',
  withdrawal: 'zz-town-window',
  suspension: 'zz-town-leader',
  resumption: 'zz-town-leader',
  extension: 'zz-town-leader',
};

export const caseAction = (
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  by: Person = as(CASE_ACTION_BY[action] ?? 'zz-town-window'),
) => by.post<Refusal & { accepted?: boolean }>(`${serviceUrl('routing')}/cases/${caseId}/${action}`, body);

/** Waits until the case workflow reports the stage. */
export function stageOf(caseId: string, stage: string): Promise<CaseView> {
  return eventually(`case ${caseId} to reach ${stage}`, async () => {
    const view = await caseView(caseId);
    return view.stage === stage ? view : undefined;
  });
}

export interface SupervisedCase {
  caseId: string;
  stage: string;
  committedDueDate: string | null;
  result: string | null;
}

/** The case as supervision lists it, found by its 办件编号 as a supervisor would search for it. */
export async function supervised(caseId: string): Promise<SupervisedCase | undefined> {
  const { receiptNumber } = await caseView(caseId);
  const { body } = await watcher.get<{ items: SupervisedCase[] }>(
    `${serviceUrl('routing')}/supervision/cases?county=140525&town=140525100&receiptNumber=${receiptNumber}`,
  );
  return body.items.find((item) => item.caseId === caseId);
}

/** Approves each step as it opens until the case ends (the route's length is the matter's). */
export async function approveToTheEnd(caseId: string): Promise<void> {
  for (;;) {
    const next = await eventually(`the next step of ${caseId}`, async () => {
      const view = await caseView(caseId);
      if (view.stage === 'concluded') return { done: true as const };
      const open = (await tasksOf(caseId)).find((task) => task.status === 'open');
      return open ? { done: false as const, task: open } : undefined;
    });
    if (next.done) return;
    const decided = await decide(next.task, { outcome: 'approve' });
    expect(decided.status).toBe(202);
    await eventually(`step ${next.task.stepName} of ${caseId} taken`, async () =>
      (await tasksOf(caseId)).find((task) => task.id === next.task.id)?.status === 'done' ? true : undefined,
    );
  }
}
