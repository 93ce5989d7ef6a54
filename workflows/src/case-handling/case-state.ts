import {
  CASE_REFUSALS,
  STEP_OUTCOMES,
  clashingStep,
  stepRoleOf,
  type CaseHandlingInput,
  type CaseRefusal,
  type CaseResult,
  type CalendarChange,
  type CaseStatus,
  type ClockStopRecord,
  type CorrectionSupplied,
  type CurrentStep,
  type Deadline,
  type ExtensionRequest,
  type RouteStep,
  type StepDecision,
  type SuspensionRequest,
  type WithdrawalRequest,
  type CaseDocumentRef,
  type CaseAttention,
  type RetryStalledStepRequest,
} from '@oneseal/contracts/workflow';

/** A request an update handler took, waiting for the route walk (which runs the activities it needs). */
export type CaseRequest =
  | { kind: 'decision'; decision: StepDecision }
  | { kind: 'supply'; supplied: CorrectionSupplied }
  | { kind: 'withdraw'; withdrawal: WithdrawalRequest }
  | { kind: 'suspend'; suspension: SuspensionRequest }
  | { kind: 'resume'; handlerId: string }
  | { kind: 'extend'; extension: ExtensionRequest }
  | { kind: 'recalculate'; change: CalendarChange };

/** Why an update is refused: the failure type callers map to their error codes, and the clerk's explanation. */
export interface Refusal {
  type: CaseRefusal;
  message: string;
}

const refusal = (type: CaseRefusal, message: string): Refusal => ({ type, message });

/**
 * Everything a case workflow knows, and every change to it, each in one method. Update handlers call the `refuse…`
 * methods as validators and the `take…` methods as handlers; the route walk calls the rest. Nothing here waits or
 * runs an activity, so it is deterministic by construction and testable without Temporal.
 */
export class CaseState {
  readonly status: CaseStatus;
  private retryRequest?: RetryStalledStepRequest;
  readonly steps: readonly RouteStep[];
  /** Where the committed limit starts: the 受理 step (the first step when a route has none). */
  readonly acceptIndex: number;
  private readonly visits: number[];
  private readonly requests: CaseRequest[] = [];
  /** How many calendar changes the case was told of: a deadline counted ahead of one is counted again after it. */
  private calendarChanges = 0;
  private decisionTaken = false;
  private withdrawalRequested = false;
  private outcome: '准予' | '不予许可' = '准予';
  private deciding?: StepDecision;

  constructor(readonly input: CaseHandlingInput) {
    this.steps = input.route.steps;
    this.acceptIndex = Math.max(
      0,
      this.steps.findIndex((step) => step.kind === '受理'),
    );
    this.visits = this.steps.map(() => 0);
    this.status = {
      caseId: input.caseId,
      receiptNumber: input.receiptNumber,
      stage: 'pre-acceptance',
      extensionWorkingDays: 0,
      clockStops: [],
      warningsRaised: [],
      history: [],
    };
  }

  /** The decision (准予 / 不予许可) is taken: no withdrawal, suspension or extension any more. */
  get decided(): boolean {
    return this.decisionTaken;
  }

  /** What the decision document states, and whose decision it was. */
  get decision(): { result: '准予' | '不予许可'; by?: StepDecision } {
    return { result: this.outcome, by: this.deciding };
  }

  get clockRunning(): boolean {
    return this.status.stage === 'pre-acceptance' || this.status.stage === 'in-progress';
  }

  /** The clock stops that have ended, as the calendar counts around them. */
  closedStops(): { from: string; to: string }[] {
    return this.status.clockStops
      .filter((stop) => stop.to)
      .map((stop) => ({ from: stop.from, to: stop.to as string }));
  }

  // ---- validators: a refusal, or undefined when the request may be taken ------------------------------------

