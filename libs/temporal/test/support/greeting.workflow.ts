import { proxyActivities } from '@temporalio/workflow';

/** A workflow of one activity, for the connection's tests: started, it runs on the worker that polls its queue. */
export async function greetingWorkflow(name: string): Promise<string> {
  const { greet } = proxyActivities<{ greet(name: string): Promise<string> }>({
    startToCloseTimeout: '10 seconds',
  });
  return greet(name);
}
