#!/usr/bin/env node
// The seal service's document-folder tools, run against the local installation of the profile that runs (its database,
// .oneseal/documents, or .oneseal/documents-cluster):
//   npm run documents-to-folder   moves the PDFs stored in seal.documents' rows (before `npm start` gave the seal
//                                 service its document folder, 2026-12-07) into the folder
//   npm run documents-check       checks the folder against the documents: each kept there has its file, unchanged;
//                                 files no document names are listed (reads only; exit status 1 on a missing,
//                                 changed or unreadable one)
// Elsewhere run the seal image's own commands with the service's DATABASE_URL and SEAL_DOCUMENT_FOLDER:
//   node services/seal/dist/move-pdfs-cli.js, node services/seal/dist/check-pdfs-cli.js
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { documentFolder, engineEnv, root } from '../local/local-system.mjs';

const TOOLS = { 'to-folder': 'move-pdfs-cli.js', check: 'check-pdfs-cli.js' };
const tool = TOOLS[process.argv[2]];
if (!tool) {
  process.stderr.write(`usage: seal-documents.mjs ${Object.keys(TOOLS).join('|')}\n`);
  process.exit(2);
}
const run = spawnSync(process.execPath, [join(root, 'services/seal/dist', tool)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: engineEnv().DATABASE_URL,
    SEAL_DOCUMENT_FOLDER: documentFolder,
  },
});
process.exit(run.status ?? 1);
