import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import { ServiceCenterError, ServiceCenterErrorCode } from '../service-centers/service-centers.errors';
import type { HallSettingsDto } from './dto/hall.dto';
import { HallError, HallErrorCode } from './hall.errors';
import { inDayOrder, settingsProblems, type HallSettings } from './hall-settings';

/** How a center takes appointments and numbers, as the county's administrator sets it. */
@Injectable()
export class HallSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The center's settings; HALL.NOT_OPEN until the county has set them. */
  async of(town: string): Promise<HallSettings> {
    const settings = await this.find(town);
    if (!settings) throw new HallError(HallErrorCode.NOT_OPEN);
    return settings;
  }

  async find(town: string): Promise<HallSettings | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT t.code AS town, t.county_code AS county, t.name || '便民服务中心' AS "centerName", h.windows, h.slots,
              h.slot_capacity AS "slotCapacity", h.book_days_ahead AS "bookDaysAhead"
         FROM intake.hall_settings h JOIN intake.towns t ON t.code = h.town_code
        WHERE h.town_code = $1`,
      [town],
    )) as HallSettings[];
    return row;
  }

  async set(admin: AuthUser, town: string, settings: HallSettingsDto): Promise<HallSettings> {
    const [known] = (await this.dataSource.query(
      `SELECT county_code AS county FROM intake.towns WHERE code = $1`,
      [town],
    )) as { county: string }[];
    if (!known) throw new ServiceCenterError(ServiceCenterErrorCode.TOWN_NOT_FOUND);
    assertReachesPlace(admin, { county: known.county });
    const problems = settingsProblems(settings);
    if (problems.length) throw new HallError(HallErrorCode.SETTINGS_INVALID, { problems });
    const windows = [...settings.windows]
      .sort((a, b) => a.number - b.number)
      .map(({ number, name, categories }) => ({ number, name, categories: [...new Set(categories)] }));
    await this.dataSource.query(
      `INSERT INTO intake.hall_settings
         (town_code, windows, slots, slot_capacity, book_days_ahead, updated_by, updated_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (town_code) DO UPDATE SET windows = $2, slots = $3, slot_capacity = $4, book_days_ahead = $5,
         updated_by = $6, updated_by_name = $7, updated_at = now()`,
      [
        town,
        JSON.stringify(windows),
        JSON.stringify(inDayOrder(settings.slots)),
        settings.slotCapacity,
        settings.bookDaysAhead,
        admin.id,
        admin.name,
      ],
    );
    return this.of(town);
  }
}
