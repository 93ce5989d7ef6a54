import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { bureauRegisteredV1, personActor } from '@oneseal/contracts';
import { enqueueEvent, isUniqueViolation } from '@oneseal/database';
import { countyUnitCode } from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { INTAKE_SCHEMA } from '../config/intake.env';
import type { AddBureauDto } from './bureau.dto';
import { BureauError, BureauErrorCode } from './bureau.errors';

export interface Bureau {
  code: string;
  name: string;
  fullName: string;
  numberPrefix: string | null;
  /** The county's matters it owns (withdrawn ones left out). */
  matterCount: number;
  addedByName: string | null;
  addedAt: string | null;
  editedByName: string | null;
  editedAt: string | null;
}

/**
 * The county's bureaus (县直部门): the organs its matters are assigned to. A county adds one (which registers it as an
 * organ with a seal to make) and renames one; the seed never overwrites what the county changed.
 */
@Injectable()
export class CountyBureausService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, county: string): Promise<Bureau[]> {
    assertReachesPlace(user, { county });
    return this.bureaus(this.dataSource.manager, county);
  }

  async add(user: AuthUser, bureau: AddBureauDto): Promise<Bureau> {
    assertReachesPlace(user, { county: bureau.county });
    const code = countyUnitCode(bureau.county, bureau.slug);
    try {
      await this.dataSource.transaction(async (manager) => {
        const [county] = (await manager.query(`SELECT code FROM intake.counties WHERE code = $1`, [
          bureau.county,
        ])) as { code: string }[];
        if (!county) throw new BureauError(BureauErrorCode.COUNTY_NOT_FOUND);
        const [taken] = (await manager.query(`SELECT 1 FROM intake.county_units WHERE code = $1`, [
          code,
        ])) as unknown[];
        if (taken) throw new BureauError(BureauErrorCode.CODE_TAKEN);
        await this.assertNameFree(manager, bureau.county, bureau.name);
        await manager.query(
          `INSERT INTO intake.county_units
             (code, county_code, name, full_name, number_prefix, added_by_name, added_at, edited_by_name, edited_at)
           VALUES ($1, $2, $3, $4, $5, $6, now(), $6, now())`,
          [code, bureau.county, bureau.name, bureau.fullName, bureau.numberPrefix, user.name],
        );
        // The seal service makes it an organ and applies for its seal: one transaction with the row, via the outbox.
        await enqueueEvent(manager, INTAKE_SCHEMA, bureauRegisteredV1, {
          subject: code,
          county: bureau.county,
          actor: personActor(user),
          correlationId: randomUUID(),
          payload: {
            county: bureau.county,
            unitCode: code,
            name: bureau.name,
            fullName: bureau.fullName,
            numberPrefix: bureau.numberPrefix,
          },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new BureauError(BureauErrorCode.CODE_TAKEN);
      }
      throw error;
    }
    return this.one(user, code);
  }

  async rename(user: AuthUser, code: string, name: string): Promise<Bureau> {
    const current = await this.one(user, code);
    if (current.name === name) return current;
    const county = code.slice(0, 6);
    await this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, county, name);
      await manager.query(
        `UPDATE intake.county_units SET name = $2, edited_by_name = $3, edited_at = now() WHERE code = $1`,
        [code, name, user.name],
      );
    });
    return this.one(user, code);
  }

  private async one(user: AuthUser, code: string): Promise<Bureau> {
    const county = code.slice(0, 6);
    assertReachesPlace(user, { county });
    const found = (await this.bureaus(this.dataSource.manager, county)).find(
      (bureau) => bureau.code === code,
    );
    if (!found) throw new BureauError(BureauErrorCode.NOT_FOUND);
    return found;
  }

  private async assertNameFree(manager: EntityManager, county: string, name: string): Promise<void> {
    const [taken] = (await manager.query(
      `SELECT 1 FROM intake.county_units WHERE county_code = $1 AND name = $2`,
      [county, name],
    )) as unknown[];
    if (taken) throw new BureauError(BureauErrorCode.NAME_TAKEN);
  }

  private async bureaus(manager: EntityManager, county: string): Promise<Bureau[]> {
    const rows = (await manager.query(
      `SELECT u.code, u.name, u.full_name AS "fullName", u.number_prefix AS "numberPrefix",
              (SELECT count(*)::int FROM intake.matters m WHERE m.unit_code = u.code AND m.withdrawn_at IS NULL)
                AS "matterCount",
              u.added_by_name AS "addedByName", u.added_at AS "addedAt",
              u.edited_by_name AS "editedByName", u.edited_at AS "editedAt"
         FROM intake.county_units u WHERE u.county_code = $1 ORDER BY u.added_at NULLS FIRST, u.code`,
      [county],
    )) as (Omit<Bureau, 'addedAt' | 'editedAt'> & { addedAt: Date | null; editedAt: Date | null })[];
    return rows.map((row) => ({
      ...row,
      addedAt: row.addedAt?.toISOString() ?? null,
      editedAt: row.editedAt?.toISOString() ?? null,
    }));
  }
}
