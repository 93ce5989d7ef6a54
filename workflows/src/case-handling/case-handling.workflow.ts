import type {
  ApprovalActivities,
  CaseActivities,
  CaseMilestone,
  CaseResult,
  SealActivities,
} from '@oneseal/contracts';
import { TASK_QUEUES } from '@oneseal/contracts';
import type { RouteStep } from '@oneseal/domain';
import { ApplicationFailure, condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import {
  CASE_REFUSALS,
  caseStatusQuery,
  decideStepUpdate,
  extendUpdate,
  resumeUpdate,
  supplyCorrectionUpdate,
  suspendUpdate,
  withdrawUpdate,
  type CaseHandlingInput,
  type CaseStatus,
  type CorrectionSupplied,
  type Deadline,
  type ExtensionRequest,
  type ResumptionRequest,
  type StepDecision,
  type SuspensionRequest,
  type WithdrawalRequest,
} from './case-handling.messages';
import { cstDate, endOfCstDay, startOfCstDay } from './case-time';

const approval = proxyActivities<ApprovalActivities>({
  taskQueue: TASK_QUEUES.approvalActivities,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const cases = proxyActivities<CaseActivities>({
  taskQueue: TASK_QUEUES.caseActivities,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// A town without an active seal makes stamping fail until the seal is activated: the case waits, retrying
// with a long backoff, rather than being stamped with anything else.
const seal = proxyActivities<SealActivities>({
  taskQueue: TASK_QUEUES.sealActivities,
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** A request that arrived by update, waiting for the main loop (which runs the activities it needs). */
type Request =
  | { kind: 'decision'; decision: StepDecision }
  | { kind: 'supply'; supplied: CorrectionSupplied }
  | { kind: 'withdraw'; withdrawal: WithdrawalRequest }
  | { kind: 'suspend'; suspension: SuspensionRequest }
  | { kind: 'resume'; handlerId: string }
  | { kind: 'extend'; extension: ExtensionRequest };

const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.nonRetryable(message, type);
};

const today = () => cstDate(Date.now());

/**
 * One case, from application to delivery. Each route step is a task in a unit's inbox with a deadline on the
 * working-day calendar; 受理 starts the committed limit; 补正 and special procedures stop the clock and the
 * deadlines are recomputed from the recorded stops (never edited); an approved extension adds days; the applicant
 * may withdraw until the decision; the result is stamped with the town's approval seal and delivered.
 */
export async function caseHandlingWorkflow(input: CaseHandlingInput): Promise<CaseStatus> {
  const { steps } = input.route;
  const acceptIndex = Math.max(
    0,
    steps.findIndex((step) => step.kind === '受理'),
  );
  const status: CaseStatus = {
    caseId: input.caseId,
    receiptNumber: input.receiptNumber,
    stage: 'pre-acceptance',
    extensionWorkingDays: 0,
    clockStops: [],
    warningsRaised: [],
    history: [],
  };
  const visits = steps.map(() => 0);
  const queue: Request[] = [];
  let decided = false; // the decision (准予 / 不予许可) is taken: no withdrawal any more
  let withdrawalRequested = false;

  const caseRef = {
    caseId: input.caseId,
    county: input.county,
    town: input.town,
    correlationId: input.correlationId,
  };
  const announce = (
    milestone: DistributiveOmit<CaseMilestone, keyof typeof caseRef | 'milestoneId' | 'at'>,
  ) =>
    cases.announce({
      ...caseRef,
      milestoneId: uuid4(),
      at: new Date().toISOString(),
      ...milestone,
    } as CaseMilestone);

  const clockRunning = () => status.stage === 'pre-acceptance' || status.stage === 'in-progress';

  // ---- queries and updates ------------------------------------------------------------------------------
  setHandler(caseStatusQuery, () => status);

  setHandler(
    decideStepUpdate,
    (decision) => {
      const current = status.currentStep;
      // Decided from this moment: a withdrawal arriving before the loop has run the decision is refused.
      if (current?.kind === '决定' && decision.outcome === 'approve') decided = true;
      if (decision.outcome === 'reject' && status.acceptedOn) decided = true;
      if (current) current.taskId = undefined;
      queue.push({ kind: 'decision', decision });
      return { accepted: true as const };
    },
    {
      validator: (decision) => {
        const current = status.currentStep;
        if (!current?.taskId || decision.taskId !== current.taskId) {
          refuse(CASE_REFUSALS.taskNotCurrent, '该待办不是本办件当前环节的待办，或已办理');
        }
        if (status.stage === 'suspended') {
          refuse(CASE_REFUSALS.notSuspendable, '办件处于特别程序中，程序结束后方可办理');
        }
        if (withdrawalRequested) refuse(CASE_REFUSALS.alreadyDecided, '申请人已撤回申请，该待办不再办理');
        if (current?.kind === '送达' && decision.outcome !== 'approve') {
          refuse(CASE_REFUSALS.invalidRequest, '送达环节只能确认已送达');
        }
        if (decision.outcome === 'request-correction' && !decision.missingMaterials?.length) {
          refuse(CASE_REFUSALS.invalidRequest, '要求补正时须一次性列明需补正的全部材料');
        }
        if ((decision.outcome === 'reject' || decision.outcome === 'return') && !decision.opinion.trim()) {
          refuse(CASE_REFUSALS.invalidRequest, '退回或不予办理时须填写理由');
        }
      },
    },
  );

  setHandler(
    supplyCorrectionUpdate,
    (supplied) => {
      queue.push({ kind: 'supply', supplied });
      status.correction = undefined;
      return { accepted: true as const };
    },
    {
      validator: (_request: CorrectionSupplied) => {
        if (status.stage !== 'awaiting-correction' || !status.correction) {
          refuse(CASE_REFUSALS.noCorrectionPending, '该办件当前没有待补正的材料');
        }
      },
    },
  );

  setHandler(
    withdrawUpdate,
    (withdrawal) => {
      withdrawalRequested = true;
      queue.push({ kind: 'withdraw', withdrawal });
      return { accepted: true as const };
    },
    {
      validator: (_request: WithdrawalRequest) => {
        if (decided || withdrawalRequested || status.stage === 'concluded') {
          refuse(CASE_REFUSALS.alreadyDecided, '该办件已作出决定或已办结，不能撤回申请');
        }
      },
    },
  );

  setHandler(
    suspendUpdate,
    (suspension) => {
      status.stage = 'suspended';
      status.clockStops.push({ reason: suspension.procedure, from: today() });
      queue.push({ kind: 'suspend', suspension });
      return { accepted: true as const };
    },
    {
      validator: (_request: SuspensionRequest) => {
        if (status.stage !== 'in-progress' || decided) {
          refuse(CASE_REFUSALS.notSuspendable, '只有已受理、正在办理中的办件可以启动特别程序');
        }
      },
    },
  );

  setHandler(
    resumeUpdate,
    ({ handlerId }) => {
      const stop = status.clockStops[status.clockStops.length - 1];
      stop.to = today();
      status.stage = 'in-progress';
      queue.push({ kind: 'resume', handlerId });
      return { accepted: true as const };
    },
    {
      validator: (_request: ResumptionRequest) => {
        if (status.stage !== 'suspended') refuse(CASE_REFUSALS.notSuspended, '该办件不在特别程序中');
      },
    },
  );

  setHandler(
    extendUpdate,
    (extension) => {
      queue.push({ kind: 'extend', extension });
      return { accepted: true as const };
    },
    {
      validator: (extension) => {
        if (!status.acceptedOn || decided || status.stage === 'concluded') {
          refuse(CASE_REFUSALS.notExtendable, '只有已受理、尚未作出决定的办件可以延长办理时限');
        }
        if (!Number.isInteger(extension.extraWorkingDays) || extension.extraWorkingDays < 1) {
          refuse(CASE_REFUSALS.invalidRequest, '延长的工作日数应为正整数');
        }
        const statutory = input.statutoryLimitWorkingDays;
        const total =
          input.committedLimitWorkingDays + status.extensionWorkingDays + extension.extraWorkingDays;
        // 行政许可法 art. 42: the extension is bounded; a committed limit plus its extensions stays within
        // the statutory limit plus the 10 days the law allows.
        if (statutory !== undefined && total > statutory + 10) {
          refuse(CASE_REFUSALS.notExtendable, `延长后超过法定时限（${statutory} 个工作日）加 10 个工作日`);
        }
      },
    },
  );

  // ---- deadlines ----------------------------------------------------------------------------------------
  const closedStops = () =>
    status.clockStops.filter((stop) => stop.to).map((stop) => ({ from: stop.from, to: stop.to as string }));

  const deadlineFrom = (startDate: string, workingDays: number): Promise<Deadline> =>
    cases.computeDeadline({ startDate, workingDays, stops: closedStops() });

  async function recomputeCaseDeadlines(): Promise<void> {
    if (!status.acceptedOn) return;
    status.committedDeadline = await deadlineFrom(
      status.acceptedOn,
      input.committedLimitWorkingDays + status.extensionWorkingDays,
    );
    if (input.statutoryLimitWorkingDays !== undefined) {
      status.statutoryDeadline = await deadlineFrom(
        status.acceptedOn,
        input.statutoryLimitWorkingDays + status.extensionWorkingDays,
      );
    }
  }

  async function recomputeStepDeadline(step: RouteStep): Promise<void> {
    const current = status.currentStep;
    if (current) current.deadline = await deadlineFrom(current.openedOn, step.budgetWorkingDays);
  }

  interface Alarm {
    at: number;
    key: string;
    raise: () => Promise<void>;
  }

  const warn = (
    scope: 'case' | 'step',
    severity: 'yellow' | 'red' | 'statutory',
    deadline: Deadline,
    unitCode: string,
    stepName?: string,
  ): Alarm => ({
    at: severity === 'yellow' ? startOfCstDay(deadline.dueDate) : endOfCstDay(deadline.dueDate),
    key: `${scope}:${severity}:${stepName ?? ''}:${deadline.dueDate}`,
    raise: () =>
      announce({ kind: 'warning', scope, severity, unitCode, stepName, dueDate: deadline.dueDate }),
  });

  /** The warnings still to raise, each once per deadline (a recomputed deadline may warn again). */
  function pendingAlarms(): Alarm[] {
    if (!clockRunning()) return [];
    const alarms: Alarm[] = [];
    const current = status.currentStep;
    if (current?.taskId && current.deadline) {
      alarms.push(warn('step', 'yellow', current.deadline, current.unitCode, current.kind));
      alarms.push(warn('step', 'red', current.deadline, current.unitCode, current.kind));
    }
    if (status.committedDeadline && !decided) {
      const unitCode = current?.unitCode ?? steps[acceptIndex].unitCode;
      alarms.push(warn('case', 'yellow', status.committedDeadline, unitCode));
      alarms.push(warn('case', 'red', status.committedDeadline, unitCode));
      if (status.statutoryDeadline)
        alarms.push(warn('case', 'statutory', status.statutoryDeadline, unitCode));
    }
    return alarms.filter((alarm) => !status.warningsRaised.includes(alarm.key));
  }

  /**
   * Waits for the next request, raising warnings as their time comes and ending the case as 补正不来 when the
   * applicant lets the supply-by date pass. Returns undefined when the case ended while waiting.
   */
  async function nextRequest(): Promise<Request | 'correction-expired'> {
    for (;;) {
      const alarms = pendingAlarms();
      const correctionEnds = status.correction ? endOfCstDay(status.correction.supplyBy) : undefined;
      const wakeAt = Math.min(...alarms.map((alarm) => alarm.at), correctionEnds ?? Number.POSITIVE_INFINITY);
      if (!Number.isFinite(wakeAt)) {
        await condition(() => queue.length > 0);
        return queue.shift() as Request;
      }
      if (await condition(() => queue.length > 0, Math.max(1, wakeAt - Date.now()))) {
        return queue.shift() as Request;
      }
      const now = Date.now();
      for (const alarm of alarms.filter((candidate) => candidate.at <= now)) {
        status.warningsRaised.push(alarm.key);
        await alarm.raise();
      }
      if (correctionEnds !== undefined && correctionEnds <= now && status.correction)
        return 'correction-expired';
    }
  }

  // ---- the side requests every wait handles the same way --------------------------------------------------
  async function handleClockRequest(request: Request): Promise<void> {
    switch (request.kind) {
      case 'suspend':
        await announce({
          kind: 'suspended',
          procedure: request.suspension.procedure,
          reason: request.suspension.reason,
          handlerId: request.suspension.handlerId,
        });
        return;
      case 'resume': {
        await recomputeCaseDeadlines();
        const step = status.currentStep ? steps[status.currentStep.index] : undefined;
        if (step) await recomputeStepDeadline(step);
        const stop = status.clockStops[status.clockStops.length - 1];
        const deadline = status.committedDeadline;
        if (deadline && stop.reason !== '补正') {
          await announce({
            kind: 'resumed',
            procedure: stop.reason,
            committedDueDate: deadline.dueDate,
            provisional: deadline.provisional,
          });
        }
        return;
      }
      case 'extend': {
        status.extensionWorkingDays += request.extension.extraWorkingDays;
        await recomputeCaseDeadlines();
        const deadline = status.committedDeadline as Deadline;
        await announce({
          kind: 'extended',
          extraWorkingDays: request.extension.extraWorkingDays,
          reason: request.extension.reason,
          approvedBy: request.extension.approvedBy,
          committedDueDate: deadline.dueDate,
          provisional: deadline.provisional,
        });
        return;
      }
      default:
        return;
    }
  }

  async function conclude(result: CaseResult): Promise<void> {
    status.result = result;
    const onTime = !status.committedDeadline || today() <= status.committedDeadline.dueDate;
    await announce({ kind: 'concluded', result, onTime });
  }

  async function endWithoutDecision(result: '撤件' | '补正不来', reason: string): Promise<CaseStatus> {
    const open = status.currentStep?.taskId;
    if (open) await approval.cancelReviewTask({ ...caseRef, taskId: open, reason });
    await conclude(result);
    status.stage = 'concluded';
    status.currentStep = undefined;
    status.correction = undefined;
    return status;
  }

  /** 补正: the clock stops until the applicant supplies everything asked for, or the wait runs out. */
  async function awaitCorrection(missingMaterials: string[]): Promise<'supplied' | 'withdrawn' | 'expired'> {
    const requestedOn = today();
    const supplyBy = await cases.computeDeadline({
      startDate: requestedOn,
      workingDays: input.correctionWaitWorkingDays,
      stops: [],
    });
    status.stage = 'awaiting-correction';
    status.clockStops.push({ reason: '补正', from: requestedOn });
    status.correction = { missingMaterials, supplyBy: supplyBy.dueDate };
    await announce({ kind: 'correction-requested', missingMaterials, supplyBy: supplyBy.dueDate });
    for (;;) {
      const request = await nextRequest();
      if (request === 'correction-expired') return 'expired';
      if (request.kind === 'withdraw') return 'withdrawn';
      if (request.kind !== 'supply') {
        await handleClockRequest(request);
        continue;
      }
      const stop = status.clockStops[status.clockStops.length - 1];
      stop.to = today();
      status.stage = status.acceptedOn ? 'in-progress' : 'pre-acceptance';
      await recomputeCaseDeadlines();
      await announce({
        kind: 'correction-supplied',
        suppliedMaterials: request.supplied.suppliedMaterials,
        committedDueDate: status.committedDeadline?.dueDate,
        provisional: status.committedDeadline?.provisional ?? false,
      });
      return 'supplied';
    }
  }

  // ---- the route ----------------------------------------------------------------------------------------
  let finalResult: '准予' | '不予许可' = '准予';
  let deciding: StepDecision | undefined;
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];

    if (step.kind === '用印') {
      status.stage = 'sealing';
      status.currentStep = undefined;
      const stamped = await seal.stampDecision({
        ...caseRef,
        decisionId: uuid4(),
        receiptNumber: input.receiptNumber,
        matterCode: input.matterCode,
        matterName: input.matterName,
        applicantName: input.applicantName,
        result: finalResult,
        documentKind: 'decision',
        opinion: deciding?.opinion ?? '',
        decidedBy: deciding?.handlerId ?? 'system',
        decidedAt: new Date().toISOString(),
      });
      status.documentId = stamped.documentId;
      await conclude(finalResult);
      index += 1;
      continue;
    }

    if (step.kind === '送达') {
      if (!status.result) await conclude(finalResult);
      status.stage = 'delivering';
      if (input.deliveryMethod === 'electronic') {
        status.currentStep = undefined;
        await announce({
          kind: 'delivered',
          method: 'electronic',
          documentId: status.documentId,
          handlerId: 'system',
        });
        break;
      }
    }

    if (decided && step.kind !== '送达') {
      index += 1;
      continue;
    }

    visits[index] += 1;
    // The workflow names the task before the approval service creates it, so a decision that arrives the moment
    // the task shows up in an inbox is already recognised (uuid4 is deterministic under replay).
    const taskId = uuid4();
    status.currentStep = {
      index,
      visit: visits[index],
      kind: step.kind,
      level: step.level,
      unitCode: step.unitCode,
      taskId,
      openedOn: today(),
    };
    await recomputeStepDeadline(step);
    await approval.openReviewTask({
      ...caseRef,
      taskId,
      stepIndex: index,
      visit: visits[index],
      stepName: step.kind,
      level: step.level,
      unitCode: step.unitCode,
      dueDate: status.currentStep.deadline?.dueDate,
    });

    let decision: StepDecision | undefined;
    while (!decision) {
      const request = await nextRequest();
      if (request === 'correction-expired') continue; // only while awaiting a 补正, handled there
      if (request.kind === 'withdraw') {
        return endWithoutDecision('撤件', request.withdrawal.reason);
      }
      if (request.kind === 'decision') decision = request.decision;
      else await handleClockRequest(request);
    }

    await approval.closeReviewTask({ ...caseRef, ...decision });
    status.history.push({
      index,
      kind: step.kind,
      taskId: decision.taskId,
      outcome: decision.outcome,
      handlerId: decision.handlerId,
      handlerName: decision.handlerName,
      opinion: decision.opinion,
      decidedAt: new Date().toISOString(),
    });
    status.currentStep = undefined;

    if (step.kind === '送达') {
      await announce({
        kind: 'delivered',
        method: input.deliveryMethod,
        documentId: status.documentId,
        handlerId: decision.handlerId,
      });
      break;
    }

    switch (decision.outcome) {
      case 'approve':
        if (index === acceptIndex && !status.acceptedOn) {
          status.acceptedOn = today();
          status.stage = 'in-progress';
          await recomputeCaseDeadlines();
          const deadline = status.committedDeadline as Deadline;
          await announce({
            kind: 'accepted',
            receiptNumber: input.receiptNumber,
            matterCode: input.matterCode,
            matterVersion: input.matterVersion,
            committedDueDate: deadline.dueDate,
            provisional: deadline.provisional,
          });
        }
        if (step.kind === '决定') {
          decided = true;
          deciding = decision;
        }
        index += 1;
        break;
      case 'return':
        index = Math.max(0, index - 1);
        break;
      case 'reject':
        if (!status.acceptedOn) {
          // 不予受理: the case never started; the applicant is told why and gets the materials back.
          await announce({ kind: 'refused', reason: decision.opinion, handlerId: decision.handlerId });
          await conclude('退回');
          status.stage = 'concluded';
          return status;
        }
        finalResult = '不予许可';
        decided = true;
        deciding = decision;
        index += 1;
        break;
      case 'request-correction': {
        const outcome = await awaitCorrection(decision.missingMaterials ?? []);
        if (outcome === 'withdrawn') return endWithoutDecision('撤件', '申请人撤回申请');
        if (outcome === 'expired') return endWithoutDecision('补正不来', '逾期未补正');
        // Supplied: the same step looks at the case again, as a new visit with its own deadline.
        break;
      }
    }
  }

  if (!status.result) await conclude(finalResult);
  status.stage = 'concluded';
  status.currentStep = undefined;
  return status;
}

/** Omit over each member of a union, keeping it a union (plain Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
