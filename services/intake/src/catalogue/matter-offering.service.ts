import type { TownTwin } from '@oneseal/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationChannel, CatalogueLevel } from '@oneseal/contracts';
import type { MatterGuide } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum OfferingErrorCode {
  TOWN_NOT_IN_COUNTY = 'INTAKE.TOWN_NOT_IN_COUNTY',
  VILLAGE_NOT_IN_TOWN = 'INTAKE.VILLAGE_NOT_IN_TOWN',
  MATTER_NOT_OFFERED = 'INTAKE.MATTER_NOT_OFFERED',
  VILLAGE_STATION_REQUIRED = 'INTAKE.VILLAGE_STATION_REQUIRED',
  MATTER_WITHDRAWN = 'INTAKE.MATTER_WITHDRAWN',
}

const MESSAGES: Record<OfferingErrorCode, string> = {
  [OfferingErrorCode.TOWN_NOT_IN_COUNTY]: '所选乡镇不属于该县，请核对乡镇代码',
  [OfferingErrorCode.VILLAGE_NOT_IN_TOWN]: '所选村（社区）不属于该乡镇，请核对村代码',
  [OfferingErrorCode.MATTER_NOT_OFFERED]: '该县的事项目录中没有这个事项，请核对事项编码',
  [OfferingErrorCode.VILLAGE_STATION_REQUIRED]:
    '此事项须经申请人所在村（社区）便民服务站代办，请由代办员填写村代码后提交',
  [OfferingErrorCode.MATTER_WITHDRAWN]: '该事项已从本县事项目录撤销，不再受理新的申请；已受理的办件照常办理',
};

export class OfferingError extends CodedError<OfferingErrorCode> {
  constructor(code: OfferingErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case OfferingErrorCode.TOWN_NOT_IN_COUNTY:
      case OfferingErrorCode.VILLAGE_NOT_IN_TOWN:
      case OfferingErrorCode.MATTER_NOT_OFFERED:
      case OfferingErrorCode.VILLAGE_STATION_REQUIRED:
      case OfferingErrorCode.MATTER_WITHDRAWN:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}

/** What intake records of the matter a case is filed under: the version it will be handled by. */
export interface MatterSnapshot {
  code: string;
  name: string;
  level: CatalogueLevel;
  version: number;
  handlingMode: string;
  /** GB/T 39046 type code (05 行政给付, 07 行政确认, 20 公共服务 …). */
  typeCode: string;
  delegatingUnit: string | null;
  unitCode: string;
  /** The guide of that version: materials, limits, case kind. */
  guide: MatterGuide;
  /** The owning county unit has granted the applicant's town direct authority (直接赋权) for this matter. */
  delegatedToTown: boolean;
  /** A village matter's town matter of the same name, whose route the case follows after the village's 初审. */
  townTwin?: TownTwin;
}

export interface OfferingRequest {
  county: string;
  town: string;
  villageCode?: string;
  matterCode: string;
  channel: ApplicationChannel;
}

/** Checks that a matter can be applied for where and how the applicant is applying. */
@Injectable()
export class MatterOfferingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(request: OfferingRequest): Promise<MatterSnapshot> {
    const [town] = (await this.dataSource.query(
      `SELECT county_code AS county FROM intake.towns WHERE code = $1`,
      [request.town],
    )) as {
      county: string;
    }[];
    if (!town || town.county !== request.county)
      throw new OfferingError(OfferingErrorCode.TOWN_NOT_IN_COUNTY);
    if (request.villageCode) {
      const villages = (await this.dataSource.query(
        `SELECT 1 FROM intake.villages WHERE code = $1 AND town_code = $2`,
        [request.villageCode, request.town],
      )) as unknown[];
      if (villages.length === 0) throw new OfferingError(OfferingErrorCode.VILLAGE_NOT_IN_TOWN);
    }
    const [matter] = (await this.dataSource.query(
      `SELECT m.code, m.name, m.level, m.current_version AS version, m.handling_mode AS "handlingMode",
              m.type_code AS "typeCode", m.withdrawn_at IS NOT NULL AS withdrawn,
              m.delegating_unit AS "delegatingUnit", m.unit_code AS "unitCode", v.guide,
              EXISTS (SELECT 1 FROM intake.town_delegations d
                       WHERE d.matter_code = m.code AND d.town_code = $3 AND d.revoked_at IS NULL) AS "delegatedToTown"
         FROM intake.matters m
         JOIN intake.matter_versions v ON v.matter_code = m.code AND v.version = m.current_version
        WHERE m.code = $1 AND m.county_code = $2`,
      [request.matterCode, request.county, request.town],
    )) as (MatterSnapshot & { withdrawn?: boolean })[];
    if (!matter) throw new OfferingError(OfferingErrorCode.MATTER_NOT_OFFERED);
    if (matter.withdrawn) throw new OfferingError(OfferingErrorCode.MATTER_WITHDRAWN);
    delete matter.withdrawn;
    if (matter.level === 'village') {
      const twin = await this.townTwin(request);
      if (twin) matter.townTwin = twin;
    }
    // Village matters are filed at the applicant's village station (帮办代办), and so is anything an agent files.
    const needsStation = matter.level === 'village' || request.channel === 'village-agent';
    if (needsStation && (!request.villageCode || request.channel !== 'village-agent')) {
      throw new OfferingError(OfferingErrorCode.VILLAGE_STATION_REQUIRED);
    }
    return matter;
  }

  /**
   * A matter of the county's catalogue still in force, by its code (what a visit is booked for, a home visit asked
   * for): undefined for a code the county does not have or has withdrawn.
   */
  async inForce(
    county: string,
    code: string,
  ): Promise<{ code: string; name: string; unitCode: string } | undefined> {
    const [matter] = (await this.dataSource.query(
      `SELECT code, name, unit_code AS "unitCode" FROM intake.matters
        WHERE code = $1 AND county_code = $2 AND withdrawn_at IS NULL`,
      [code, county],
    )) as { code: string; name: string; unitCode: string }[];
    return matter;
  }

  /** The town matter of the same name (the same type first, as townTwinOf picks from the catalogue files). */
  private async townTwin(request: OfferingRequest): Promise<TownTwin | undefined> {
    const [twin] = (await this.dataSource.query(
      `SELECT t.code, t.handling_mode AS "handlingMode", t.delegating_unit AS "delegatingUnit",
              t.unit_code AS "countyUnitCode",
              EXISTS (SELECT 1 FROM intake.town_delegations d
                       WHERE d.matter_code = t.code AND d.town_code = $3 AND d.revoked_at IS NULL) AS "delegatedToTown"
         FROM intake.matters v
         JOIN intake.matters t ON t.county_code = v.county_code AND t.level = 'town' AND t.name = v.name
                              AND t.withdrawn_at IS NULL
        WHERE v.code = $1 AND v.county_code = $2
        ORDER BY (t.type_code = v.type_code) DESC, t.code
        LIMIT 1`,
      [request.matterCode, request.county, request.town],
    )) as (Omit<TownTwin, 'delegatingUnit'> & { delegatingUnit: string | null })[];
    if (!twin) return undefined;
    const { delegatingUnit, ...rest } = twin;
    return delegatingUnit ? { ...rest, delegatingUnit } : rest;
  }
}
