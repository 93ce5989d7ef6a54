import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { taskScopesOf, type AuthUser } from '@oneseal/auth';
import type { CaseResult } from '@oneseal/contracts';
import { chinaDate, resultWording, villageStation } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { currentCalendar } from '../calendar/calendar-years';
import { workingDaysLeft } from '../calendar/working-days-left';
import { CASE_POLICY, type CasePolicy } from '../cases/case-routing.service';
import { CLOCK_STOPPED } from '../supervision/overdue-at-end';
import { openThenEndedPage } from './open-then-ended-page';
import { countCasesUpTo, LIST_COUNTED_AT_MOST, planCaseList } from './typed-search';
import { whatWasTyped, type SearchPlace } from './what-was-typed';
import type { CaseSearchQuery } from './dto/case-search.query';
import { CaseError, CaseErrorCode } from '../case-commands/case.errors';

/** A case as a list shows it to staff: never an id fragment, always what a clerk reads. */
export interface FoundCase {
  caseId: string;
  receiptNumber: string | null;
  applicantName: string | null;
  /** The last four of the applicant's ID number, for telling two people of one name apart. */
  applicantIdTail: string | null;
  matterCode: string;
  matterName: string | null;
  town: string;
  villageCode: string | null;
  stage: string;
  currentStep: string | null;
  currentUnit: string | null;
  /** Until when: the open step's own deadline, else the case's committed date. */
  dueDate: string | null;
  dueDateProvisional: boolean;
  /** Working days from today to the due date; negative when past it. */
  workingDaysLeft: number | null;
  warning: string | null;
  result: string | null;
  /** The result in the words of the matter's type (准予给付, 不予受理 …). */
  resultText: string | null;
  routedAt: Date;
}

export interface FoundCases {
  total: number;
  /** More cases match than `total`: counting stopped there (MATCHES_COUNTED_AT_MOST typed, else LIST_COUNTED_AT_MOST). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  items: FoundCase[];
}

/** Where a person may look for cases, as one SQL condition over routing.routed_cases. */
function scopeCondition(user: AuthUser, values: unknown[]): string {
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions = taskScopesOf(user).map((scope) => {
    const county = `county = ${add(scope.county)}`;
    switch (scope.kind) {
      case 'county-read-only':
        return `(${county})`;
      case 'town':
        return `(${county} AND town = ${add(scope.town)})`;
      case 'village':
        // The station's own cases are those whose route goes through it (帮办代办), as the case access rule reads
        // them; a window filing that merely names the applicant's village is not the station's.
        return `(${county} AND route->'steps' @> ${add(
          JSON.stringify([{ level: 'village', unitCode: villageStation(scope.village) }]),
        )}::jsonb)`;
      case 'county-unit':
        return `(${county} AND ${add(scope.unitCode)} = ANY(reached_units))`;
    }
  });
  return conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE';
}

/**
 * The one county and town a search is confined to, when it is: by the town asked for, or by a scope that reaches one
 * town only. It narrows what the name index reads; the scope condition still decides what may be seen.
 */
function searchPlace(user: AuthUser, town: string | undefined): SearchPlace {
  const scopes = taskScopesOf(user);
  const counties = new Set(scopes.map((scope) => scope.county));
  const towns = new Set(scopes.map((scope) => (scope.kind === 'town' ? scope.town : undefined)));
  const [onlyTown] = towns.size === 1 ? [...towns] : [];
  return { county: counties.size === 1 ? [...counties][0] : undefined, town: town ?? onlyTown };
}

const CLOCK_STOPPED_STAGE_SET: ReadonlySet<string> = new Set(CLOCK_STOPPED);

/** A case still being handled: not concluded, not refused at 受理. */
const OPEN = `(concluded_at IS NULL AND stage <> 'refused')`;

@Injectable()
export class CaseSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_POLICY) private readonly policy: CasePolicy,
  ) {}

  async search(user: AuthUser, query: CaseSearchQuery): Promise<FoundCases> {
    // Both are YYYY-MM-DD (the query's validation): their order as text is their order as days.
    if (query.from && query.to && query.from > query.to) throw new CaseError(CaseErrorCode.DATES_REVERSED);
    const values: unknown[] = [];
    const add = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const filters = [scopeCondition(user, values)];
    if (query.stage) filters.push(`stage = ${add(query.stage)}`);
    if (query.open) filters.push(OPEN);
    if (query.warning) filters.push(`warning = ${add(query.warning)}`);
    if (query.matterCode) filters.push(`matter_code = ${add(query.matterCode)}`);
    if (query.town) filters.push(`town = ${add(query.town)}`);
    // The days as instants (Beijing midnights), so the town's cases filed then are read through their own index
    // instead of every case of the stage being read and its day worked out (0.4 s for a day at a million).
    if (query.from)
      filters.push(`routed_at >= (${add(query.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (query.to)
      filters.push(`routed_at < (${add(query.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    const { where, openWhere, endedOrder, total, totalCapped } = await planCaseList(
      this.dataSource,
      filters,
      values,
      query.q
        ? (use, into) =>
            whatWasTyped(
              query.q as string,
              this.policy.applicantLookupKey,
              into,
              searchPlace(user, query.town),
              use,
            )
        : undefined,
      (all) => countCasesUpTo(this.dataSource, all, values, LIST_COUNTED_AT_MOST),
    );
    // Open cases first, the nearest date (the step's, else the committed one) first; then ended ones, latest first.
    const rows = await openThenEndedPage<
      Omit<FoundCase, 'workingDaysLeft' | 'resultText'> & {
        concluded: boolean;
        matterTypeCode: string | null;
      }
    >(
      this.dataSource,
      {
        columns: `case_id AS "caseId", receipt_number AS "receiptNumber", applicant_name AS "applicantName",
              right(applicant_id_tail, 4) AS "applicantIdTail", matter_code AS "matterCode",
              matter_name AS "matterName", town, village_code AS "villageCode", stage,
              -- An ended case waits at no step any more, whatever step it ended during.
              CASE WHEN ${OPEN} THEN current_step END AS "currentStep",
              CASE WHEN ${OPEN} THEN current_unit END AS "currentUnit",
              CASE WHEN ${OPEN} THEN coalesce(current_step_due_date, committed_due_date)::text END AS "dueDate",
              due_date_provisional AS "dueDateProvisional", warning, result, routed_at AS "routedAt",
              NOT (${OPEN}) AS concluded, matter_type_code AS "matterTypeCode"`,
        where,
        openWhere,
        endedOrder,
        values,
        openOrder: [
          { expression: 'coalesce(current_step_due_date, committed_due_date)' },
          { expression: 'routed_at', descending: true },
        ],
      },
      query,
    );
    // A person works in one county: its own working days count in the days left.
    const calendar = await currentCalendar(this.dataSource, user.county);
    const today = chinaDate(new Date());
    // While a 补正 is awaited or a special procedure runs the clock stands still: no days are counted down.
    const counting = (row: { stage: string; dueDate: string | null }, concluded: boolean) =>
      row.dueDate !== null && !concluded && !CLOCK_STOPPED_STAGE_SET.has(row.stage);
    const items = rows.map(({ concluded, matterTypeCode, ...row }) => ({
      ...row,
      resultText: row.result ? resultWording(matterTypeCode, row.result as CaseResult) : null,
      workingDaysLeft: counting(row, concluded) ? workingDaysLeft(calendar, today, row.dueDate ?? '') : null,
    }));
    return { total, totalCapped, page: query.page, pageSize: query.pageSize, items };
  }
}
