import {
  stepRoleOf,
  type AdministrativeLevel,
  type CaseResult,
  type CaseStatus,
  type RatingCategory,
  type RoutePlan,
  type ServiceEvent,
  type ServiceScore,
  type StepOutcome,
  type StepRole,
} from '@oneseal/contracts';
import { DELIVERED_RESULTS, resultWording } from '@oneseal/domain';
import { CATEGORY_TITLES, SERVICE_EVENT_TITLES } from '../rating-follow-up/rating-policy';

/** The read-model stages, as an applicant is told them. */
const STAGE_TEXTS = {
  routed: '已提交，待受理',
  'in-progress': '办理中',
  'awaiting-correction': '待补正材料（暂停计时）',
  suspended: '特别程序中（暂停计时）',
  refused: '不予受理',
  concluded: '已办结',
  delivered: '已办结并送达',
} as const;

/** A decision with a document to hand over is not done for the applicant until it is handed over. */
const AWAITING_DELIVERY = '已作出决定，待送达';
export type ReadModelStage = keyof typeof STAGE_TEXTS;
export type PublicStage = Exclude<ReadModelStage, 'routed'> | 'submitted';

const LEVEL_TEXTS: Record<AdministrativeLevel, string> = { village: '村', town: '镇', county: '县' };

/**
 * Each step's outcome as the applicant is told it. A review's 拟不予 is a recommendation to the decider, not an answer
 * to the applicant: it reads as 已审核, with no reason, until the decision says what was decided.
 */
const OUTCOME_TEXTS: Record<StepRole, Partial<Record<StepOutcome, string>>> = {
  'pre-acceptance': { approve: '已报送', 'request-correction': '需补正材料' },
  acceptance: { approve: '已受理', reject: '不予受理', 'request-correction': '需补正材料' },
  review: { approve: '审核通过', return: '退回上一环节重办', reject: '已审核' },
  decision: { approve: '准予', reject: '不予', return: '退回上一环节重办' },
  delivery: { approve: '已送达' },
};

/** Outcomes the applicant is owed the reason of, at the steps that answer them. */
const OWES_A_REASON = (role: StepRole | undefined, outcome: StepOutcome) =>
  outcome === 'request-correction' || (outcome === 'reject' && role !== 'review');

export const SCORE_TEXTS: Record<ServiceScore, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/**
 * The outcomes whose reason the applicant is owed (a refusal, what to supply). A return is a note between
 * colleagues and may name them: it is not shown.
 */
/**
 * Whether the applicant has had their answer and may rate the service: refused at 受理, handed the result, or ended
 * without a decision to hand over (撤件, 补正不来). A decision still waiting at the window is not done for them.
 */
export function isRatable(row: Pick<ProgressRow, 'stage' | 'result' | 'route'>): boolean {
  if (row.stage === 'refused' || row.stage === 'delivered') return true;
  return (
    row.stage === 'concluded' &&
    row.result !== null &&
    (!DELIVERED_RESULTS.includes(row.result) || !handsOver(row))
  );
}

/** An information service answers at the window: its route hands nothing over, it is done when it concludes. */
const handsOver = (row: Pick<ProgressRow, 'route'>) =>
  row.route?.steps.some((step) => step.kind === '送达') ?? true;

/** Decided but not yet handed over. */
const awaitingDelivery = (row: Pick<ProgressRow, 'stage' | 'result' | 'route'>) =>
  row.stage === 'concluded' &&
  row.result !== null &&
  DELIVERED_RESULTS.includes(row.result) &&
  handsOver(row);

export interface ProgressRow {
  receiptNumber: string;
  matterName: string | null;
  matterCode: string;
  stage: ReadModelStage;
  routedAt: Date;
  acceptedAt: Date | null;
  committedDueDate: string | null;
  /** The date reaches into a year whose holidays are not published yet: shown （暂定）. */
  dueDateProvisional?: boolean;
  result: CaseResult | null;
  /** What the case's outcome is called (GB/T 39046 type code); null for cases routed before it was kept. */
  matterTypeCode: string | null;
  concludedAt: Date | null;
  /** The route the case follows: where each step of the history was taken. */
  route: RoutePlan | null;
}

export interface RatingRow {
  score: ServiceScore;
  comment: string | null;
  /** What a 差评 is about (none on ratings given before reasons had categories). */
  categories?: RatingCategory[];
  ratedAt: Date;
  /** A 差评's 整改 deadline. */
  rectifyBy?: string | null;
  /** What the town changed about a 差评 (整改), once its leader answered it. */
  response?: string | null;
  respondedAt?: Date | null;
}

export interface PublicStep {
  stepName: string;
  levelText: string;
  outcomeText: string;
  /** Why a step refused or asked for more (the applicant is owed that reason); absent otherwise. */
  reason?: string;
  decidedAt: string;
}

