#!/usr/bin/env node
// Adds up the jest JSON results of every tier into one closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const tiers = ['unit', 'integration', 'e2e', 'fuzz'];
let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\nTest summary');
for (const tier of tiers) {
  const file = join(dir, `${tier}.json`);
  if (!existsSync(file)) {
    console.log(`  ${tier.padEnd(12)} not run`);
    continue;
  }
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  skipped += result.numPendingTests + result.numTodoTests;
  console.log(
    `  ${tier.padEnd(12)} ${result.numPassedTests} passed, ${result.numFailedTests} failed in ${result.numTotalTestSuites} suites`,
  );
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
