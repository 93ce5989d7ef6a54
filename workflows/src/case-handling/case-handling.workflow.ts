import {
  SEAL_ACTIVITY_HEARTBEAT,
  TASK_QUEUES,
  caseStatusQuery,
  decideStepUpdate,
  extendUpdate,
  recalculateDeadlinesSignal,
  resumeUpdate,
  retryStalledStepUpdate,
  supplyCorrectionUpdate,
  suspendUpdate,
  withdrawUpdate,
  type ApprovalActivities,
  type CaseActivities,
  type LocalCaseActivities,
  type CalendarChange,
  type CaseHandlingInput,
  type CaseMilestone,
  type CaseResult,
  type CaseStatus,
  type CaseDocumentContent,
  type CloseReviewTaskInput,
  type CurrentStep,
  type Deadline,
  type DeadlineRequest,
  type DeliveryRecord,
  type DocumentIssuer,
  type IssueDocumentInput,
  type IssuedDocument,
  type NamedPerson,
  type RouteStep,
  type SealActivities,
  type StepDecision,
  digestHex,
  timeOrderedUuidOf,
} from '@oneseal/contracts/workflow';
import {
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { pendingAlarms } from './case-alarms';
import {
  decidingIssuer,
  handlerTitle,
  ISSUE_CASE_DOCUMENTS,
  issuerOfStep,
  leaderTitle,
  issuesDocuments,
} from './case-documents';
import { CaseState, type CaseRequest, type Refusal } from './case-state';
import { cstDate, endOfCstDay } from './case-time';
import { activityTaskBadDataOf, badDataOf, LOCAL_BAD_DATA_STALLS, retriedAfterFix } from './stalled-steps';

// An attempt's time is also how long a case waits when the worker never received the task: a Temporal Server short
// of CPU records the task started, then loses its answer to the worker's poll (the cluster profile on two cores, a
// task shown 33 s late). The approval activities are a few statements each, and idempotent (ON CONFLICT, or only
// while the task is open), so a second attempt beside a slow first one does no harm.
const approvalActivities = proxyActivities<ApprovalActivities>({
  taskQueue: TASK_QUEUES.approvalActivities,
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const caseActivities = proxyActivities<CaseActivities>({
  taskQueue: TASK_QUEUES.caseActivities,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// A town without an active seal makes stamping fail until the seal is activated: the case waits, retrying
// with a long backoff, rather than being stamped with anything else. Unlike approval's, an attempt may be long when
// many wait at once (a seal activated with a town's cases waiting: each a PDF laid out and signed on the service's one
// thread), and a second attempt beside a slow first would lay the document out twice when time is shortest.
const sealActivities = proxyActivities<SealActivities>({
  taskQueue: TASK_QUEUES.sealActivities,
  startToCloseTimeout: '2 minutes',
  // The seal service's attempts tell the server they are at work: one whose task never reached it (a Temporal Server
  // short of CPU lost it; a cluster run had a 受理通知书 wait the whole two minutes) is tried again within seconds.
  heartbeatTimeout: SEAL_ACTIVITY_HEARTBEAT.timeoutMs,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

// Counting deadlines and announcing milestones touch only the routing service's own database, and routing runs this
// workflow: they run inside the workflow task rather than as activity tasks through the server (LOCAL_CASE_ACTIVITIES).
const localCaseActivities = proxyLocalActivities<LocalCaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** From this version on deadlines are counted by a local activity (see localCaseActivities). */
const DEADLINES_AS_LOCAL_ACTIVITIES = 'deadlines-as-local-activities';

/**
 * From this version on a case's milestones are announced by a local activity: each was an activity task of its own
 * and a workflow task for its result (a third of a case's workflow tasks).
 */
const ANNOUNCES_AS_LOCAL_ACTIVITIES = 'announces-as-local-activities';

const today = () => cstDate(Date.now());

/**
 * From this version on a review's 'reject' is a recommendation (拟不予) that the decider sees, and the case goes on
 * to the decision; cases whose reviewer refused under the earlier version ended there with a sealed refusal.
 */
const REVIEW_REFUSAL_IS_RECOMMENDATION = 'review-refusal-is-a-recommendation';

/**
 * From this version on a case nobody accepted or asked a 补正 of within five working days of receipt is deemed
 * accepted from receipt (行政许可法 art. 32); cases started before keep waiting for their 受理.
 */
const DEEMED_ACCEPTANCE = 'deemed-acceptance-after-five-working-days';

/**
 * From this version on the five working days of art. 32 run from the day the town received the application (its 受理
 * step opened), and only for a case the organs will decide: an information service is answered at the window, and a
 * village station's days are not the organ's. Cases started under DEEMED_ACCEPTANCE count from the workflow's start.
 */
const DEEMED_FROM_THE_TOWNS_RECEIPT = 'deemed-acceptance-from-the-towns-receipt';

/**
 * From this version on (v8 of the recorded histories) a decided task that leads straight to the next step's task
 * (see leadsStraightToNextTask) is closed by the activity that opens the next one (handOverReviewTask), and a town's
 * decision delivered electronically is issued with its 送达回证 (issueDecisionWithReceipt): each took an activity
 * task and a workflow task more. And the ids the case makes are in time order (see timeOrderedUuidOf). A case started
 * under it takes every earlier patch as given without asking for it: each patch asked for is a marker and a
 * search-attribute update in the case's history (five per case before, one now); cases started before it ask for
 * the earlier patches where they always did, and replay as they ran. (A query for the cases still without an
 * earlier patch X, before X is retired, must count this one as including X.)
 */
const HAND_OVER_AND_ORDERED_IDS = 'hand-over-in-one-activity-and-ids-in-time-order';

/**
 * From this version on (v9 of the recorded histories) the 受理通知书 is issued while the next step's task opens,
 * instead of before it: the reviewer no longer waits for the seal service to make the notice, nor for the workflow
 * task its result took. The notice is waited for before any later document and before the case concludes, so the
 * documents keep their order and no case ends with one still on its way. Like HAND_OVER_AND_ORDERED_IDS, asked for
 * once, first: a case started under it takes every earlier patch as given.
 */
const NOTICE_BESIDE_NEXT_TASK = 'acceptance-notice-beside-the-next-task';

/**
 * From this version on (v10 of the recorded histories) the deadlines a turn needs are counted side by side instead
 * of one after another: the committed and statutory limits at 受理, and the next step's deadline beside the work before
 * its task opens (the day of receipt at the first step, the acceptance, the conclusion before 送达). Each count is a
 * local activity, and each that waited for the one before it cost the next task a round through the worker (about
 * 10–15 ms with nothing else running, far more on a busy machine). Asked for once, first: a case started under it
 * takes every earlier patch as given.
 */
const DEADLINES_SIDE_BY_SIDE = 'deadlines-counted-side-by-side';

/**
 * From this version on (v11 of the recorded histories) the 受理 task is closed by the activity that opens 审核's
 * (handOverReviewTask), as every other approval leading straight to a task was since v8, and the acceptance is
 * announced and its 受理通知书 asked for once that task is open. The reviewer's task no longer waits for an activity
 * task and a workflow task of its own to close 受理 first. The closed 受理 keeps the decision's time and is told
 * before the acceptance (the province's exchange takes the window's 预受理 before the case's 受理), and the
 * acceptance is announced before anything else the case does. Asked for once, first.
 */
const ACCEPTANCE_HANDED_OVER = 'acceptance-handed-over';

/**
 * From this version on (v12 of the recorded histories) a retry runs again every activity waiting for a fix, not only
 * the one flagged: an activity that failed on bad data while another was flagged waited its turn and was flagged in
 * its own turn, so one mistake in the data that two activities ran into (the 受理通知书 and 审核's hand-over) took the
 * operator two retries after one fix. Now what still fails after the retry is flagged afresh. Asked for once, first.
 */
const ONE_RETRY_FOR_EVERY_STALL = 'one-retry-for-every-stall';

/**
 * From this version on (v13 of the recorded histories) a deadline counted ahead that failed is counted again where it
 * is taken, through the stall guard: refused on bad data, the case is flagged until the data is put right, as for any
 * other step. One nobody takes (the day turned or the calendar changed meanwhile) is dropped whatever became of it.
 * Cases started before count again only a count that had failed by the time it was taken (see LOCAL_BAD_DATA_STALLS);
 * one refused after that still fails them, as it failed every case before. Asked for once, first.
 */
const AHEAD_COUNTS_TAKEN_AGAIN = 'ahead-counts-taken-again';

/** Who issues the 送达回证 of an electronic delivery: the system, on the town's behalf. */
const ELECTRONIC_DELIVERY = { id: 'system', title: '电子送达' };

/** 行政许可法 art. 32: 五日内一次告知. */
const CORRECTION_NOTICE_WORKING_DAYS = 5;

/**
 * One case, from application to delivery. Each route step is a task in a unit's inbox with a deadline on the
 * working-day calendar; 受理 starts the committed limit; 补正 and special procedures stop the clock and the
 * deadlines are recomputed from the recorded stops (never edited); an approved extension adds days; the applicant
 * may withdraw until the decision; the result is stamped with the town's approval seal and delivered.
 */
export async function caseHandlingWorkflow(input: CaseHandlingInput): Promise<CaseStatus> {
  const state = new CaseState(input);
  takeRequests(state);
  return new CaseRouteWalk(state).run();
}

/** The query, and the updates with their validators: each asks the state whether it refuses, then hands it over. */
function takeRequests(state: CaseState): void {
  const validate = (refusal: Refusal | undefined): void => {
    if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, refusal.type);
  };
  const taken = () => ({ accepted: true as const });
  setHandler(caseStatusQuery, () => state.status);
  setHandler(decideStepUpdate, (decision) => (state.takeDecision(decision), taken()), {
    validator: (decision) => validate(state.refuseDecision(decision)),
  });
  setHandler(supplyCorrectionUpdate, (supplied) => (state.takeCorrectionSupplied(supplied), taken()), {
    validator: (_supplied) => validate(state.refuseCorrectionSupplied()),
  });
  setHandler(withdrawUpdate, (withdrawal) => (state.takeWithdrawal(withdrawal), taken()), {
    validator: (_withdrawal) => validate(state.refuseWithdrawal()),
  });
  setHandler(suspendUpdate, (suspension) => (state.takeSuspension(suspension, today()), taken()), {
    validator: (_suspension) => validate(state.refuseSuspension()),
  });
  setHandler(resumeUpdate, ({ handlerId }) => (state.takeResumption(handlerId, today()), taken()), {
    validator: (_resumption) => validate(state.refuseResumption()),
  });
  setHandler(extendUpdate, (extension) => (state.takeExtension(extension), taken()), {
    validator: (extension) => validate(state.refuseExtension(extension)),
  });
  setHandler(retryStalledStepUpdate, (request) => (state.takeRetry(request), taken()), {
    validator: (_request) => validate(state.refuseRetry()),
  });
  setHandler(recalculateDeadlinesSignal, (change) => state.takeCalendarChange(change));
}

/**
 * A step either ends with a decision on its task, or the case ends while it waits (撤件), or — before 受理 — the law
 * deems the case accepted while it waits.
 */
type StepEnd =
  | { decided: StepDecision; handedOver?: CloseReviewTaskInput }
  | { ended: CaseStatus }
  | { deemedAccepted: true };

/** Walks the case's route step by step, running the activities each turn needs and announcing each milestone. */
class CaseRouteWalk {
  private readonly caseRef: { caseId: string; county: string; town: string; correlationId: string };
  /** Whether this case issues its documents as it goes (see ISSUE_CASE_DOCUMENTS). */
  private issuing = false;
  /** Whether the art. 32 days start when the town's 受理 step opens (see DEEMED_FROM_THE_TOWNS_RECEIPT). */
  private deemsFromTownReceipt = false;
  /**
   * Whether this case started under HAND_OVER_AND_ORDERED_IDS, and so under every patch before it: decided tasks
   * handed over, ids in time order, the decision and its electronic 送达回证 issued together.
   */
  private startedUnderV8 = false;
  /** Whether this case started under NOTICE_BESIDE_NEXT_TASK (and so under every patch before it). */
  private startedUnderV9 = false;
  /** Whether this case started under DEADLINES_SIDE_BY_SIDE (and so under every patch before it). */
  private startedUnderV10 = false;
  /** Whether this case started under ACCEPTANCE_HANDED_OVER (and so under every patch before it). */
  private startedUnderV11 = false;
  /** Whether this case started under ONE_RETRY_FOR_EVERY_STALL (and so under every patch before it). */
  private startedUnderV12 = false;
  /** Whether this case started under AHEAD_COUNTS_TAKEN_AGAIN (and so under every patch before it). */
  private startedUnderV13 = false;
  /** The acceptance's announcement and notice, made once the task its 受理 is handed over to is open (v11). */
  private acceptanceToAnnounce?: () => Promise<void>;
  /**
   * A step's deadline counted ahead, beside other work, for the deadlineFrom call that asks for it (v10): `take` gives
   * the deadline to the one that asks.
   */
  private countedAhead?: { key: string; take: () => Promise<Deadline> };
  /** The 受理通知书 on its way while the case goes on (see NOTICE_BESIDE_NEXT_TASK), and how it ended. */
  private noticeOnItsWay?: Promise<{ failed?: unknown }>;
  /** Stalled activities wait their turn: the case has one flag, so two stalls at once would take each other's. */
  private stalls: Promise<void> = Promise.resolve();
  /** How many retries the case has taken: a stall that waited through one runs again without a flag (v12). */
  private retriesTaken = 0;
  /** Whether the 送达回证 of the electronic delivery was issued with the decision (see stampDecision). */
  private receiptIssued = false;

  // The activities, each waiting for a fix and a retry when it fails on bad data (see stalled-steps).
  private readonly approval = retriedAfterFix(approvalActivities, (activity, failure) =>
    this.stall(activity, failure),
  );
  private readonly cases = retriedAfterFix(caseActivities, (activity, failure) =>
    this.stall(activity, failure),
  );
  private readonly seal = retriedAfterFix(sealActivities, (activity, failure) =>
    this.stall(activity, failure),
  );
  private readonly localCases = retriedAfterFix(localCaseActivities, (activity, failure) =>
    this.stall(activity, failure),
  );
  /**
   * The deadlines counted ahead by cases started before v13: through a guard that knows no local activity's refusal,
   * as they always were, so that one refused and never taken flags nothing (see countStepDeadlineAhead).
   */
  private readonly aheadCountsBeforeV13 = retriedAfterFix(
    localCaseActivities,
    (activity, failure) => this.stall(activity, failure),
    activityTaskBadDataOf,
  );

  /** Where this case counts its deadlines: locally, unless its history began counting them as activity tasks. */
  private deadlines(): Pick<CaseActivities, 'computeDeadline'> {
    return this.startedUnderV8 || patched(DEADLINES_AS_LOCAL_ACTIVITIES) ? this.localCases : this.cases;
  }

  constructor(private readonly state: CaseState) {
    const { input } = state;
    this.caseRef = {
      caseId: input.caseId,
      county: input.county,
      town: input.town,
      correlationId: input.correlationId,
    };
  }

  async run(): Promise<CaseStatus> {
    const { state } = this;
    // Asked first and once: a case that started under it asks for no earlier patch; one that did not asks for them in
    // the order of every recorded history (keep it), as it always did.
    this.startedUnderV13 = patched(AHEAD_COUNTS_TAKEN_AGAIN);
    this.startedUnderV12 = this.startedUnderV13 || patched(ONE_RETRY_FOR_EVERY_STALL);
    this.startedUnderV11 = this.startedUnderV12 || patched(ACCEPTANCE_HANDED_OVER);
    this.startedUnderV10 = this.startedUnderV11 || patched(DEADLINES_SIDE_BY_SIDE);
    this.startedUnderV9 = this.startedUnderV10 || patched(NOTICE_BESIDE_NEXT_TASK);
    this.startedUnderV8 = this.startedUnderV9 || patched(HAND_OVER_AND_ORDERED_IDS);
    const fromTownReceipt = this.startedUnderV8 || patched(DEEMED_FROM_THE_TOWNS_RECEIPT);
    if (!fromTownReceipt && patched(DEEMED_ACCEPTANCE)) await this.noteReceipt();
    this.deemsFromTownReceipt = fromTownReceipt && state.mayBeDeemedAccepted();
    this.issuing = (this.startedUnderV8 || patched(ISSUE_CASE_DOCUMENTS)) && issuesDocuments(state.steps);
    let index = 0;
    // A decided task the next step's opening closes (see leadsStraightToNextTask).
    let handedOver: CloseReviewTaskInput | undefined;
    while (index < state.steps.length) {
      const step = state.steps[index];
      if (handedOver && !this.opensTaskNext(step)) {
        // Never so by leadsStraightToNextTask; should the two disagree, the task is closed all the same.
        await this.approval.closeReviewTask(handedOver);
        handedOver = undefined;
        if (this.acceptanceToAnnounce) await this.announceAcceptanceHandedOver();
      }
      if (step.kind === '用印') {
        await this.stampDecision(
          state.steps[index + 1]?.kind === '送达' && state.input.deliveryMethod === 'electronic',
        );
        index += 1;
        continue;
      }
      if (step.kind === '送达') {
        if (state.input.deliveryMethod !== 'electronic') this.countStepDeadlineAhead(index);
        if (!state.status.result) await this.conclude(state.decision.result);
        state.startDelivering();
        if (state.input.deliveryMethod === 'electronic') {
          state.leaveStep();
          await this.announce({
            kind: 'delivered',
            method: 'electronic',
            documentId: state.status.documentId,
            handlerId: 'system',
          });
          if (!this.receiptIssued) {
            await this.issue(
              { level: 'town' },
              ELECTRONIC_DELIVERY,
              this.electronicReceipt(state.status.documentId),
            );
          }
          break;
        }
      }
      // Once decided, the steps before 用印 and 送达 have nothing left to do.
      if (state.decided && step.kind !== '送达') {
        index += 1;
        continue;
      }

      const end = await this.takeStep(index, handedOver);
      handedOver = undefined;
      if ('ended' in end) return end.ended;
      if ('deemedAccepted' in end) {
        await this.acceptAsDeemed();
        index = state.acceptIndex + 1;
        continue;
      }
      if (step.kind === '送达') {
        const record = end.decided.delivery;
        await this.announce({
          kind: 'delivered',
          method: record?.method ?? state.input.deliveryMethod,
          documentId: state.status.documentId,
          handlerId: end.decided.handlerId,
          ...(record ? { recipient: record.recipient, deliveredOn: record.deliveredOn } : {}),
          ...(postedWith(record) ?? {}),
        });
        await this.issue(issuerOfStep(step), this.handler(step, end.decided), {
          kind: 'delivery-receipt',
          method: record?.method ?? state.input.deliveryMethod,
          recipient: record?.recipient ?? state.input.applicantName,
          deliveredOn: record?.deliveredOn ?? today(),
          ...(state.status.documentId ? { deliveredDocumentId: state.status.documentId } : {}),
          ...(postedWith(record) ?? {}),
          ...(record?.method === 'home' && record.deliveredBy ? { deliveredBy: record.deliveredBy } : {}),
        });
        break;
      }
      handedOver = end.handedOver;
      const next = await this.follow(index, end.decided, end.handedOver !== undefined);
      if (typeof next !== 'number') return next;
      index = next;
    }
    if (!state.status.result) await this.conclude(state.decision.result);
    return state.close();
  }

  /**
   * Opens the step's task in its unit's inbox (closing the decided task handed over with it) and waits for its
   * decision, handling the clock meanwhile.
   */
  private async takeStep(index: number, handedOver?: CloseReviewTaskInput): Promise<StepEnd> {
    const { state } = this;
    const step = state.steps[index];
    // The workflow names the task before the approval service creates it, so a decision that arrives the moment
    // the task shows up in an inbox is already recognised (newId makes the same id under replay).
    if (this.deemsFromTownReceipt && index === state.acceptIndex && !state.status.receivedOn) {
      this.countStepDeadlineAhead(index);
      await this.noteReceipt();
    }
    const taskId = this.newId();
    const current = state.openStep(index, taskId, today());
    await this.recomputeStepDeadline();
    const opening = {
      ...this.caseRef,
      taskId,
      stepIndex: index,
      visit: current.visit,
      stepName: step.kind,
      level: step.level,
      unitCode: step.unitCode,
      dueDate: current.deadline?.dueDate,
      receiptNumber: state.input.receiptNumber,
      matterName: state.input.matterName,
      applicantName: state.input.applicantName,
    };
    if (handedOver) await this.approval.handOverReviewTask({ close: handedOver, open: opening });
    else await this.approval.openReviewTask(opening);
    // Only when one waits: an await more would move the commands of cases before v11 by a turn of the event loop.
    if (this.acceptanceToAnnounce) await this.announceAcceptanceHandedOver();

    let decision: StepDecision | undefined;
    while (!decision) {
      const request = await this.nextRequest();
      if (request === 'correction-expired') continue; // only while awaiting a 补正, handled there
      if (request === 'deemed-accepted') return { deemedAccepted: true };
      if (request.kind === 'withdraw') {
        return { ended: await this.endWithoutDecision('撤件', request.withdrawal.reason) };
      }
      if (request.kind === 'decision') decision = request.decision;
      else await this.handleClockRequest(request);
    }

    const closing = { ...this.caseRef, ...decision };
    if (this.startedUnderV8 && this.leadsStraightToNextTask(index, decision)) {
      const decidedAt = new Date().toISOString();
      state.recordDecision(index, decision, decidedAt);
      return { decided: decision, handedOver: { ...closing, decidedAt } };
    }
    await this.approval.closeReviewTask(closing);
    state.recordDecision(index, decision, new Date().toISOString());
    return { decided: decision };
  }

  /**
   * Whether the decision's next turn is opening the next step's task, with nothing but day-counting local activities
   * between (its deadline; before 受理, the day of receipt): an approval that neither accepts nor decides the case,
   * before a step with a task (see follow). The closed task keeps the decision's time whatever those took. Before v11
   * a 受理's task was closed on its own, before the acceptance was announced (the province's exchange takes the
   * window's 预受理 before the case's 受理); since, the acceptance waits for the hand-over instead (see accept). 补正,
   * 退回 and refusals are rare enough to keep their own close.
   */
  private leadsStraightToNextTask(index: number, decision: StepDecision): boolean {
    const { state } = this;
    if (decision.outcome !== 'approve' || state.decided) return false;
    if (index === state.acceptIndex && !state.status.acceptedOn && !this.startedUnderV11) return false;
    if (state.steps[index].kind === '决定') return false;
    const next = state.steps[index + 1];
    return next !== undefined && this.opensTaskNext(next);
  }

  /** Whether the loop of run() opens this step's task as its next turn (用印 and 送达 conclude first, if at all). */
  private opensTaskNext(step: RouteStep): boolean {
    return step.kind !== '用印' && step.kind !== '送达' && !this.state.decided;
  }

  /** Where the route goes after a decision: the index of the next step, or the case's end. */
  private async follow(
    index: number,
    decision: StepDecision,
    handedOver: boolean,
  ): Promise<number | CaseStatus> {
    const { state } = this;
    switch (decision.outcome) {
      case 'approve':
        if (index === state.acceptIndex && !state.status.acceptedOn) await this.accept(decision, handedOver);
        if (state.steps[index].kind === '决定') state.decide('准予', decision);
        return index + 1;
      case 'return':
        return Math.max(0, index - 1);
      case 'reject':
        if (!state.status.acceptedOn) return this.refuseToAccept(index, decision);
        if (
          state.steps[index].kind !== '决定' &&
          (this.startedUnderV8 || patched(REVIEW_REFUSAL_IS_RECOMMENDATION))
        )
          return index + 1;
        state.decide('不予许可', decision);
        return index + 1;
      case 'request-correction': {
        const outcome = await this.awaitCorrection(decision, state.steps[index]);
        if (outcome === 'withdrawn') return this.endWithoutDecision('撤件', '申请人撤回申请');
        if (outcome === 'expired') return this.endWithoutDecision('补正不来', '逾期未补正');
        // Supplied: the same step looks at the case again, as a new visit with its own deadline.
        return index;
      }
    }
  }

  /**
   * 受理: the committed limit starts to run from today. A 受理 handed over to the next task (v11) is announced once
   * that task is open (see takeStep), so that its close is told first.
   */
  private async accept(decision: StepDecision, handedOver: boolean): Promise<void> {
    const { state } = this;
    state.accept(today());
    const handledBy = this.handler(state.steps[state.acceptIndex], decision);
    if (!handedOver) return this.announceAccepted(handledBy, false);
    this.countNextStepDeadlineAhead();
    await this.recomputeCaseDeadlines();
    this.acceptanceToAnnounce = () => this.announceAcceptance(handledBy, false);
  }

  /** The committed dates from acceptance, the 受理 milestone, and the 受理通知书 (of a deemed acceptance, if so). */
  private async announceAccepted(handledBy: NamedPerson & { title: string }, deemed: boolean): Promise<void> {
    this.countNextStepDeadlineAhead();
    await this.recomputeCaseDeadlines();
    await this.announceAcceptance(handledBy, deemed);
  }

  /** The acceptance waiting for its 受理 to be handed over (v11), once it is. Called only when one waits. */
  private async announceAcceptanceHandedOver(): Promise<void> {
    const acceptance = this.acceptanceToAnnounce;
    this.acceptanceToAnnounce = undefined;
    await acceptance?.();
  }

  /** The step after 受理's deadline, counted beside the committed dates when its task opens next (v10). */
  private countNextStepDeadlineAhead(): void {
    const next = this.state.steps[this.state.acceptIndex + 1];
    if (next && this.opensTaskNext(next)) this.countStepDeadlineAhead(this.state.acceptIndex + 1);
  }

  /** The 受理 milestone with the committed date, and the 受理通知书. */
  private async announceAcceptance(
    handledBy: NamedPerson & { title: string },
    deemed: boolean,
  ): Promise<void> {
    const { state } = this;
    const deadline = state.status.committedDeadline as Deadline;
    await this.announce({
      kind: 'accepted',
      receiptNumber: state.input.receiptNumber,
      matterCode: state.input.matterCode,
      matterVersion: state.input.matterVersion,
      committedDueDate: deadline.dueDate,
      provisional: deadline.provisional,
      ...(deemed ? { deemed: true } : {}),
    });
    await this.issueAcceptanceNotice(handledBy, deemed);
  }

  private async issueAcceptanceNotice(
    handledBy: NamedPerson & { title: string },
    deemed: boolean,
  ): Promise<void> {
    const { status } = this.state;
    const acceptedOn = status.acceptedOn as string;
    const issuing = this.issue({ level: 'town' }, handledBy, {
      kind: 'acceptance-notice',
      receivedOn: status.receivedOn ?? acceptedOn,
      acceptedOn,
      committedDueDate: (status.committedDeadline as Deadline).dueDate,
      ...(status.committedDeadline?.provisional ? { provisional: true } : {}),
      deemed,
      decidingOrgan: decidingIssuer(this.state.steps),
    });
    if (!this.startedUnderV9) {
      await issuing;
      return;
    }
    // Kept with how it ended: a failure is thrown where the notice is waited for, not lost as an unhandled rejection.
    this.noticeOnItsWay = issuing.then(
      () => ({}),
      (failed: unknown) => ({ failed }),
    );
  }

  /**
   * Waits for the 受理通知书 on its way and throws what failed it. Called only when one is on its way: without one,
   * cases before v9 take no extra turn of the event loop where they never took one.
   */
  private async noticeIssued(): Promise<void> {
    const onItsWay = this.noticeOnItsWay;
    this.noticeOnItsWay = undefined;
    const outcome = await onItsWay;
    if (outcome?.failed !== undefined) throw outcome.failed;
  }

  /** The day of receipt, and the fifth working day after it: the art. 32 deadline for a 补正 notice. */
  private async noteReceipt(): Promise<void> {
    const receivedOn = today();
    const deadline = await this.deadlines().computeDeadline({
      startDate: receivedOn,
      workingDays: CORRECTION_NOTICE_WORKING_DAYS,
      stops: [],
      county: this.caseRef.county,
    });
    this.state.noteReceipt(receivedOn, deadline.dueDate);
  }

  /**
   * 视为受理: five working days passed with neither 受理 nor a 补正 notice. The task waiting before 受理 leaves its inbox,
   * the committed limit runs from receipt, and the applicant is told the case is accepted.
   */
  private async acceptAsDeemed(): Promise<void> {
    const { state } = this;
    const waiting = state.status.currentStep?.taskId;
    if (waiting)
      await this.approval.cancelReviewTask({
        ...this.caseRef,
        taskId: waiting,
        reason: '五个工作日内未受理也未告知补正，依法视为受理（行政许可法第三十二条）',
      });
    state.leaveStep();
    state.acceptAsDeemed();
    await this.announceAccepted({ id: 'system', title: '依法视为受理' }, true);
  }

  /** 不予受理: the case never started; the applicant is told why and gets the materials back. */
  private async refuseToAccept(index: number, decision: StepDecision): Promise<CaseStatus> {
    await this.announce({ kind: 'refused', reason: decision.opinion, handlerId: decision.handlerId });
    const step = this.state.steps[index];
    await this.issue(issuerOfStep(step), this.handler(step, decision), {
      kind: 'non-acceptance',
      reason: decision.opinion,
      ...(decision.referTo ? { referTo: decision.referTo } : {}),
    });
    await this.conclude('退回');
    return this.state.close();
  }

  /**
   * 用印: the decision issued under the deciding organ's seal, and — when it is delivered electronically next — its
   * 送达回证 with it, in one activity (cases started under HAND_OVER_AND_ORDERED_IDS).
   */
  private async stampDecision(deliveredElectronicallyNext: boolean): Promise<void> {
    const { state } = this;
    if (this.noticeOnItsWay) await this.noticeIssued();
    state.startSealing();
    const { result, by } = state.decision;
    if (this.issuing) {
      const deciding = state.steps.find((step) => step.kind === '决定') as RouteStep;
      const decision = this.documentRequest(
        decidingIssuer(state.steps),
        by ? this.handler(deciding, by) : { id: 'system', title: handlerTitle(deciding) },
        {
          kind: 'decision',
          result,
          opinion: by?.opinion ?? '',
          ...(result === '准予' && by?.grant ? { grant: by.grant } : {}),
        },
      );
      // Only under the town's own seal: a bureau's decision is concluded and delivered without waiting for the
      // town's seal, which its 送达回证 is issued under.
      if (this.startedUnderV8 && deliveredElectronicallyNext && decision.issuer.level === 'town') {
        const issued = await this.seal.issueDecisionWithReceipt({
          decision,
          receipt: this.documentRequest({ level: 'town' }, ELECTRONIC_DELIVERY, this.electronicReceipt()),
        });
        this.recordIssued(issued.decision);
        this.recordIssued(issued.receipt);
        this.receiptIssued = true;
        state.recordDocument(issued.decision.documentId);
      } else {
        const issued = await this.seal.issueDocument(decision);
        this.recordIssued(issued);
        state.recordDocument(issued.documentId);
      }
      await this.conclude(result);
      return;
    }
    const stamped = await this.seal.stampDecision({
      ...this.caseRef,
      decisionId: this.newId(),
      receiptNumber: state.input.receiptNumber,
      matterCode: state.input.matterCode,
      matterName: state.input.matterName,
      applicantName: state.input.applicantName,
      result,
      documentKind: 'decision',
      opinion: by?.opinion ?? '',
      decidedBy: by?.handlerId ?? 'system',
      ...(by?.handlerName ? { decidedByName: by.handlerName } : {}),
      decidedAt: new Date().toISOString(),
    });
    state.recordDocument(stamped.documentId);
    await this.conclude(result);
  }

  /** 补正: the clock stops until the applicant supplies everything asked for, or the wait runs out. */
  private async awaitCorrection(
    decision: StepDecision,
    step: RouteStep,
  ): Promise<'supplied' | 'withdrawn' | 'expired'> {
    const { state } = this;
    const missingMaterials = decision.missingMaterials ?? [];
    const requestedOn = today();
    const supplyBy = await this.deadlines().computeDeadline({
      startDate: requestedOn,
      workingDays: state.input.correctionWaitWorkingDays,
      stops: [],
      county: this.caseRef.county,
    });
    state.requestCorrection(missingMaterials, supplyBy.dueDate, requestedOn);
    await this.announce({ kind: 'correction-requested', missingMaterials, supplyBy: supplyBy.dueDate });
    await this.issue(issuerOfStep(step), this.handler(step, decision), {
      kind: 'correction-notice',
      ...(state.status.receivedOn ? { receivedOn: state.status.receivedOn } : {}),
      missingMaterials,
      supplyBy: supplyBy.dueDate,
      opinion: decision.opinion,
    });
    for (;;) {
      const request = await this.nextRequest();
      if (request === 'correction-expired') return 'expired';
      // A case waiting for its 补正 is never deemed accepted (the notice came in time); nothing else to wait for.
      if (request === 'deemed-accepted') continue;
      if (request.kind === 'withdraw') return 'withdrawn';
      if (request.kind !== 'supply') {
        await this.handleClockRequest(request);
        continue;
      }
      state.correctionSupplied(today());
      await this.recomputeCaseDeadlines();
      await this.announce({
        kind: 'correction-supplied',
        suppliedMaterials: request.supplied.suppliedMaterials,
        committedDueDate: state.status.committedDeadline?.dueDate,
        provisional: state.status.committedDeadline?.provisional ?? false,
      });
      return 'supplied';
    }
  }

  /**
   * Waits for the next request, raising warnings as their time comes; 'correction-expired' when the applicant let
   * the supply-by date of a 补正 pass.
   */
  private async nextRequest(): Promise<CaseRequest | 'correction-expired' | 'deemed-accepted'> {
    const { state } = this;
    for (;;) {
      const alarms = pendingAlarms(state);
      const correction = state.status.correction;
      const correctionEnds = correction ? endOfCstDay(correction.supplyBy) : undefined;
      const deemedAt = state.awaitingDeemedAcceptance
        ? endOfCstDay(state.status.deemedAcceptanceOn as string)
        : undefined;
      const wakeAt = Math.min(
        ...alarms.map((alarm) => alarm.at),
        correctionEnds ?? Number.POSITIVE_INFINITY,
        deemedAt ?? Number.POSITIVE_INFINITY,
      );
      if (!Number.isFinite(wakeAt)) {
        await condition(() => state.hasRequest());
        return state.nextRequest();
      }
      if (await condition(() => state.hasRequest(), Math.max(1, wakeAt - Date.now()))) {
        return state.nextRequest();
      }
      const now = Date.now();
      for (const alarm of alarms.filter((candidate) => candidate.at <= now)) {
        state.warningRaised(alarm.key);
        await this.announce({ kind: 'warning', ...alarm.warning });
      }
      if (correctionEnds !== undefined && correctionEnds <= now && state.status.correction)
        return 'correction-expired';
      if (deemedAt !== undefined && deemedAt <= now && state.awaitingDeemedAcceptance)
        return 'deemed-accepted';
    }
  }

  /** The requests about the clock that every wait handles alike: special procedures and extensions. */
  private async handleClockRequest(request: CaseRequest): Promise<void> {
    const { state } = this;
    switch (request.kind) {
      case 'suspend': {
        await this.announce({
          kind: 'suspended',
          procedure: request.suspension.procedure,
          reason: request.suspension.reason,
          handlerId: request.suspension.handlerId,
          ...(request.suspension.expectedWorkingDays
            ? { expectedWorkingDays: request.suspension.expectedWorkingDays }
            : {}),
        });
        const issuer = this.currentIssuer();
        await this.issue(
          issuer,
          this.person(request.suspension.handlerId, request.suspension.handlerName, leaderTitle(issuer)),
          {
            kind: 'special-procedure-notice',
            procedure: request.suspension.procedure,
            reason: request.suspension.reason,
            ...(request.suspension.expectedWorkingDays
              ? { expectedWorkingDays: request.suspension.expectedWorkingDays }
              : {}),
          },
        );
        return;
      }
      case 'resume': {
        await this.recomputeCaseDeadlines();
        await this.recomputeStepDeadline();
        const stop = state.lastStop();
        const deadline = state.status.committedDeadline;
        if (deadline && stop.reason !== '补正') {
          await this.announce({
            kind: 'resumed',
            procedure: stop.reason,
            committedDueDate: deadline.dueDate,
            provisional: deadline.provisional,
          });
        }
        return;
      }
      case 'extend': {
        state.extendBy(request.extension.extraWorkingDays);
        await this.recomputeCaseDeadlines();
        const deadline = state.status.committedDeadline as Deadline;
        await this.announce({
          kind: 'extended',
          extraWorkingDays: request.extension.extraWorkingDays,
          reason: request.extension.reason,
          approvedBy: request.extension.approvedBy,
          committedDueDate: deadline.dueDate,
          provisional: deadline.provisional,
        });
        const extension = request.extension;
        const issuer = decidingIssuer(state.steps);
        const approvedBy = this.person(extension.approvedBy, extension.approvedByName, leaderTitle(issuer));
        await this.issue(issuer, approvedBy, {
          kind: 'extension-notice',
          extraWorkingDays: extension.extraWorkingDays,
          reason: extension.reason,
          approvedBy,
          committedDueDate: deadline.dueDate,
          ...(deadline.provisional ? { provisional: true } : {}),
        });
        return;
      }
      case 'recalculate':
        return this.recalculate(request.change);
      default:
        return;
    }
  }

  /**
   * Redoes the dates on the changed calendar and puts on the record the ones that moved (the applicant is told of a
   * moved committed date). While the clock stands still there is nothing to redo: its end recomputes everything.
   */
  private async recalculate(change: CalendarChange): Promise<void> {
    const { state } = this;
    if (state.clockStopped) return;
    const { committedDeadline: committed, statutoryDeadline: statutory } = state.status;
    const before = { committed, statutory, step: state.status.currentStep?.deadline };
    await this.recomputeCaseDeadlines();
    await this.recomputeStepDeadline();
    const current = state.status.currentStep;
    const after = {
      committed: state.status.committedDeadline,
      statutory: state.status.statutoryDeadline,
      step: current?.deadline,
    };
    const moved = (key: keyof typeof before) =>
      before[key]?.dueDate !== after[key]?.dueDate || before[key]?.provisional !== after[key]?.provisional;
    if (!moved('committed') && !moved('statutory') && !moved('step')) return;
    if (current?.taskId && after.step && moved('step')) {
      await this.approval.rescheduleReviewTask({
        ...this.caseRef,
        taskId: current.taskId,
        dueDate: after.step.dueDate,
      });
    }
    await this.announce({
      kind: 'rescheduled',
      change: change.description,
      provisional: after.committed?.provisional ?? after.step?.provisional ?? false,
      ...(before.committed ? { previousDueDate: before.committed.dueDate } : {}),
      ...(after.committed ? { committedDueDate: after.committed.dueDate } : {}),
      ...(before.statutory ? { previousStatutoryDueDate: before.statutory.dueDate } : {}),
      ...(after.statutory ? { statutoryDueDate: after.statutory.dueDate } : {}),
      ...(current && after.step
        ? {
            stepName: current.kind,
            stepDueDate: after.step.dueDate,
            ...(current.taskId ? { stepTaskId: current.taskId } : {}),
          }
        : {}),
    });
  }

  // ---- documents: each under its issuing organ's seal, once per key (newId makes the same key under replay) ------

  /** Issues one document of the case, if this case issues them; the id of the document issued. */
  private async issue(
    issuer: DocumentIssuer,
    handledBy: NamedPerson & { title: string },
    content: CaseDocumentContent,
  ): Promise<string | undefined> {
    if (!this.issuing) return undefined;
    if (this.noticeOnItsWay) await this.noticeIssued();
    const issued = await this.seal.issueDocument(this.documentRequest(issuer, handledBy, content));
    this.recordIssued(issued);
    return issued.documentId;
  }

  /** What the seal service is asked to issue: one document of this case, under a key of its own. */
  private documentRequest<Content extends CaseDocumentContent>(
    issuer: DocumentIssuer,
    handledBy: NamedPerson & { title: string },
    content: Content,
  ): IssueDocumentInput & { content: Content } {
    const { input } = this.state;
    return {
      ...this.caseRef,
      documentKey: this.newId(),
      issuer,
      receiptNumber: input.receiptNumber,
      matterCode: input.matterCode,
      matterName: input.matterName,
      ...(input.matterTypeCode ? { matterTypeCode: input.matterTypeCode } : {}),
      ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
      applicantName: input.applicantName,
      handledBy,
      issuedAt: new Date().toISOString(),
      content,
    };
  }

  /** The 送达回证 of an electronic delivery today (the document handed over named, once it is known). */
  private electronicReceipt(
    deliveredDocumentId?: string,
  ): Extract<CaseDocumentContent, { kind: 'delivery-receipt' }> {
    return {
      kind: 'delivery-receipt',
      method: 'electronic',
      recipient: this.state.input.applicantName,
      deliveredOn: today(),
      ...(deliveredDocumentId ? { deliveredDocumentId } : {}),
    };
  }

  private recordIssued(issued: IssuedDocument): void {
    this.state.recordIssued({
      documentId: issued.documentId,
      kind: issued.kind,
      title: issued.title,
      number: issued.number,
      issuerName: issued.issuerName,
      fileName: issued.fileName,
      verificationCode: issued.verificationCode,
      issuedAt: issued.stampedAt,
    });
  }

  private handler(step: RouteStep, decision: StepDecision): NamedPerson & { title: string } {
    return this.person(decision.handlerId, decision.handlerName, handlerTitle(step));
  }

  private person(id: string, name: string | undefined, title: string): NamedPerson & { title: string } {
    return { id, ...(name ? { name } : {}), title };
  }

  /** The organ of the step the case is at (a special procedure is the handling organ's act). */
  private currentIssuer(): DocumentIssuer {
    const current = this.state.status.currentStep;
    return current ? issuerOfStep(this.state.steps[current.index]) : decidingIssuer(this.state.steps);
  }

  private async conclude(result: CaseResult): Promise<void> {
    const { state } = this;
    if (this.noticeOnItsWay) await this.noticeIssued();
    state.recordResult(result);
    const committed = state.status.committedDeadline;
    const onTime = !committed || today() <= committed.dueDate;
    await this.announce({ kind: 'concluded', result, onTime });
  }

  /** 撤件 or 补正不来: the open task leaves every inbox and the case ends without a decision. */
  private async endWithoutDecision(result: '撤件' | '补正不来', reason: string): Promise<CaseStatus> {
    const open = this.state.status.currentStep?.taskId;
    if (open) await this.approval.cancelReviewTask({ ...this.caseRef, taskId: open, reason });
    await this.conclude(result);
    return this.state.close();
  }

  // ---- deadlines: always recomputed from the recorded facts, never edited -----------------------------------

  private deadlineRequest(startDate: string, workingDays: number): DeadlineRequest {
    return { startDate, workingDays, stops: this.state.closedStops(), county: this.caseRef.county };
  }

  private deadlineFrom(startDate: string, workingDays: number): Promise<Deadline> {
    const request = this.deadlineRequest(startDate, workingDays);
    const ahead = this.countedAhead;
    if (ahead) {
      this.countedAhead = undefined;
      if (ahead.key === this.countKey(request)) return ahead.take();
    }
    return this.deadlines().computeDeadline(request);
  }

  /** A count's request, and the calendar changes taken so far: a count made before a change is made again. */
  private countKey(request: DeadlineRequest): string {
    return JSON.stringify([request, this.state.calendarChangesTaken]);
  }

  /**
   * Starts counting the deadline the step's task will open with (opened today, the step's budget, the stops so
   * far), so that the work before it runs beside the count (v10). deadlineFrom takes it when asked for the same
   * count; a count nobody asks for (the day turned meanwhile) is dropped at the next deadline asked for.
   */
  private countStepDeadlineAhead(index: number): void {
    if (!this.startedUnderV10) return;
    const request = this.deadlineRequest(today(), this.state.steps[index].budgetWorkingDays);
    // Not through the stall guard (before v13, through one that knows no local activity's refusal, whose turns their
    // histories replay): a count nobody takes must flag nothing.
    const counting = (this.startedUnderV13 ? localCaseActivities : this.aheadCountsBeforeV13).computeDeadline(
      request,
    );
    let failed = false;
    // One never taken must not fail the workflow task as unhandled.
    const counted = counting.catch(() => {
      failed = true;
      return undefined;
    });
    const again = () => this.deadlines().computeDeadline(request);
    this.countedAhead = {
      key: this.countKey(request),
      take: this.startedUnderV13
        ? () => counted.then((deadline) => deadline ?? again())
        : // As before v13 (its replays take the same turns), except that a count already failed is made again rather
          // than failing the case (where LOCAL_BAD_DATA_STALLS holds: a case that failed so replays as it ran).
          () => (failed && patched(LOCAL_BAD_DATA_STALLS) ? again() : counting),
    };
  }

  private async recomputeCaseDeadlines(): Promise<void> {
    const { state } = this;
    const { acceptedOn } = state.status;
    if (!acceptedOn) return;
    const { committedLimitWorkingDays, statutoryLimitWorkingDays } = state.input;
    const extension = state.status.extensionWorkingDays;
    if (this.startedUnderV10) {
      const [committed, statutory] = await Promise.all([
        this.deadlines().computeDeadline(
          this.deadlineRequest(acceptedOn, committedLimitWorkingDays + extension),
        ),
        statutoryLimitWorkingDays === undefined
          ? undefined
          : this.deadlines().computeDeadline(
              this.deadlineRequest(acceptedOn, statutoryLimitWorkingDays + extension),
            ),
      ]);
      state.setCommittedDeadline(committed);
      if (statutory) state.setStatutoryDeadline(statutory);
      return;
    }
    state.setCommittedDeadline(await this.deadlineFrom(acceptedOn, committedLimitWorkingDays + extension));
    if (statutoryLimitWorkingDays !== undefined) {
      state.setStatutoryDeadline(await this.deadlineFrom(acceptedOn, statutoryLimitWorkingDays + extension));
    }
  }

  private async recomputeStepDeadline(): Promise<void> {
    const current: CurrentStep | undefined = this.state.status.currentStep;
    if (!current) return;
    const budget = this.state.steps[current.index].budgetWorkingDays;
    this.state.setStepDeadline(current, await this.deadlineFrom(current.openedOn, budget));
  }

  /**
   * A step failed on data no retry can fix: the case is flagged (its status, the read model, an event on the
   * record) and waits until someone puts the data right and asks for a retry; the step then runs again.
   */
  private stall(activity: string, failure: { code: string; message: string }): Promise<void> {
    // When it failed, not when its turn came.
    const since = new Date().toISOString();
    // Before v9 nothing ran beside a stalled activity: those cases stall as they always did.
    if (!this.startedUnderV9) return this.stallAlone(activity, failure, since);
    const retriesBefore = this.retriesTaken;
    const turn = this.stalls.then(() =>
      // A retry taken while this one waited its turn was asked for after a fix it may share: run again first.
      this.startedUnderV12 && this.retriesTaken > retriesBefore
        ? undefined
        : this.stallAlone(activity, failure, since),
    );
    this.stalls = turn.catch(() => undefined);
    return turn;
  }

  private async stallAlone(
    activity: string,
    failure: { code: string; message: string },
    since: string,
  ): Promise<void> {
    const message = failure.message.slice(0, 500);
    this.state.flagAttention({ activity, code: failure.code, message, since });
    await this.announceAttention({ kind: 'stalled', activity, code: failure.code, message });
    await condition(() => this.state.retryRequested);
    this.retriesTaken += 1;
    const request = this.state.clearAttention();
    await this.announceAttention({
      kind: 'unstalled',
      activity,
      handlerId: request?.handlerId ?? 'unknown',
      ...(request?.handlerName ? { handlerName: request.handlerName } : {}),
      note: request?.note ?? '',
    });
  }

  /** Told without the stall guard: an announcement that itself fails on bad data must not wait on itself. */
  private async announceAttention(
    milestone: Extract<MilestoneOfCase, { kind: 'stalled' | 'unstalled' }>,
  ): Promise<void> {
    try {
      await caseActivities.announce(this.milestoneOf(milestone));
    } catch (error) {
      if (!badDataOf(error)) throw error;
    }
  }

  /** A new id for something of this case: uuid4 and the workflow's clock are the same when a history is replayed. */
  private newId(): string {
    return this.startedUnderV8 ? timeOrderedUuidOf(Date.now(), uuid4()) : uuid4();
  }

  private announce(milestone: MilestoneOfCase): Promise<void> {
    const announcing =
      this.startedUnderV8 || patched(ANNOUNCES_AS_LOCAL_ACTIVITIES) ? this.localCases : this.cases;
    return announcing.announce(this.milestoneOf(milestone));
  }

  /** The milestone as announced: this case's, with an id of its own. */
  private milestoneOf(milestone: MilestoneOfCase): CaseMilestone {
    return {
      ...this.caseRef,
      milestoneId: this.milestoneIdOf(milestone),
      at: new Date().toISOString(),
      ...milestone,
    } as CaseMilestone;
  }

  /**
   * A milestone's id, made alike when the workflow task that announces it is run again. The announcement is a local
   * activity inside the task: a worker killed -9 before the task is recorded has announced it already, and the worker
   * that runs the task again announces it once more, with the task's clock moved on (`npm run chaos` caught a case
   * announced as accepted twice, ten seconds apart). So the id takes its time from the case's start event, which
   * every task sees alike (a run's own start is its first task's, which a killed worker may not have recorded), and
   * its other digits from the run's next random bits digested with the milestone itself: should the task run again
   * take another path, a milestone gets a new id (announced twice) rather than another milestone's (never announced).
   * Unlike the case's other ids, these do not begin with the time they were made.
   */
  private milestoneIdOf(milestone: MilestoneOfCase): string {
    if (!this.startedUnderV8) return uuid4();
    return timeOrderedUuidOf(
      workflowInfo().startTime.getTime(),
      digestHex(`${uuid4()}|${JSON.stringify(milestone)}`),
    );
  }
}

/** Omit over each member of a union, keeping it a union (plain Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A milestone as the walk tells it: what is the case's own (its id, place, time) is added by milestoneOf. */
type MilestoneOfCase = DistributiveOmit<
  CaseMilestone,
  'caseId' | 'county' | 'town' | 'correlationId' | 'milestoneId' | 'at'
>;

/** 邮寄送达: the carrier and tracking number the 送达 record gives (nothing for any other way of delivering). */
function postedWith(
  record: DeliveryRecord | undefined,
): { carrier: string; trackingNumber: string } | undefined {
  return record?.method === 'express' && record.carrier && record.trackingNumber
    ? { carrier: record.carrier, trackingNumber: record.trackingNumber }
    : undefined;
}
