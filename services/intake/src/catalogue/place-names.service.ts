import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { townUnit, unitName, villageStation, type PlaceNames } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CatalogueQueryError, CatalogueQueryErrorCode } from './catalogue.errors';

/** A county's places and units by name: what every screen shows instead of a code. */
export interface CountyPlaces {
  county: { code: string; name: string };
  towns: { code: string; name: string; villages: { code: string; name: string }[] }[];
  /** The county's bureaus (县直部门), for choosing one by name. */
  bureaus: { code: string; name: string }[];
  /** Every inbox unit of the county (town desks, village stations, bureaus, 电子监察) by its code. */
  units: Record<string, string>;
}

@Injectable()
export class PlaceNamesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofCounty(county: string): Promise<CountyPlaces> {
    const [row] = (await this.dataSource.query(`SELECT code, name FROM intake.counties WHERE code = $1`, [
      county,
    ])) as { code: string; name: string }[];
    if (!row) throw new CatalogueQueryError(CatalogueQueryErrorCode.COUNTY_NOT_FOUND);
    const towns = (await this.dataSource.query(
      `SELECT t.code, t.name,
              coalesce(json_agg(json_build_object('code', v.code, 'name', v.name) ORDER BY v.code)
                       FILTER (WHERE v.code IS NOT NULL), '[]') AS villages
         FROM intake.towns t LEFT JOIN intake.villages v ON v.town_code = t.code
        WHERE t.county_code = $1 GROUP BY t.code, t.name ORDER BY t.code`,
      [county],
    )) as CountyPlaces['towns'];
    const bureaus = (await this.dataSource.query(
      `SELECT code, name FROM intake.county_units WHERE county_code = $1 ORDER BY code`,
      [county],
    )) as { code: string; name: string }[];
    const names: PlaceNames = {
      county: row,
      towns: new Map(towns.map((town) => [town.code, town.name])),
      villages: new Map(
        towns.flatMap((town) => town.villages.map((village) => [village.code, village.name])),
      ),
      bureaus: new Map(bureaus.map((bureau) => [bureau.code, bureau.name])),
    };
    const codes = [
      ...towns.flatMap((town) => [
        ...Object.values(townUnit).map((unit) => unit(town.code)),
        ...town.villages.map((village) => villageStation(village.code)),
      ]),
      ...bureaus.map((bureau) => bureau.code),
      `${county}-supervision`,
    ];
    const units = Object.fromEntries(codes.map((code) => [code, unitName(code, names) ?? code]));
    return { county: row, towns, bureaus, units };
  }
}
