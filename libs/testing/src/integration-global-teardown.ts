import { testKafka, testRunTag } from './kafka-probe';
import { removeKafkaTestLeftovers } from './test-leftovers';

/** Jest globalTeardown of the integration tier: the broker is left as the run found it. */
export default async function integrationGlobalTeardown(): Promise<void> {
  // Tidying is not a test: a broker that went away leaves the leftovers to the next run, without failing this one.
  const note = await removeKafkaTestLeftovers(testKafka(), testRunTag()).then(
    ({ topics, groups }) => `removed ${topics} test topics and ${groups} idle test consumer groups`,
    (error: unknown) => `test topics left for the next run (${String(error)})`,
  );
  process.stdout.write(`\nKafka: ${note}\n`);
}
