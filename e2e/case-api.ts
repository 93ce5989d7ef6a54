import { applicantFields, eventually } from '@oneseal/testing';
import { getJson, postJson, serviceUrl } from './system';

/** A task as the approval service lists it. */
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
}

export interface CaseView {
  stage: string;
  receiptNumber: string;
  acceptedOn?: string;
  committedDeadline?: { dueDate: string; provisional: boolean };
  clockStops: { reason: string; from: string; to?: string }[];
  correction?: { missingMaterials: string[]; supplyBy: string };
  result?: string;
  documentId?: string;
  history: { kind: string; outcome: string }[];
}

export interface FiledCase {
  caseId: string;
  receiptNumber: string;
  applicantPhone: string;
}

/** Files an application the way a clerk's screen does, and returns the case it made. */
export async function fileCase(
  fields: { matterCode: string; channel: string; villageCode?: string; deliveryMethod?: string },
  headers: Record<string, string> = {},
): Promise<FiledCase> {
  const applicant = applicantFields('周九');
  const submitted = await postJson<{ caseId: string; receiptNumber: string }>(
    `${serviceUrl('intake')}/applications`,
    { county: '140525', town: '140525100', ...applicant, ...fields },
    headers,
  );
  if (submitted.status !== 202) throw new Error(`filing failed: ${JSON.stringify(submitted.body)}`);
  return { ...submitted.body, applicantPhone: applicant.applicantPhone };
}

export const tasksOf = async (caseId: string) =>
  (await getJson<Task[]>(`${serviceUrl('approval')}/tasks?caseId=${caseId}`)).body;

export const caseView = async (caseId: string) =>
  (await getJson<CaseView>(`${serviceUrl('approval')}/cases/${caseId}`)).body;

/** The case's open task once it shows in an inbox (the n-th task of the case, counting from 0). */
export function openTask(caseId: string, nth: number): Promise<Task> {
  return eventually(`task #${nth} of case ${caseId}`, async () => {
    const tasks = await tasksOf(caseId);
    const task = tasks[nth];
    return task?.status === 'open' ? task : undefined;
  });
}

export const decide = (taskId: string, decision: Record<string, unknown>) =>
  postJson<{ code?: string; message?: string; accepted?: boolean }>(
    `${serviceUrl('approval')}/tasks/${taskId}/decision`,
    { handlerId: 'clerk', opinion: '同意', ...decision },
  );

export const caseAction = (caseId: string, action: string, body: Record<string, unknown>) =>
  postJson<{ code?: string; message?: string; accepted?: boolean }>(
    `${serviceUrl('approval')}/cases/${caseId}/${action}`,
    body,
  );

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

export async function supervised(caseId: string): Promise<SupervisedCase | undefined> {
  const { body } = await getJson<{ items: SupervisedCase[] }>(
    `${serviceUrl('routing')}/supervision/cases?county=140525&town=140525100&pageSize=200`,
  );
  return body.items.find((item) => item.caseId === caseId);
}
