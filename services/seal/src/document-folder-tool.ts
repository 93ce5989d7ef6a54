import 'reflect-metadata';
import { DatabaseCommandEnv, validateEnv } from '@oneseal/service-kit';
import { Client } from 'pg';
import { IsDocumentFolder } from './config/document-folder-env';
import type { Query } from './stamps/move-pdfs-to-folder';

/** What the document folder's command-line tools are given: the seal's database and its document folder. */
export class DocumentFolderToolEnv extends DatabaseCommandEnv {
  @IsDocumentFolder()
  SEAL_DOCUMENT_FOLDER!: string;
}

/**
 * Runs a document folder tool: its environment checked (`<NAME>_FILE` secrets read), a connection to the seal's
 * database for the work, closed after it; a failure printed as a line and exit status 1.
 */
export function runDocumentFolderTool<TEnv extends DocumentFolderToolEnv>(
  name: string,
  envClass: new () => TEnv,
  work: (env: TEnv, query: Query) => Promise<void>,
): void {
  const run = async () => {
    const env = validateEnv(`seal ${name}`, envClass, process.env);
    const db = new Client({ connectionString: env.DATABASE_URL, application_name: `oneseal-seal-${name}` });
    await db.connect();
    try {
      await work(env, (sql, values) => db.query(sql, values));
    } finally {
      await db.end();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
