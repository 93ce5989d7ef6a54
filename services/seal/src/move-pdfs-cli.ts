import { IsOptional, Matches } from 'class-validator';
import { folderMustBeMounted, IsDocumentFolderMounted } from './config/document-folder-env';
import { DocumentFolderToolEnv, runDocumentFolderTool } from './document-folder-tool';
import { documentFolder } from './stamps/document-pdfs';
import { movePdfsToFolder } from './stamps/move-pdfs-to-folder';

/**
 * node services/seal/dist/move-pdfs-cli.js — moves the stamped PDFs stored in seal.documents' rows into the
 * document folder (SEAL_DOCUMENT_FOLDER), for an installation that ran before it had one. Run it after the seal
 * service has been given the folder; it can run beside the service, and again after a stop.
 */
class MovePdfsEnv extends DocumentFolderToolEnv {
  /** As the service takes it: `yes` in a container, where the folder must be a volume mounted there. */
  @IsDocumentFolderMounted()
  SEAL_DOCUMENT_FOLDER_MOUNTED?: 'yes' | 'no';

  @IsOptional()
  @Matches(/^[1-9]\d{0,3}$/, { message: 'MOVE_BATCH must be a number of rows, 1 to 9999' })
  MOVE_BATCH?: string;
}

runDocumentFolderTool('move-pdfs', MovePdfsEnv, async (env, query) => {
  const pdfs = documentFolder(env.SEAL_DOCUMENT_FOLDER, folderMustBeMounted(env));
  const result = await movePdfsToFolder(query, pdfs, {
    batch: env.MOVE_BATCH ? Number(env.MOVE_BATCH) : undefined,
    progress: (moved) => process.stdout.write(`moved ${moved}\r`),
  });
  process.stdout.write(`moved ${result.moved} PDFs into ${env.SEAL_DOCUMENT_FOLDER}\n`);
  if (result.mismatched.length > 0)
    process.stdout.write(
      `left ${result.mismatched.length} in their rows: their bytes do not match their SM3 digest (${result.mismatched.slice(0, 10).join(', ')})\n`,
    );
  process.stdout.write(
    'the rows give their space back to PostgreSQL as it vacuums them; VACUUM (FULL) seal.documents returns it to the disk\n',
  );
});
