import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { IsOptional, Matches, IsUrl } from 'class-validator';
import { IsPublicAddress, TemporalServiceEnv, validateEnv } from '@oneseal/service-kit';
import { IsDocumentFolder, IsDocumentFolderMounted } from './document-folder-env';

export class SealEnv extends TemporalServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;

  /**
   * Encrypts every private key at rest (AES-256-GCM): 32 random bytes as 64 hex characters, e.g. from
   * `openssl rand -hex 32`. Losing it makes every seal unusable; it never goes into git or the logs.
   */
  @Matches(/^[0-9a-fA-F]{64}$/, {
    message: 'SEAL_KEY_ENCRYPTION_KEY must be 64 hex characters (32 random bytes, e.g. openssl rand -hex 32)',
  })
  SEAL_KEY_ENCRYPTION_KEY!: string;

  /**
   * The public console's address: every document's QR code and printed link lead to its 文书核验 page
   * (<PUBLIC_BASE_URL>/#/verify/<验证码>), and are signed with the document, so a wrong one is wrong for good: there is
   * no default, and loopback is refused. Intake prints the same address on receipts.
   */
  @IsPublicAddress()
  PUBLIC_BASE_URL!: string;

  /**
   * Where stamped documents' PDFs are kept (an absolute path, shared by every replica of the service): each file
   * named by its SM3 digest, written and synced before its document's row commits. Unset: in the database, in each
   * document's row. Back it up with the database.
   */
  @IsOptional()
  @IsDocumentFolder()
  SEAL_DOCUMENT_FOLDER?: string;

  @IsDocumentFolderMounted()
  SEAL_DOCUMENT_FOLDER_MOUNTED?: 'yes' | 'no';

  /** The reference data (division names); defaults to the repository's seeds/ folder. */
  @IsOptional()
  ONESEAL_SEEDS_DIR?: string;
}

export const SEAL_SCHEMA = 'seal';

export function loadSealEnv(env: Record<string, string | undefined> = process.env): SealEnv {
  return validateEnv('seal', SealEnv, env);
}
