import type { CaseStatus, ServiceEvent } from '@oneseal/contracts';

/** The steps in which a person serves the applicant face to face: taking the application in, handing the result over. */
const STEPS_OF_EVENT: Record<Exclude<ServiceEvent, 'case'>, readonly string[]> = {
  acceptance: ['受理', '代办', '初审'],
  delivery: ['送达'],
};

/**
 * Who served the applicant in a service event, from the case's step records: the one who took the application in
 * (受理, or the village station's 代办 / 初审 — whatever came of it: accepted, a 补正 asked, refused) or handed the
 * result over (送达); for the whole case, who accepted it. The latest such record counts (a 补正 sends the case back
 * to 受理).
 */
export function servedBy(
  status: Pick<CaseStatus, 'history'>,
  event: ServiceEvent,
): { id: string; name: string | null } | undefined {
  const steps = STEPS_OF_EVENT[event === 'case' ? 'acceptance' : event];
  const record = [...status.history]
    .reverse()
    .find((step) => steps.includes(step.kind) && (event !== 'case' || step.outcome === 'approve'));
  return record ? { id: record.handlerId, name: record.handlerName ?? null } : undefined;
}
