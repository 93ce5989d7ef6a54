import { statSync } from 'node:fs';
import { DocumentFolderToolEnv, runDocumentFolderTool } from './document-folder-tool';
import { checkDocumentFolder, type DocumentNamed } from './stamps/document-folder-check';
import { PdfsInFolder } from './stamps/document-pdfs';

/**
 * node services/seal/dist/check-pdfs-cli.js — checks the document folder (SEAL_DOCUMENT_FOLDER) against seal's
 * documents: every document kept there has its file, unchanged; files no document names are listed. Reads only, so it
 * runs beside the service, after a restore of the database or the folder, or on a schedule. Exits with 1 when a
 * document's file is missing or changed.
 */
runDocumentFolderTool('check-pdfs', DocumentFolderToolEnv, async (env, query) => {
  if (!statSync(env.SEAL_DOCUMENT_FOLDER).isDirectory())
    throw new Error(`SEAL_DOCUMENT_FOLDER ${env.SEAL_DOCUMENT_FOLDER} is not a folder`);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const named = (document: DocumentNamed) => {
    const name = document.number ? `${document.number} ${document.title}` : document.title;
    const ofCase = document.caseId ? `, case ${document.caseId}` : '';
    return `  ${name} (document ${document.id}${ofCase})`;
  };
  const listed = (finding: { count: number; first: unknown[] }) =>
    finding.count > finding.first.length ? `, the first ${finding.first.length}` : '';
  const found = await checkDocumentFolder(query, new PdfsInFolder(env.SEAL_DOCUMENT_FOLDER), {
    progress: (checked) => process.stdout.isTTY && process.stdout.write(`checked ${checked}\r`),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  out(
    `${found.intact} documents in ${env.SEAL_DOCUMENT_FOLDER} intact, ${found.inRows} kept in their rows; ` +
      `${found.missing.count} missing, ${found.changed.count} changed, ${found.unreadable.count} unreadable`,
  );
  if (found.missing.count > 0) {
    out(`missing (no file; restore the folder from its backup)${listed(found.missing)}:`);
    found.missing.first.forEach((document) => out(named(document)));
  }
  if (found.changed.count > 0) {
    out(`changed on disk (not the PDF stamped; restore it from the backup)${listed(found.changed)}:`);
    found.changed.first.forEach((document) => out(named(document)));
  }
  if (found.unreadable.count > 0) {
    out(`could not be read (permissions or the disk)${listed(found.unreadable)}:`);
    found.unreadable.first.forEach((document) => out(`${named(document)}: ${document.error}`));
  }
  if (found.unnamed.count > 0) {
    out(
      `${found.unnamed.count} files no document names (written for a row that never committed — a crash, or a row ` +
        'the database refused — or documents a restored database no longer has; kept):',
    );
    found.unnamed.first.forEach((sm3) => out(`  ${sm3}`));
  }
  if (found.temporaries > 0)
    out(`${found.temporaries} temporary files of writes a crash cut short (*.tmp; safe to remove)`);
  if (found.missing.count + found.changed.count + found.unreadable.count > 0) process.exitCode = 1;
});
