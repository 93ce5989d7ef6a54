import { CreateApplications1763800000000 } from './1763800000000-CreateApplications';
import { CreateCatalogue1763800000500 } from './1763800000500-CreateCatalogue';
import { AddMatterSnapshotToApplications1763800000700 } from './1763800000700-AddMatterSnapshotToApplications';
import { RecordApplicantMaterialsAndReceipt1763801000000 } from './1763801000000-RecordApplicantMaterialsAndReceipt';
import { RecordWhoFiled1763804000000 } from './1763804000000-RecordWhoFiled';
import { GiveApplicantsAQueryCode1764600000000 } from './1764600000000-GiveApplicantsAQueryCode';
import { RecordWhoPublishedGuides1764600000100 } from './1764600000100-RecordWhoPublishedGuides';
import { KeepTownDelegations1764600000200 } from './1764600000200-KeepTownDelegations';
import { KeepFormDataAndAuthorisation1764900000000 } from './1764900000000-KeepFormDataAndAuthorisation';
import { KeepAttachments1764900000100 } from './1764900000100-KeepAttachments';
import { ImportCatalogues1765200000000 } from './1765200000000-ImportCatalogues';

import { ReviewRouteRules1765300000200 } from './1765300000200-ReviewRouteRules';
import { CountiesKeepTheirBureaus1765300000300 } from './1765300000300-CountiesKeepTheirBureaus';
import { EncryptApplicantIdentity1765400000300 } from './1765400000300-EncryptApplicantIdentity';
import { IndexApplicationsInClear1765400000400 } from './1765400000400-IndexApplicationsInClear';
import { PublishServiceCenters1765600000500 } from './1765600000500-PublishServiceCenters';
import { KeepOnlineFilers1765700000000 } from './1765700000000-KeepOnlineFilers';
import { OpenTheServiceHall1765700000100 } from './1765700000100-OpenTheServiceHall';
import { KeepHomeVisits1765700000200 } from './1765700000200-KeepHomeVisits';
import { ExchangeWithTheProvince1765800000000 } from './1765800000000-ExchangeWithTheProvince';
import { SetAsideStuckApplications1765800000100 } from './1765800000100-SetAsideStuckApplications';
import { RememberReinstatements1765800000200 } from './1765800000200-RememberReinstatements';
import { TimeStuckApplications1765900000100 } from './1765900000100-TimeStuckApplications';
import { IndexMessagingByAge1766200000000 } from './1766200000000-IndexMessagingByAge';
/** In the order they run. */
export const INTAKE_MIGRATIONS = [
  CreateApplications1763800000000,
  CreateCatalogue1763800000500,
  AddMatterSnapshotToApplications1763800000700,
  RecordApplicantMaterialsAndReceipt1763801000000,
  RecordWhoFiled1763804000000,
  GiveApplicantsAQueryCode1764600000000,
  RecordWhoPublishedGuides1764600000100,
  KeepTownDelegations1764600000200,
  KeepFormDataAndAuthorisation1764900000000,
  KeepAttachments1764900000100,
  ImportCatalogues1765200000000,
  ReviewRouteRules1765300000200,
  CountiesKeepTheirBureaus1765300000300,
  EncryptApplicantIdentity1765400000300,
  IndexApplicationsInClear1765400000400,
  PublishServiceCenters1765600000500,
  KeepOnlineFilers1765700000000,
  OpenTheServiceHall1765700000100,
  KeepHomeVisits1765700000200,
  ExchangeWithTheProvince1765800000000,
  SetAsideStuckApplications1765800000100,
  RememberReinstatements1765800000200,
  TimeStuckApplications1765900000100,
  IndexMessagingByAge1766200000000,
];
