import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { accountabilityRecordedV1, personActor, type AccountabilityKind } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import type { SeededPlaceNames } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { PLACE_NAMES } from '../places/place-names';
import { AccountabilityError, AccountabilityErrorCode } from './accountability.errors';

export interface AccountabilityRecord {
  id: string;
  town: string;
  kind: AccountabilityKind;
  subject: string;
  reason: string;
  decision: string;
  caseNumbers: string[];
  recordedByName: string;
  recordedAt: Date;
}

const COLUMNS = `id, town, kind, subject, reason, decision, case_numbers AS "caseNumbers",
  recorded_by_name AS "recordedByName", recorded_at AS "recordedAt"`;

/** 约谈 and 问责: the county keeps, on the record, whom it talked to or held to account for slow or poor service. */
@Injectable()
export class AccountabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLACE_NAMES) private readonly places: SeededPlaceNames,
  ) {}

  async record(
    supervisor: AuthUser,
    entry: {
      town: string;
      kind: AccountabilityKind;
      subject: string;
      reason: string;
      decision: string;
      caseNumbers?: string[];
    },
  ): Promise<AccountabilityRecord> {
    if (!this.places.townsOf(supervisor.county).includes(entry.town))
      throw new AccountabilityError(AccountabilityErrorCode.TOWN_NOT_FOUND);
    assertReachesPlace(supervisor, { county: supervisor.county, town: entry.town });
    const caseNumbers = [...new Set(entry.caseNumbers ?? [])];
    return this.dataSource.transaction(async (manager) => {
      const found = (await manager.query(
        `SELECT receipt_number AS number FROM routing.routed_cases
          WHERE county = $1 AND town = $2 AND receipt_number = ANY($3)`,
        [supervisor.county, entry.town, caseNumbers],
      )) as { number: string }[];
      const unknown = caseNumbers.filter((number) => !found.some((row) => row.number === number));
      if (unknown.length) throw new AccountabilityError(AccountabilityErrorCode.CASES_NOT_FOUND, { unknown });
      const id = randomUUID();
      const [row] = (await manager.query(
        `INSERT INTO routing.accountability_records
           (id, county, town, kind, subject, reason, decision, case_numbers, recorded_by, recorded_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [
          id,
          supervisor.county,
          entry.town,
          entry.kind,
          entry.subject,
          entry.reason,
          entry.decision,
          caseNumbers,
          supervisor.id,
          supervisor.name,
        ],
      )) as AccountabilityRecord[];
      await enqueueEvent(manager, ROUTING_SCHEMA, accountabilityRecordedV1, {
        subject: id,
        county: supervisor.county,
        town: entry.town,
        actor: { ...personActor(supervisor), role: 'supervisor' },
        correlationId: id,
        payload: {
          recordId: id,
          kind: entry.kind,
          town: entry.town,
          subject: entry.subject,
          reason: entry.reason,
          decision: entry.decision,
          caseNumbers,
          recordedAt: row.recordedAt.toISOString(),
        },
      });
      return row;
    });
  }

  async list(viewer: AuthUser, place: { county: string; town?: string }): Promise<AccountabilityRecord[]> {
    assertReachesPlace(viewer, place);
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.accountability_records
        WHERE county = $1 AND ($2::text IS NULL OR town = $2) ORDER BY recorded_at DESC LIMIT 200`,
      [place.county, place.town ?? null],
    )) as AccountabilityRecord[];
  }
}