export interface PublicProgress {
  receiptNumber: string;
  matterName: string;
  stage: PublicStage;
  stageText: string;
  submittedAt: string;
  acceptedAt: string | null;
  committedDueDate: string | null;
  /** True while the committed date reaches into a year whose holidays are not published: the applicant sees （暂定）. */
  dueDateProvisional: boolean;
  currentStep: { stepName: string; levelText: string; openedOn: string } | null;
  correction: { missingMaterials: string[]; supplyBy: string } | null;
  /** While a special procedure stops the clock: which, since when, and how long it is expected to take (art. 45). */
  specialProcedure: { procedure: string; since: string; expectedWorkingDays: number | null } | null;
  history: PublicStep[];
  result: CaseResult | null;
  resultText: string | null;
  concludedAt: string | null;
  documentId: string | null;
  /** The documents the applicant has been issued (受理通知书, 补正材料告知书, the decision …), by title and 文号. */
  documents: { documentId: string; title: string; number: string; issuedAt: string }[];
  rating: {
    score: ServiceScore;
    scoreText: string;
    comment: string | null;
    /** What a 差评 is about, in words (服务态度, 办事效率 …). */
    reasons: string[];
    ratedAt: string;
    /** By when the town is to put a 差评 right and answer. */
    rectifyBy: string | null;
    /** The answer to a 差评: what was changed, and when (the applicant is owed it; who answered is not shown). */
    answer: { text: string; answeredAt: string } | null;
  } | null;
  /** The services rated at the counter's 评价器 (受理, 结果领取), each with its answer. */
  counterRatings: (NonNullable<PublicProgress['rating']> & { serviceEventText: string })[];
  mayRate: boolean;
}

/**
 * What the public lookup shows: where the case stands and why, never who handled it or anything about the
 * applicant. The read model always answers; the workflow's own status adds the steps when Temporal has it.
 */
export function publicProgress(
  row: ProgressRow,
  status: CaseStatus | undefined,
  rating: RatingRow | undefined,
  counterRatings: (RatingRow & { serviceEvent: ServiceEvent })[] = [],
): PublicProgress {
  const open = status?.currentStep && !row.concludedAt ? status.currentStep : undefined;
  return {
    receiptNumber: row.receiptNumber,
    matterName: row.matterName ?? row.matterCode,
    stage: row.stage === 'routed' ? 'submitted' : row.stage,
    stageText: awaitingDelivery(row) ? AWAITING_DELIVERY : STAGE_TEXTS[row.stage],
    submittedAt: row.routedAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    committedDueDate: row.committedDueDate,
    dueDateProvisional: row.dueDateProvisional === true,
    currentStep: open
      ? { stepName: open.kind, levelText: LEVEL_TEXTS[open.level], openedOn: open.openedOn }
      : null,
    correction:
      row.stage === 'awaiting-correction' && status?.correction
        ? { missingMaterials: [...status.correction.missingMaterials], supplyBy: status.correction.supplyBy }
        : null,
    specialProcedure: specialProcedureOf(row, status),
    history: (status?.history ?? []).map((step) => ({
      stepName: step.kind,
      levelText: levelTextOf(row, step.index),
      ...answerOf(row, step),
      decidedAt: step.decidedAt,
    })),
    result: row.result,
    resultText: row.result ? resultWording(row.matterTypeCode, row.result) : null,
    concludedAt: row.concludedAt?.toISOString() ?? null,
    documentId: status?.documentId ?? null,
    documents: (status?.documents ?? []).map(({ documentId, title, number, issuedAt }) => ({
      documentId,
      title,
      number,
      issuedAt,
    })),
    rating: rating ? ratingShown(rating) : null,
    counterRatings: counterRatings.map((counter) => ({
      ...ratingShown(counter),
      serviceEventText: SERVICE_EVENT_TITLES[counter.serviceEvent],
    })),
    mayRate: !rating && isRatable(row),
  };
}

function specialProcedureOf(
  row: ProgressRow,
  status: CaseStatus | undefined,
): PublicProgress['specialProcedure'] {
  const stop = status?.clockStops[status.clockStops.length - 1];
  if (row.stage !== 'suspended' || !stop || stop.to || stop.reason === '补正') return null;
  return { procedure: stop.reason, since: stop.from, expectedWorkingDays: stop.expectedWorkingDays ?? null };
}

/** A step's outcome in the words the applicant reads, with the reason where they are owed one. */
function answerOf(
  row: ProgressRow,
  step: CaseStatus['history'][number],
): { outcomeText: string; reason?: string } {
  const level = row.route?.steps[step.index]?.level;
  const role = level ? stepRoleOf(step.kind, level) : undefined;
  const outcomeText = (role && OUTCOME_TEXTS[role][step.outcome]) ?? FALLBACK_TEXTS[step.outcome];
  return OWES_A_REASON(role, step.outcome) ? { outcomeText, reason: step.opinion } : { outcomeText };
}

/** For a step the route no longer names (a case routed before routes were kept). */
const FALLBACK_TEXTS: Record<StepOutcome, string> = {
  approve: '通过',
  return: '退回上一环节重办',
  reject: '不通过',
  'request-correction': '需补正材料',
};

function levelTextOf(row: ProgressRow, stepIndex: number): string {
  const level = row.route?.steps[stepIndex]?.level;
  return level ? LEVEL_TEXTS[level] : '';
}

/** A rating as its applicant reads it, with the town's answer to a 差评 (never who wrote it). */
function ratingShown(rating: RatingRow): NonNullable<PublicProgress['rating']> {
  return {
    score: rating.score,
    scoreText: SCORE_TEXTS[rating.score],
    comment: rating.comment,
    reasons: (rating.categories ?? []).map((category) => CATEGORY_TITLES[category]),
    ratedAt: rating.ratedAt.toISOString(),
    rectifyBy: rating.rectifyBy ?? null,
    answer:
      rating.response && rating.respondedAt
        ? { text: rating.response, answeredAt: rating.respondedAt.toISOString() }
        : null,
  };
}
