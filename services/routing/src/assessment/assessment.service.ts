import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import {
  chinaDate,
  DEFAULT_ASSESSMENT_SCHEME,
  rankTowns,
  schemeProblems,
  type SeededPlaceNames,
  type TownScore,
  type WeightedIndicator,
} from '@oneseal/domain';
import { DataSource } from 'typeorm';
import type { NoticeText } from '@oneseal/contracts';
import { PLACE_NAMES } from '../places/place-names';
import { composeAssessmentBulletin } from './assessment-bulletin';
import { AssessmentError, AssessmentErrorCode } from './assessment.errors';
import { assessmentPeriod, type AssessmentPeriod, type AssessmentPeriodKind } from './assessment-period';
import { QUIET_TOWN, townFigures } from './town-figures';

export interface AssessmentScheme {
  county: string;
  /** 0 for the default scheme no one has set yet. */
  version: number;
  indicators: WeightedIndicator[];
  reason: string | null;
  setByName: string | null;
  setAt: Date | null;
}

export interface AssessmentRanking {
  county: string;
  countyName: string;
  period: AssessmentPeriod;
  scheme: AssessmentScheme;
  towns: (TownScore & { townName: string })[];
  /** The 通报 this ranking makes, as it would be issued. */
  bulletin: NoticeText;
}

/**
 * 考核: the county keeps its scheme (indicators and weights, versioned: a ranking names the one it used), and every
 * town of the county is scored and ranked on it for a month, a quarter or a year — towns without a case included.
 */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLACE_NAMES) private readonly places: SeededPlaceNames,
  ) {}

  /** The scheme in force now, or at the end of the given day (a past period is scored as its scheme then stood). */
  async scheme(viewer: AuthUser, county: string, asOfDay?: string): Promise<AssessmentScheme> {
    assertReachesPlace(viewer, { county });
    const [row] = (await this.dataSource.query(
      `SELECT county, version, indicators, reason, set_by_name AS "setByName", set_at AS "setAt"
         FROM routing.assessment_schemes
        WHERE county = $1 AND ($2::date IS NULL OR set_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY version DESC LIMIT 1`,
      [county, asOfDay ?? null],
    )) as AssessmentScheme[];
    return (
      row ?? {
        county,
        version: 0,
        indicators: DEFAULT_ASSESSMENT_SCHEME,
        reason: null,
        setByName: null,
        setAt: null,
      }
    );
  }

  async setScheme(
    admin: AuthUser,
    county: string,
    change: { indicators: WeightedIndicator[]; reason: string; expectedVersion: number },
    now: Date = new Date(),
  ): Promise<AssessmentScheme> {
    assertReachesPlace(admin, { county });
    const problems = schemeProblems(change.indicators);
    if (problems.length) throw new AssessmentError(AssessmentErrorCode.SCHEME_INVALID, { problems });
    const current = await this.scheme(admin, county);
    if (current.version !== change.expectedVersion)
      throw new AssessmentError(AssessmentErrorCode.SCHEME_CHANGED);
    const indicators = change.indicators.map(({ indicator, weight, perCase }) => ({
      indicator,
      weight,
      ...(perCase !== undefined ? { perCase } : {}),
    }));
    // The primary key turns a concurrent change on the same version into a conflict, never a lost update.
    const inserted = (await this.dataSource.query(
      `INSERT INTO routing.assessment_schemes (county, version, indicators, reason, set_by, set_by_name, set_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING version`,
      [county, current.version + 1, JSON.stringify(indicators), change.reason, admin.id, admin.name, now],
    )) as unknown[];
    if (!inserted.length) throw new AssessmentError(AssessmentErrorCode.SCHEME_CHANGED);
    return this.scheme(admin, county);
  }

  async ranking(
    viewer: AuthUser,
    county: string,
    kind: AssessmentPeriodKind,
    of: string,
    now: Date = new Date(),
  ): Promise<AssessmentRanking> {
    assertReachesPlace(viewer, { county });
    const period = assessmentPeriod(kind, of, chinaDate(now));
    if (!period) throw new AssessmentError(AssessmentErrorCode.PERIOD_INVALID);
    const scheme = await this.scheme(viewer, county, period.to);
    const figures = await townFigures(this.dataSource, county, period.from, period.to, now);
    const towns = rankTowns(
      this.places.townsOf(county).map((town) => ({ town, figures: figures.get(town) ?? QUIET_TOWN })),
      scheme.indicators,
    );
    const named = {
      countyName: this.places.county(county),
      period,
      scheme,
      towns: towns.map((town) => ({ ...town, townName: this.places.town(town.town) })),
    };
    return { county, ...named, bulletin: composeAssessmentBulletin(named) };
  }
}
