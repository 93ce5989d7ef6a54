import { resolve } from 'node:path';
import { newTestRunTag } from './kafka-probe';
import { prepareTemplateDatabase } from './test-databases';

/** Jest globalSetup of the integration tier: one migrated template database per run, and the run's tag. */
export default async function integrationGlobalSetup(): Promise<void> {
  // The run's tag, in every Kafka topic and group its suites make (their workers inherit it): see test-leftovers.ts.
  process.env.ONESEAL_TEST_RUN = newTestRunTag();
  await prepareTemplateDatabase(resolve(__dirname, '../../..'));
}
