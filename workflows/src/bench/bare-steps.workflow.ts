import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';

/** Two no-op activities per step, as a case step opens and closes its task through the approval service. */
export interface BareStepActivities {
  openStep(step: number): Promise<void>;
  closeStep(step: number): Promise<void>;
}

/** A person's decision on step n (signals keep the order they were sent in). */
export const bareDecideSignal = defineSignal<[number]>('bareDecide');

const { openStep, closeStep } = proxyActivities<BareStepActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The benchmark's ceiling: a workflow with the same shape as a case (per step: an activity, a decision from a
 * person, an activity) and nothing else, so `npm run bench` shows what Temporal alone allows on this machine.
 */
export async function bareStepsWorkflow(steps: number): Promise<number> {
  let decided = -1;
  setHandler(bareDecideSignal, (step) => {
    if (step === decided + 1) decided = step;
  });
  for (let step = 0; step < steps; step += 1) {
    await openStep(step);
    // The client sends every decision at once; they may all arrive before the first step has opened.
    await condition(() => decided >= step);
    await closeStep(step);
  }
  return steps;
}
