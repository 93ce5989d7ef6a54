import { createHash, createHmac } from 'node:crypto';

/**
 * What OneSeal and the province's 一体化在线政务服务平台 say to each other. The stages and their fields are the ones the
 * national exchange keeps for a case (申办 → 预受理 → 受理 → 办理 steps → 办结 → 送达, with 补交补正 and 特别程序);
 * the transport (paths, JSON, signed headers) is this adapter's and is the one place to change where a province's
 * interface differs.
 */

/** The stages of a case as the national exchange records them. */
export const EXCHANGE_STAGES = [
  '申办',
  '预受理',
  '补交补正',
  '补交受理',
  '受理',
  '不予受理',
  '办理',
  '特别程序开始',
  '特别程序结束',
  '办结',
  '送达',
] as const;
export type ExchangeStage = (typeof EXCHANGE_STAGES)[number];

/** 特别程序种类: 1 延长审批 (adds days), 2 any other procedure that stops the clock (公示, 听证, 检测 …). */
export type SpecialProcedureKind = 1 | 2;

/** One stage of one case, as pushed to the province. */
export interface StageRecord {
  /** Ours and unique: the province keeps a record once however often it is sent. */
  recordId: string;
  /** 办件编号, as printed on the applicant's receipt. */
  caseNumber: string;
  /** The province's own number of the application, when it was filed on the province's portal. */
  provincialApplicationId?: string;
  matterCode: string;
  matterName: string;
  county: string;
  town: string;
  stage: ExchangeStage;
  stageTime: string;
  /** Who acted (a person's name, or the unit for what the system did). */
  handler?: string;
  /** 申办: 受理渠道 in words, applicant's name, 办件类型 and 承诺时限. */
  application?: {
    channel: string;
    applicantName: string;
    caseKind: string;
    committedLimitWorkingDays: number;
  };
  /** 受理: 承诺办结日期, and whether acceptance was deemed (行政许可法 art. 32). */
  acceptance?: { committedDueDate: string; deemed: boolean };
  /** 不予受理 reason. */
  refusal?: { reason: string };
  /** 补交补正: every missing material at once, and by when; 补交受理: what was brought. */
  correction?: { materials: string[]; supplyBy?: string };
  /** 预受理 (the window's examination of the application) and 办理 (承办, 审核, 批准 …): the step and its action. */
  step?: {
    name: string;
    action: '通过' | '退回' | '其他';
    opinion: string;
    startedAt: string;
    endedAt: string;
  };
  specialProcedure?: {
    kind: SpecialProcedureKind;
    name: string;
    reason?: string;
    workingDays?: number;
    committedDueDate?: string;
  };
  /** 办结: 办结结果 and whether within the committed limit. */
  conclusion?: { result: string; onTime: boolean };
  /** 送达: how, and the carrier's tracking number when posted. */
  delivery?: { method: string; carrier?: string; trackingNumber?: string };
}

/** A matter's guide (办事指南) as published to the province: the version in force, or its withdrawal. */
export interface GuideRecord {
  matterCode: string;
  matterName: string;
  county: string;
  level: 'town' | 'village';
  /** 事项类型 in words and its GB/T 39046 code. */
  type: string;
  typeCode: string;
  implementingUnit: string;
  version: number;
  status: '在用' | '停用';
  publishedAt: string;
  guide: Record<string, unknown>;
}

export interface ApplicationsPage {
  items: unknown[];
  /** Where the next pull starts; the same as sent when nothing is new. */
  next: string | null;
}

/** Our answer to an application taken in: filed as a case (with its 办件编号), or declined with why. */
export type ApplicationAnswer =
  | { status: 'received'; caseNumber: string; receivedAt: string }
  | { status: 'declined'; reasonCode: string; reason: string; receivedAt: string };

/** The HMAC-SHA256 every request carries (x-signature), over who calls, when, a nonce and the body. */
export function exchangeSignature(
  secret: string,
  request: { method: string; path: string; timestamp: string; nonce: string; body: string },
): string {
  const bodyDigest = createHash('sha256').update(request.body).digest('hex');
  return createHmac('sha256', secret)
    .update([request.method, request.path, request.timestamp, request.nonce, bodyDigest].join('\n'))
    .digest('hex');
}
