import type { Deadline } from '@oneseal/contracts/workflow';
import { endOfCstDay, startOfCstDay } from './case-time';
import type { CaseState } from './case-state';

/** A deadline warning still to raise: when, the key that makes it once-only, and what it says. */
export interface Alarm {
  at: number;
  key: string;
  warning: {
    scope: 'case' | 'step';
    severity: 'yellow' | 'red' | 'statutory';
    unitCode: string;
    stepName?: string;
    dueDate: string;
  };
}

function alarm(
  scope: Alarm['warning']['scope'],
  severity: Alarm['warning']['severity'],
  deadline: Deadline,
  unitCode: string,
  stepName?: string,
): Alarm {
  return {
    // Yellow on the morning of the last day; red (and statutory) once that day has passed.
    at: severity === 'yellow' ? startOfCstDay(deadline.dueDate) : endOfCstDay(deadline.dueDate),
    key: `${scope}:${severity}:${stepName ?? ''}:${deadline.dueDate}`,
    warning: { scope, severity, unitCode, stepName, dueDate: deadline.dueDate },
  };
}

/**
 * The warnings still to raise while the clock runs: for the open step's deadline, and, until the decision, for
 * the case's committed and statutory dates. Each is raised once per deadline (a recomputed deadline may warn again).
 */
export function pendingAlarms(state: CaseState): Alarm[] {
  if (!state.clockRunning) return [];
  const { status } = state;
  const alarms: Alarm[] = [];
  const current = status.currentStep;
  if (current?.taskId && current.deadline) {
    alarms.push(alarm('step', 'yellow', current.deadline, current.unitCode, current.kind));
    alarms.push(alarm('step', 'red', current.deadline, current.unitCode, current.kind));
  }
  if (status.committedDeadline && !state.decided) {
    const unitCode = current?.unitCode ?? state.steps[state.acceptIndex].unitCode;
    alarms.push(alarm('case', 'yellow', status.committedDeadline, unitCode));
    alarms.push(alarm('case', 'red', status.committedDeadline, unitCode));
    if (status.statutoryDeadline) alarms.push(alarm('case', 'statutory', status.statutoryDeadline, unitCode));
  }
  return alarms.filter((candidate) => !status.warningsRaised.includes(candidate.key));
}
