#!/usr/bin/env node
// Checks the local installation's document folder (.oneseal/documents) against seal's documents: every document kept
// there has its file, unchanged; files no document names are listed. Reads only; exits with 1 when a file is missing
// or changed:
//   npm run documents-check
// Elsewhere run the seal image's own command with the service's DATABASE_URL and SEAL_DOCUMENT_FOLDER:
//   node services/seal/dist/check-pdfs-cli.js
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { engineEnv, root, state } from '../local/local-system.mjs';

const run = spawnSync(process.execPath, [join(root, 'services/seal/dist/check-pdfs-cli.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: engineEnv().DATABASE_URL,
    SEAL_DOCUMENT_FOLDER: resolve(state, 'documents'),
  },
});
process.exit(run.status ?? 1);
