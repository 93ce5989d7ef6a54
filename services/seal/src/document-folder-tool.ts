import { Matches } from 'class-validator';

/** What the document folder's command-line tools are given: the seal's database and its document folder. */
export class DocumentFolderToolEnv {
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL!: string;

  @Matches(/^\/./, { message: 'SEAL_DOCUMENT_FOLDER must be an absolute path' })
  SEAL_DOCUMENT_FOLDER!: string;
}
