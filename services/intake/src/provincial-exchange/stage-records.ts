import type {
  ApplicationChannel,
  ApplicationSubmittedV1,
  CaseAcceptedV1,
  CaseConcludedV1,
  CaseRefusedV1,
  CaseResumedV1,
  CaseSuspendedV1,
  CorrectionRequestedV1,
  CorrectionSuppliedV1,
  DeadlineExtendedV1,
  EventEnvelope,
  HandoverMethod,
  ResultDeliveredV1,
  StepDecidedV1,
} from '@oneseal/contracts';
import type { StageRecord } from './exchange-api';

/** What the province knows a case by, from intake's own record of the application. */
export interface CaseReference {
  caseNumber: string;
  matterCode: string;
  matterName: string;
  county: string;
  town: string;
  provincialApplicationId?: string;
}

const CHANNEL_WORDS: Record<ApplicationChannel, string> = {
  'village-agent': '村（社区）便民服务站帮办代办',
  'town-window': '乡镇便民服务中心窗口',
  online: '网上申请',
  kiosk: '自助终端',
  'provincial-portal': '省政务服务平台',
};

const HANDOVER_WORDS: Record<HandoverMethod, string> = {
  'pick-up': '窗口领取',
  express: '邮寄送达',
  electronic: '电子送达',
  home: '上门送达',
};

type Common = Pick<StageRecord, 'recordId' | 'stageTime' | 'handler'> & CaseReference;

function common(event: EventEnvelope<object>, reference: CaseReference, time: string): Common {
  return {
    recordId: event.id,
    ...reference,
    stageTime: time,
    ...(event.actor.name ? { handler: event.actor.name } : {}),
  };
}

/** 申办: the application as handed in, by which channel. */
export function submittedStage(
  event: EventEnvelope<ApplicationSubmittedV1>,
  reference: CaseReference,
): StageRecord {
  const payload = event.payload;
  return {
    ...common(event, reference, payload.submittedAt),
    stage: '申办',
    handler: event.actor.name ?? payload.applicantName,
    application: {
      channel: CHANNEL_WORDS[payload.channel],
      applicantName: payload.applicantName,
      caseKind: payload.caseKind,
      committedLimitWorkingDays: payload.committedLimitWorkingDays,
    },
  };
}

export function acceptedStage(event: EventEnvelope<CaseAcceptedV1>, reference: CaseReference): StageRecord {
  return {
    ...common(event, reference, event.payload.acceptedAt),
    stage: '受理',
    acceptance: { committedDueDate: event.payload.committedDueDate, deemed: !!event.payload.deemedAccepted },
  };
}

export function refusedStage(event: EventEnvelope<CaseRefusedV1>, reference: CaseReference): StageRecord {
  return {
    ...common(event, reference, event.payload.refusedAt),
    stage: '不予受理',
    refusal: { reason: event.payload.reason },
  };
}

export function correctionRequestedStage(
  event: EventEnvelope<CorrectionRequestedV1>,
  reference: CaseReference,
): StageRecord {
  return {
    ...common(event, reference, event.payload.requestedAt),
    stage: '补交补正',
    correction: { materials: event.payload.missingMaterials, supplyBy: event.payload.supplyBy },
  };
}

export function correctionSuppliedStage(
  event: EventEnvelope<CorrectionSuppliedV1>,
  reference: CaseReference,
): StageRecord {
  return {
    ...common(event, reference, event.payload.suppliedAt),
    stage: '补交受理',
    correction: { materials: event.payload.suppliedMaterials },
  };
}

/**
 * The steps before a case is accepted: a village station's 代办 or 初审 of what it forwards, and the 受理 step itself
 * (at the town's window or a village station).
 */
const BEFORE_ACCEPTANCE = ['代办', '初审', '受理'];

/**
 * A step decided: the window's examination of the application is the exchange's 预受理 (its 通过 is followed by the
 * 受理 itself, its other outcomes by 补交补正 or 不予受理); every later step is 办理.
 */
export function stepStage(event: EventEnvelope<StepDecidedV1>, reference: CaseReference): StageRecord {
  const payload = event.payload;
  return {
    ...common(event, reference, payload.endedAt),
    stage: BEFORE_ACCEPTANCE.includes(payload.stepName) ? '预受理' : '办理',
    ...(payload.handlerName ? { handler: payload.handlerName } : {}),
    step: {
      name: payload.stepName,
      action: payload.action,
      opinion: payload.opinion,
      startedAt: payload.startedAt,
      endedAt: payload.endedAt,
    },
  };
}

export function suspendedStage(event: EventEnvelope<CaseSuspendedV1>, reference: CaseReference): StageRecord {
  const payload = event.payload;
  return {
    ...common(event, reference, payload.suspendedAt),
    stage: '特别程序开始',
    specialProcedure: {
      kind: 2,
      name: payload.procedure,
      reason: payload.reason,
      ...(payload.expectedWorkingDays ? { workingDays: payload.expectedWorkingDays } : {}),
    },
  };
}

export function resumedStage(event: EventEnvelope<CaseResumedV1>, reference: CaseReference): StageRecord {
  return {
    ...common(event, reference, event.payload.resumedAt),
    stage: '特别程序结束',
    specialProcedure: {
      kind: 2,
      name: event.payload.procedure,
      committedDueDate: event.payload.committedDueDate,
    },
  };
}

/** 延长审批 is 特别程序 kind 1: it extends the limit rather than stopping the clock. */
export function extendedStage(
  event: EventEnvelope<DeadlineExtendedV1>,
  reference: CaseReference,
): StageRecord {
  const payload = event.payload;
  return {
    ...common(event, reference, payload.extendedAt),
    stage: '特别程序开始',
    handler: payload.approvedBy,
    specialProcedure: {
      kind: 1,
      name: '延长审批',
      reason: payload.reason,
      workingDays: payload.extraWorkingDays,
      committedDueDate: payload.committedDueDate,
    },
  };
}

export function concludedStage(event: EventEnvelope<CaseConcludedV1>, reference: CaseReference): StageRecord {
  return {
    ...common(event, reference, event.payload.concludedAt),
    stage: '办结',
    conclusion: { result: event.payload.result, onTime: event.payload.onTime },
  };
}

export function deliveredStage(
  event: EventEnvelope<ResultDeliveredV1>,
  reference: CaseReference,
): StageRecord {
  const payload = event.payload;
  return {
    ...common(event, reference, payload.deliveredAt),
    stage: '送达',
    delivery: {
      method: HANDOVER_WORDS[payload.method],
      ...(payload.carrier ? { carrier: payload.carrier } : {}),
      ...(payload.trackingNumber ? { trackingNumber: payload.trackingNumber } : {}),
    },
  };
}
