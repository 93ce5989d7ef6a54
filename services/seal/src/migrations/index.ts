import { CreateSealMessaging1763800000400 } from './1763800000400-CreateSealMessaging';
import { CreateSealRegistryStampsAndLedger1763802000400 } from './1763802000400-CreateSealRegistryStampsAndLedger';
import { NameTheCaseAndPersonInTheLedger1764900000400 } from './1764900000400-NameTheCaseAndPersonInTheLedger';
import { IssueDocumentsPerOrgan1765000000400 } from './1765000000400-IssueDocumentsPerOrgan';
import { KeepOrganSettingChanges1765100000400 } from './1765100000400-KeepOrganSettingChanges';
import { RateLimitPublicRoutes1765300000500 } from './1765300000500-RateLimitPublicRoutes';
import { KeepDocumentEssentials1765300000700 } from './1765300000700-KeepDocumentEssentials';
import { IssueCountyNotices1765900000400 } from './1765900000400-IssueCountyNotices';
import { ReserveDocumentNumbers1766100000400 } from './1766100000400-ReserveDocumentNumbers';
import { IndexMessagingByAge1766200000000 } from './1766200000000-IndexMessagingByAge';
import { CompressDocumentsWithLz41766300000400 } from './1766300000400-CompressDocumentsWithLz4';
import { AllowDocumentPdfsInAFolder1766400000400 } from './1766400000400-AllowDocumentPdfsInAFolder';

/** In the order they run. */
export const SEAL_MIGRATIONS = [
  CreateSealMessaging1763800000400,
  CreateSealRegistryStampsAndLedger1763802000400,
  NameTheCaseAndPersonInTheLedger1764900000400,
  IssueDocumentsPerOrgan1765000000400,
  KeepOrganSettingChanges1765100000400,
  RateLimitPublicRoutes1765300000500,
  KeepDocumentEssentials1765300000700,
  IssueCountyNotices1765900000400,
  ReserveDocumentNumbers1766100000400,
  IndexMessagingByAge1766200000000,
  CompressDocumentsWithLz41766300000400,
  AllowDocumentPdfsInAFolder1766400000400,
];
