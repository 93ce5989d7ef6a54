import { resolve } from 'node:path';
import { prepareTemplateDatabase } from './test-databases';

/** Jest globalSetup of the integration tier: one migrated template database per run. */
export default async function integrationGlobalSetup(): Promise<void> {
  await prepareTemplateDatabase(resolve(__dirname, '../../..'));
}
