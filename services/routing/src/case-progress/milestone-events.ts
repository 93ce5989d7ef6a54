import {
  caseAcceptedV1,
  caseConcludedV1,
  caseRefusedV1,
  caseResumedV1,
  caseStalledV1,
  caseUnstalledV1,
  caseSuspendedV1,
  correctionRequestedV1,
  correctionSuppliedV1,
  deadlineExtendedV1,
  deadlineRecalculatedV1,
  deadlineWarningV1,
  resultDeliveredV1,
  type CaseMilestone,
  type EventContract,
} from '@oneseal/contracts';
import { assertUnreachable } from '@oneseal/errors';

/** The event a milestone is announced as: its contract and payload, typed together. */
export interface MilestoneEvent<TPayload extends object = object> {
  contract: EventContract<TPayload>;
  payload: TPayload;
}

const event = <TPayload extends object>(
  contract: EventContract<TPayload>,
  payload: TPayload,
): MilestoneEvent => ({ contract, payload }) as MilestoneEvent;

/** Every milestone kind maps to exactly one event contract; a new kind fails to compile until it is mapped. */
export function milestoneEvent(milestone: CaseMilestone): MilestoneEvent {
  const { caseId, at } = milestone;
  switch (milestone.kind) {
    case 'accepted':
      return event(caseAcceptedV1, {
        caseId,
        receiptNumber: milestone.receiptNumber,
        matterCode: milestone.matterCode,
        matterVersion: milestone.matterVersion,
        acceptedAt: at,
        committedDueDate: milestone.committedDueDate,
        dueDateProvisional: milestone.provisional,
        ...(milestone.deemed ? { deemedAccepted: true } : {}),
      });
    case 'refused':
      return event(caseRefusedV1, {
        caseId,
        reason: milestone.reason,
        handlerId: milestone.handlerId,
        refusedAt: at,
      });
    case 'correction-requested':
      return event(correctionRequestedV1, {
        caseId,
        missingMaterials: milestone.missingMaterials,
        requestedAt: at,
        supplyBy: milestone.supplyBy,
      });
    case 'correction-supplied':
      return event(correctionSuppliedV1, {
        caseId,
        suppliedMaterials: milestone.suppliedMaterials,
        suppliedAt: at,
        committedDueDate: milestone.committedDueDate,
        dueDateProvisional: milestone.provisional,
      });
    case 'suspended':
      return event(caseSuspendedV1, {
        caseId,
        procedure: milestone.procedure,
        reason: milestone.reason,
        handlerId: milestone.handlerId,
        ...(milestone.expectedWorkingDays ? { expectedWorkingDays: milestone.expectedWorkingDays } : {}),
        suspendedAt: at,
      });
    case 'resumed':
      return event(caseResumedV1, {
        caseId,
        procedure: milestone.procedure,
        resumedAt: at,
        committedDueDate: milestone.committedDueDate,
        dueDateProvisional: milestone.provisional,
      });
    case 'extended':
      return event(deadlineExtendedV1, {
        caseId,
        extraWorkingDays: milestone.extraWorkingDays,
        reason: milestone.reason,
        approvedBy: milestone.approvedBy,
        extendedAt: at,
        committedDueDate: milestone.committedDueDate,
        dueDateProvisional: milestone.provisional,
      });
    case 'rescheduled':
      return event(deadlineRecalculatedV1, {
        caseId,
        change: milestone.change,
        recalculatedAt: at,
        dueDateProvisional: milestone.provisional,
        ...(milestone.previousDueDate ? { previousDueDate: milestone.previousDueDate } : {}),
        ...(milestone.committedDueDate ? { committedDueDate: milestone.committedDueDate } : {}),
        ...(milestone.previousStatutoryDueDate
          ? { previousStatutoryDueDate: milestone.previousStatutoryDueDate }
          : {}),
        ...(milestone.statutoryDueDate ? { statutoryDueDate: milestone.statutoryDueDate } : {}),
        ...(milestone.stepName ? { stepName: milestone.stepName } : {}),
        ...(milestone.stepDueDate ? { stepDueDate: milestone.stepDueDate } : {}),
      });
    case 'warning':
      return event(deadlineWarningV1, {
        caseId,
        scope: milestone.scope,
        stepName: milestone.stepName,
        severity: milestone.severity,
        unitCode: milestone.unitCode,
        dueDate: milestone.dueDate,
        raisedAt: at,
      });
    case 'concluded':
      return event(caseConcludedV1, {
        caseId,
        result: milestone.result,
        concludedAt: at,
        onTime: milestone.onTime,
      });
    case 'delivered':
      return event(resultDeliveredV1, {
        caseId,
        method: milestone.method,
        documentId: milestone.documentId,
        handlerId: milestone.handlerId,
        deliveredAt: at,
        // The workflow only names them for 邮寄送达; a record without both is not told.
        ...(milestone.method === 'express' && milestone.carrier && milestone.trackingNumber
          ? { carrier: milestone.carrier, trackingNumber: milestone.trackingNumber }
          : {}),
      });
    case 'stalled':
      return event(caseStalledV1, {
        caseId,
        activity: milestone.activity,
        code: milestone.code,
        message: milestone.message,
        stalledAt: at,
      });
    case 'unstalled':
      return event(caseUnstalledV1, {
        caseId,
        activity: milestone.activity,
        handlerId: milestone.handlerId,
        ...(milestone.handlerName ? { handlerName: milestone.handlerName } : {}),
        note: milestone.note,
        retriedAt: at,
      });
    default:
      return assertUnreachable(milestone);
  }
}
