#!/usr/bin/env node
// Moves the stamped PDFs a local installation stored in seal.documents' rows (before `npm start` gave the seal service
// its document folder, 2026-12-07) into that folder, .oneseal/documents:
//   npm run documents-to-folder
// Elsewhere run the seal image's own command with the service's DATABASE_URL and SEAL_DOCUMENT_FOLDER:
//   node services/seal/dist/move-pdfs-cli.js
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { engineEnv, root, state } from '../local/local-system.mjs';

execFileSync(process.execPath, [join(root, 'services/seal/dist/move-pdfs-cli.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: engineEnv().DATABASE_URL,
    SEAL_DOCUMENT_FOLDER: resolve(state, 'documents'),
  },
});