  refuseDecision(decision: StepDecision): Refusal | undefined {
    const current = this.status.currentStep;
    if (!current?.taskId || decision.taskId !== current.taskId)
      return refusal(CASE_REFUSALS.taskNotCurrent, '该待办不是本办件当前环节的待办，或已办理');
    if (this.status.stage === 'suspended')
      return refusal(CASE_REFUSALS.caseSuspended, '办件处于特别程序中，程序结束后方可办理');
    if (this.withdrawalRequested)
      return refusal(CASE_REFUSALS.caseWithdrawn, '申请人已撤回申请，该待办不再办理');
    const role = stepRoleOf(current.kind, current.level);
    if (!role || !(decision.outcome in STEP_OUTCOMES[role])) {
      const offered = role ? Object.values(STEP_OUTCOMES[role]).join('、') : '';
      return refusal(CASE_REFUSALS.outcomeNotForStep, `${current.kind}环节只能：${offered}`);
    }
    if (
      decision.outcome === 'request-correction' &&
      this.status.clockStops.some((stop) => stop.reason === '补正')
    )
      return refusal(
        CASE_REFUSALS.outcomeNotForStep,
        '本办件已一次性告知过需补正的全部材料，不能再次要求补正（行政许可法第三十二条）',
      );
    const clash = clashingStep(
      current.kind,
      decision.handlerId,
      this.status.history,
      this.input.separatedSteps,
    );
    if (clash)
      return refusal(
        CASE_REFUSALS.dutiesNotSeparated,
        `您已办理本办件的${clash}环节，按审批分离的要求不能再办理${current.kind}环节，请由其他人员办理`,
      );
    if (current.kind === '送达' && !decision.delivery?.recipient.trim())
      return refusal(CASE_REFUSALS.decisionIncomplete, '送达时须记录送达方式、签收人和送达日期');
    if (decision.outcome === 'request-correction' && !decision.missingMaterials?.length)
      return refusal(CASE_REFUSALS.decisionIncomplete, '要求补正时须一次性列明需补正的全部材料');
    if ((decision.outcome === 'reject' || decision.outcome === 'return') && !decision.opinion.trim())
      return refusal(CASE_REFUSALS.decisionIncomplete, '退回或不予办理时须填写理由');
    // A 给付决定书 states what is granted: a 行政给付 is not granted without it.
    const grant = decision.grant;
    if (
      current.kind === '决定' &&
      decision.outcome === 'approve' &&
      this.input.matterTypeCode === '05' &&
      !(grant?.amount?.trim() && grant.form?.trim())
    )
      return refusal(
        CASE_REFUSALS.decisionIncomplete,
        '准予给付时须写明给付金额和给付方式（写入给付决定书）',
      );
    return undefined;
  }

  refuseCorrectionSupplied(): Refusal | undefined {
    if (this.status.stage !== 'awaiting-correction' || !this.status.correction)
      return refusal(CASE_REFUSALS.noCorrectionPending, '该办件当前没有待补正的材料');
    return undefined;
  }

  refuseWithdrawal(): Refusal | undefined {
    if (this.decisionTaken || this.withdrawalRequested || this.status.stage === 'concluded')
      return refusal(CASE_REFUSALS.alreadyDecided, '该办件已作出决定或已办结，不能撤回申请');
    return undefined;
  }

  refuseSuspension(): Refusal | undefined {
    if (this.status.stage !== 'in-progress' || this.decisionTaken)
      return refusal(CASE_REFUSALS.notSuspendable, '只有已受理、正在办理中的办件可以启动特别程序');
    return undefined;
  }

  refuseRetry(): Refusal | undefined {
    if (!this.status.attention)
      return refusal(CASE_REFUSALS.nothingToRetry, '该办件没有因数据问题而暂停的环节，无需重新执行');
    return undefined;
  }

  /** A step failed on bad data: the case waits, flagged, until a retry is asked for. */
  flagAttention(attention: CaseAttention): void {
    this.status.attention = attention;
    this.retryRequest = undefined;
  }

  takeRetry(request: RetryStalledStepRequest): void {
    this.retryRequest = request;
  }

  get retryRequested(): boolean {
    return this.retryRequest !== undefined;
  }

  /** The retry asked for, the flag taken down. */
  clearAttention(): RetryStalledStepRequest | undefined {
    const request = this.retryRequest;
    delete this.status.attention;
    this.retryRequest = undefined;
    return request;
  }

  refuseResumption(): Refusal | undefined {
    if (this.status.stage !== 'suspended') return refusal(CASE_REFUSALS.notSuspended, '该办件不在特别程序中');
    return undefined;
  }

