import { isInformationService } from '../catalogue/information-service';
import type { CatalogueRow } from '../catalogue/annex-table';
import { isAdministrativePower } from '../catalogue/matter-type';
import type { ApplicationForm } from '../forms/application-form';
import type { GuideContent } from './guide-content';

/**
 * Where a guide value comes from: the source documents, the county's default awaiting confirmation, a public
 * legal text or published guide (cited in the guide's content), or the county's administration bureau, which
 * confirmed it by publishing a version.
 */
export type GuideValueSource = 'source-document' | 'county-default' | 'administrator' | 'public-source';

export interface GuideMaterial {
  name: string;
  issuer: string;
  originals: number;
  copies: number;
  required: boolean;
}

/** 办事指南: the GB/T 39046 fields OneSeal needs for a matter. */
export interface MatterGuide {
  /** 设定依据; null until the responsible bureau confirms it (never invented). */
  legalBasis: string | null;
  /** 办件类型: 1 即办件, 2 承诺件. */
  caseKind: '即办件' | '承诺件';
  /** 法定办结时限 in working days; null for public services without one. */
  statutoryLimitWorkingDays: number | null;
  /** 承诺办结时限 in working days (0 for 即办件); never more than the statutory limit. */
  committedLimitWorkingDays: number;
  materials: GuideMaterial[];
  fee: string;
  /** 网办深度, a configurable level (0 none … 4 fully online). */
  onlineDepth: number;
  /** 到办事现场次数. */
  onSiteVisits: number;
  appointment: boolean;
  expressDelivery: boolean;
  /** 申请表: what the applicant fills in; absent in versions published before guides carried forms (nothing asked). */
  form?: ApplicationForm;
  /** What public sources say beyond these fields (conditions, process…), each part with its sources. */
  content?: GuideContent;
  /** Which fields still carry the county default. */
  sources: Record<
    'legalBasis' | 'timeLimits' | 'caseKind' | 'materials' | 'fee' | 'online',
    GuideValueSource
  > & { form?: GuideValueSource };
}

/** The county's defaults for what the documents leave open. */
export type CountyGuideDefaults = Pick<
  MatterGuide,
  'materials' | 'fee' | 'onlineDepth' | 'onSiteVisits' | 'appointment' | 'expressDelivery'
> & {
  committedLimitWorkingDays: number;
  statutoryLimitWorkingDays: number;
};

/** The guide of a matter the documents say nothing more about: the county's defaults, each marked as such. */
export function defaultGuide(
  matter: CatalogueRow,
  defaults: CountyGuideDefaults,
  form?: ApplicationForm,
): MatterGuide {
  // An information service is answered on the spot; anything else waits for its guide's confirmation.
  const onTheSpot = isInformationService(matter.name);
  const statutory = isAdministrativePower(matter.type) ? defaults.statutoryLimitWorkingDays : null;
  const committed = onTheSpot
    ? 0
    : Math.min(defaults.committedLimitWorkingDays, statutory ?? Number.POSITIVE_INFINITY);
  return {
    legalBasis: null,
    caseKind: onTheSpot ? '即办件' : '承诺件',
    statutoryLimitWorkingDays: statutory,
    committedLimitWorkingDays: committed,
    materials: defaults.materials.map((material) => ({ ...material })),
    fee: defaults.fee,
    onlineDepth: defaults.onlineDepth,
    onSiteVisits: defaults.onSiteVisits,
    appointment: defaults.appointment,
    expressDelivery: defaults.expressDelivery,
    ...(form ? { form } : {}),
    sources: {
      legalBasis: 'county-default',
      timeLimits: 'county-default',
      caseKind: 'county-default',
      materials: 'county-default',
      fee: 'county-default',
      online: 'county-default',
      ...(form ? { form: 'county-default' as const } : {}),
    },
  };
}
