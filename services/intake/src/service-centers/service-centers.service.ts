import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import type { PublishServiceCenterDto } from './service-center.dto';
import { ServiceCenterError, ServiceCenterErrorCode } from './service-centers.errors';

/** A town's 便民服务中心 as the public pages show it; null where the county has not published it yet. */
export interface ServiceCenter {
  town: string;
  county: string;
  townName: string;
  countyName: string;
  /** 南村镇便民服务中心. */
  name: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
  updatedAt: string | null;
}

@Injectable()
export class ServiceCentersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(town: string): Promise<ServiceCenter> {
    const [row] = (await this.dataSource.query(
      `SELECT t.code AS town, t.county_code AS county, t.name AS "townName", c.name AS "countyName",
              s.address, s.phone, s.hours, s.updated_at AS "updatedAt"
         FROM intake.towns t JOIN intake.counties c ON c.code = t.county_code
         LEFT JOIN intake.service_centers s ON s.town_code = t.code
        WHERE t.code = $1`,
      [town],
    )) as (Omit<ServiceCenter, 'name' | 'updatedAt'> & { updatedAt: Date | null })[];
    if (!row) throw new ServiceCenterError(ServiceCenterErrorCode.TOWN_NOT_FOUND);
    return { ...row, name: `${row.townName}便民服务中心`, updatedAt: row.updatedAt?.toISOString() ?? null };
  }

  /** The county's administrator publishes (or corrects) a center's address, phone and hours. */
  async publish(admin: AuthUser, town: string, published: PublishServiceCenterDto): Promise<ServiceCenter> {
    const [known] = (await this.dataSource.query(
      `SELECT county_code AS county FROM intake.towns WHERE code = $1`,
      [town],
    )) as { county: string }[];
    if (!known) throw new ServiceCenterError(ServiceCenterErrorCode.TOWN_NOT_FOUND);
    assertReachesPlace(admin, { county: known.county });
    await this.dataSource.query(
      `INSERT INTO intake.service_centers (town_code, address, phone, hours, updated_by, updated_by_name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (town_code) DO UPDATE SET address = $2, phone = $3, hours = $4, updated_by = $5,
         updated_by_name = $6, updated_at = now()`,
      [town, published.address, published.phone, published.hours, admin.id, admin.name],
    );
    return this.of(town);
  }
}