  refuseExtension(extension: ExtensionRequest): Refusal | undefined {
    if (!this.status.acceptedOn || this.decisionTaken || this.status.stage === 'concluded')
      return refusal(CASE_REFUSALS.notExtendable, '只有已受理、尚未作出决定的办件可以延长办理时限');
    if (!Number.isInteger(extension.extraWorkingDays) || extension.extraWorkingDays < 1)
      return refusal(CASE_REFUSALS.extensionInvalid, '延长的工作日数应为正整数');
    // 行政许可法 art. 42: with the approval of the organ's leader, once, by at most ten days.
    if (extension.extraWorkingDays > 10)
      return refusal(CASE_REFUSALS.extensionInvalid, '延长期限最多 10 个工作日（行政许可法第四十二条）');
    // One taken but not yet run (the route walk was busy issuing a document) counts as the one extension too.
    if (this.status.extensionWorkingDays > 0 || this.requests.some((request) => request.kind === 'extend'))
      return refusal(
        CASE_REFUSALS.notExtendable,
        '本办件已延长过一次办理期限，不能再次延长（行政许可法第四十二条）',
      );
    const statutory = this.input.statutoryLimitWorkingDays;
    const total =
      this.input.committedLimitWorkingDays + this.status.extensionWorkingDays + extension.extraWorkingDays;
    // 行政许可法 art. 42: the extension is bounded; a committed limit plus its extensions stays within the
    // statutory limit plus the 10 days the law allows.
    if (statutory !== undefined && total > statutory + 10)
      return refusal(
        CASE_REFUSALS.notExtendable,
        `延长后超过法定时限（${statutory} 个工作日）加 10 个工作日`,
      );
    return undefined;
  }

  // ---- update handlers: what changes the moment a request is taken --------------------------------------------

  takeDecision(decision: StepDecision): void {
    const current = this.status.currentStep;
    // Decided from this moment: a withdrawal arriving before the route walk has run the decision is refused. Only the
    // decision step decides; a review's 拟不予 is a recommendation. (Under the earlier version a review's refusal
    // decided too; the route walk still decides such cases when it replays them, see REVIEW_REFUSAL_IS_RECOMMENDATION.)
    if (current?.kind === '决定' && (decision.outcome === 'approve' || decision.outcome === 'reject'))
      this.decisionTaken = true;
    if (current) current.taskId = undefined;
    this.requests.push({ kind: 'decision', decision });
  }

  takeCorrectionSupplied(supplied: CorrectionSupplied): void {
    this.requests.push({ kind: 'supply', supplied });
    this.status.correction = undefined;
  }

  takeWithdrawal(withdrawal: WithdrawalRequest): void {
    this.withdrawalRequested = true;
    this.requests.push({ kind: 'withdraw', withdrawal });
  }

  /** A special procedure stops the clock at once: decisions wait until it ends. */
  takeSuspension(suspension: SuspensionRequest, today: string): void {
    this.status.stage = 'suspended';
    this.status.clockStops.push({
      reason: suspension.procedure,
      from: today,
      ...(suspension.expectedWorkingDays ? { expectedWorkingDays: suspension.expectedWorkingDays } : {}),
    });
    this.requests.push({ kind: 'suspend', suspension });
  }

  takeResumption(handlerId: string, today: string): void {
    this.lastStop().to = today;
    this.status.stage = 'in-progress';
    this.requests.push({ kind: 'resume', handlerId });
  }

  takeExtension(extension: ExtensionRequest): void {
    this.requests.push({ kind: 'extend', extension });
  }

  get calendarChangesTaken(): number {
    return this.calendarChanges;
  }

  /** Signalled, never refused: a case that has ended simply never takes the request from the queue. */
  takeCalendarChange(change: CalendarChange): void {
    this.calendarChanges += 1;
    this.requests.push({ kind: 'recalculate', change });
  }

  /** A 补正 or special procedure is running: no date runs until it ends (and is redone then). */
  get clockStopped(): boolean {
    return this.status.clockStops.some((stop) => stop.to === undefined);
  }

  hasRequest(): boolean {
    return this.requests.length > 0;
  }

  nextRequest(): CaseRequest {
    const request = this.requests.shift();
    if (!request) throw new Error('no request is waiting');
    return request;
  }

  // ---- the route walk ------------------------------------------------------------------------------------

  openStep(index: number, taskId: string, today: string): CurrentStep {
    const step = this.steps[index];
    this.visits[index] += 1;
    this.status.currentStep = {
      index,
      visit: this.visits[index],
      kind: step.kind,
      level: step.level,
      unitCode: step.unitCode,
      taskId,
      openedOn: today,
    };
    return this.status.currentStep;
  }

