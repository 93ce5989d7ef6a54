import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@oneseal/auth';
import { isDelegable, type TownHandlingMode } from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueQueryError, CatalogueQueryErrorCode } from '../catalogue/catalogue.errors';
import { DelegationError, DelegationErrorCode } from './delegation.errors';

export interface TownDelegation {
  matterCode: string;
  town: string;
  townName: string;
  unitCode: string;
  reason: string;
  grantedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
}

interface OwnedMatter {
  county: string;
  level: 'town' | 'village';
  handlingMode: string;
  unitCode: string;
}

/**
 * 直接赋权: the county unit that owns a matter (or the county's administration bureau) hands a town its review and
 * decision. Applications filed from then on are routed to the town; cases already routed keep their route.
 */
@Injectable()
export class TownDelegationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async grant(user: AuthUser, matterCode: string, town: string, reason: string): Promise<TownDelegation> {
    return this.dataSource.transaction(async (manager) => {
      const matter = await this.matterActedOnBy(manager, user, matterCode, town);
      if (!isDelegable({ level: matter.level, handlingMode: matter.handlingMode as TownHandlingMode })) {
        throw new DelegationError(DelegationErrorCode.NOT_DELEGABLE);
      }
      const inserted = (await manager.query(
        `INSERT INTO intake.town_delegations (id, matter_code, town_code, unit_code, reason, granted_by, granted_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (matter_code, town_code) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
        [randomUUID(), matterCode, town, matter.unitCode, reason.trim(), user.id, user.name],
      )) as unknown[];
      if (inserted.length === 0) throw new DelegationError(DelegationErrorCode.ALREADY_GRANTED);
      return this.inForce(manager, matterCode, town);
    });
  }

  async revoke(user: AuthUser, matterCode: string, town: string, reason: string): Promise<TownDelegation> {
    return this.dataSource.transaction(async (manager) => {
      await this.matterActedOnBy(manager, user, matterCode, town);
      const [revoked] = (await manager.query(
        `UPDATE intake.town_delegations
            SET revoked_by = $3, revoked_by_name = $4, revoke_reason = $5, revoked_at = now()
          WHERE matter_code = $1 AND town_code = $2 AND revoked_at IS NULL
          RETURNING id`,
        [matterCode, town, user.id, user.name, reason.trim()],
      )) as [{ id: string }[], number];
      if (!revoked || revoked.length === 0) throw new DelegationError(DelegationErrorCode.NOT_GRANTED);
      return (await this.listed(manager, 'd.id = $1', [revoked[0].id]))[0];
    });
  }

  /** 公示: every grant of the matter, in force or revoked, newest first (no names of officials). */
  async ofMatter(matterCode: string): Promise<TownDelegation[]> {
    const exists = (await this.dataSource.query(`SELECT 1 FROM intake.matters WHERE code = $1`, [
      matterCode,
    ])) as unknown[];
    if (exists.length === 0) throw new CatalogueQueryError(CatalogueQueryErrorCode.MATTER_NOT_FOUND);
    return this.listed(this.dataSource.manager, 'd.matter_code = $1', [matterCode]);
  }

  /** The matter, locked, once the person is shown to own it and the town to be in its county. */
  private async matterActedOnBy(
    manager: EntityManager,
    user: AuthUser,
    matterCode: string,
    town: string,
  ): Promise<OwnedMatter> {
    const [matter] = (await manager.query(
      `SELECT county_code AS county, level, handling_mode AS "handlingMode", unit_code AS "unitCode"
         FROM intake.matters WHERE code = $1 FOR UPDATE`,
      [matterCode],
    )) as OwnedMatter[];
    if (!matter) throw new CatalogueQueryError(CatalogueQueryErrorCode.MATTER_NOT_FOUND);
    const owner =
      user.county === matter.county &&
      (user.roles.includes('admin') ||
        (user.roles.includes('county-officer') && user.unitCode === matter.unitCode));
    if (!owner) throw new DelegationError(DelegationErrorCode.NOT_YOUR_MATTER);
    const towns = (await manager.query(`SELECT 1 FROM intake.towns WHERE code = $1 AND county_code = $2`, [
      town,
      matter.county,
    ])) as unknown[];
    if (towns.length === 0) throw new CatalogueQueryError(CatalogueQueryErrorCode.TOWN_NOT_FOUND);
    return matter;
  }

  private async inForce(manager: EntityManager, matterCode: string, town: string): Promise<TownDelegation> {
    const [delegation] = await this.listed(
      manager,
      'd.matter_code = $1 AND d.town_code = $2 AND d.revoked_at IS NULL',
      [matterCode, town],
    );
    return delegation;
  }

  private async listed(manager: EntityManager, where: string, values: unknown[]): Promise<TownDelegation[]> {
    return (await manager.query(
      `SELECT d.matter_code AS "matterCode", d.town_code AS town, t.name AS "townName", d.unit_code AS "unitCode",
              d.reason, d.granted_at AS "grantedAt", d.revoked_at AS "revokedAt", d.revoke_reason AS "revokeReason"
         FROM intake.town_delegations d JOIN intake.towns t ON t.code = d.town_code
        WHERE ${where} ORDER BY d.granted_at DESC`,
      values,
    )) as TownDelegation[];
  }
}
