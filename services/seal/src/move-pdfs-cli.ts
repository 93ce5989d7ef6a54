import 'reflect-metadata';
import { validateEnv } from '@oneseal/service-kit';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Client } from 'pg';
import { DocumentFolderToolEnv } from './document-folder-tool-env';
import { documentFolder } from './stamps/document-pdfs';
import { movePdfsToFolder } from './stamps/move-pdfs-to-folder';

/**
 * node services/seal/dist/move-pdfs-cli.js — moves the stamped PDFs stored in seal.documents' rows into the
 * document folder (SEAL_DOCUMENT_FOLDER), for an installation that ran before it had one. Run it after the seal
 * service has been given the folder; it can run beside the service, and again after a stop.
 */
class MovePdfsEnv extends DocumentFolderToolEnv {
  /** As the service takes it: `yes` in a container, where the folder must be a volume mounted there. */
  @IsOptional()
  @IsIn(['yes', 'no'], { message: 'SEAL_DOCUMENT_FOLDER_MOUNTED must be yes or no' })
  SEAL_DOCUMENT_FOLDER_MOUNTED?: 'yes' | 'no';

  @IsOptional()
  @Matches(/^[1-9]\d{0,3}$/, { message: 'MOVE_BATCH must be a number of rows, 1 to 9999' })
  MOVE_BATCH?: string;
}

async function main(): Promise<void> {
  const env = validateEnv('seal move-pdfs', MovePdfsEnv, process.env);
  const pdfs = documentFolder(env.SEAL_DOCUMENT_FOLDER, env.SEAL_DOCUMENT_FOLDER_MOUNTED === 'yes');
  const db = new Client({ connectionString: env.DATABASE_URL, application_name: 'oneseal-seal-move-pdfs' });
  await db.connect();
  try {
    const result = await movePdfsToFolder((sql, values) => db.query(sql, values), pdfs, {
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
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