  /** The step's own deadline, recomputed when it opens and whenever the clock has stood still. */
  setStepDeadline(step: CurrentStep, deadline: Deadline): void {
    step.deadline = deadline;
  }

  leaveStep(): void {
    this.status.currentStep = undefined;
  }

  recordDecision(index: number, decision: StepDecision, decidedAt: string): void {
    this.status.history.push({
      index,
      kind: this.steps[index].kind,
      taskId: decision.taskId,
      outcome: decision.outcome,
      handlerId: decision.handlerId,
      handlerName: decision.handlerName,
      opinion: decision.opinion,
      decidedAt,
    });
    this.status.currentStep = undefined;
  }

  accept(today: string): void {
    this.status.acceptedOn = today;
    this.status.stage = 'in-progress';
  }

  /** The application was received today; unless a 补正 is asked for by `deemedOn`, the law counts it accepted. */
  noteReceipt(receivedOn: string, deemedOn: string): void {
    this.status.receivedOn = receivedOn;
    this.status.deemedAcceptanceOn = deemedOn;
  }

  /**
   * Art. 32 applies to a case the town accepts for an organ's decision: not to an information service (no 决定), nor
   * to what a village station accepts and finishes itself.
   */
  mayBeDeemedAccepted(): boolean {
    const acceptance = this.steps[this.acceptIndex];
    return acceptance?.level === 'town' && this.steps.some((step) => step.kind === '决定');
  }

  /** Still waiting for 受理 or a 补正 request, with the art. 32 deadline running. */
  get awaitingDeemedAcceptance(): boolean {
    return (
      this.status.deemedAcceptanceOn !== undefined &&
      !this.status.acceptedOn &&
      this.status.stage === 'pre-acceptance' &&
      !this.withdrawalRequested &&
      !this.status.clockStops.some((stop) => stop.reason === '补正')
    );
  }

  /** 视为受理: accepted from the day it was received (行政许可法 art. 32). */
  acceptAsDeemed(): void {
    this.accept(this.status.receivedOn as string);
    this.status.deemedAccepted = true;
  }

  /** The case's dates, recomputed from acceptance, the limits, the extensions and the recorded clock stops. */
  setCommittedDeadline(deadline: Deadline): void {
    this.status.committedDeadline = deadline;
  }

  setStatutoryDeadline(deadline: Deadline): void {
    this.status.statutoryDeadline = deadline;
  }

  /** 决定 approved, or a refusal after acceptance: the decision the result document will state. */
  decide(result: '准予' | '不予许可', decision: StepDecision): void {
    this.outcome = result;
    this.decisionTaken = true;
    this.deciding = decision;
  }

  requestCorrection(missingMaterials: string[], supplyBy: string, today: string): void {
    this.status.stage = 'awaiting-correction';
    this.status.clockStops.push({ reason: '补正', from: today });
    this.status.correction = { missingMaterials, supplyBy };
  }

  correctionSupplied(today: string): void {
    this.lastStop().to = today;
    this.status.stage = this.status.acceptedOn ? 'in-progress' : 'pre-acceptance';
  }

  extendBy(extraWorkingDays: number): void {
    this.status.extensionWorkingDays += extraWorkingDays;
  }

  warningRaised(key: string): void {
    this.status.warningsRaised.push(key);
  }

  startSealing(): void {
    this.status.stage = 'sealing';
    this.status.currentStep = undefined;
  }

  recordDocument(documentId: string): void {
    this.status.documentId = documentId;
  }

  /** A document was issued for the case: its page lists it. */
  recordIssued(document: CaseDocumentRef): void {
    this.status.documents = [...(this.status.documents ?? []), document];
  }

  startDelivering(): void {
    this.status.stage = 'delivering';
  }

  recordResult(result: CaseResult): void {
    this.status.result = result;
  }

  close(): CaseStatus {
    if (this.status.currentStep) this.status.endedDuring = this.status.currentStep;
    this.status.stage = 'concluded';
    this.status.currentStep = undefined;
    this.status.correction = undefined;
    return this.status;
  }

  lastStop(): ClockStopRecord {
    return this.status.clockStops[this.status.clockStops.length - 1];
  }
}
