import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countyUnitCode, unitName, type PlaceNames } from './units';

interface DivisionFile {
  county: { code: string; name: string };
  towns: { code: string; name: string; villages?: { code: string; name: string }[] }[];
}

/**
 * The names of every county's places and bureaus, read from the reference data (seeds/divisions/<county>.json and
 * seeds/catalogue/county-units.tsv), for a service that owns no copy of intake's place tables yet writes texts
 * people read (a 督办 notice names the late desk). Intake's tables are loaded from the same files.
 */
export class SeededPlaceNames {
  private constructor(private readonly counties: ReadonlyMap<string, PlaceNames>) {}

  static fromSeeds(seedsDirectory: string): SeededPlaceNames {
    const bureauRows = readFileSync(join(seedsDirectory, 'catalogue', 'county-units.tsv'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .slice(1)
      .map((line) => line.split('\t'));
    const counties = new Map<string, PlaceNames>();
    const divisions = join(seedsDirectory, 'divisions');
    for (const file of readdirSync(divisions).filter((name) => /^\d{6}\.json$/.test(name))) {
      const division = JSON.parse(readFileSync(join(divisions, file), 'utf8')) as DivisionFile;
      counties.set(division.county.code, {
        county: division.county,
        towns: new Map(division.towns.map((town) => [town.code, town.name])),
        villages: new Map(
          division.towns.flatMap((town) =>
            (town.villages ?? []).map((village) => [village.code, village.name] as const),
          ),
        ),
        bureaus: new Map(
          bureauRows.map(([slug, name]) => [countyUnitCode(division.county.code, slug), name] as const),
        ),
      });
    }
    return new SeededPlaceNames(counties);
  }

  /** The county's name (泽州县); the code itself when the reference data does not know it. */
  county(countyCode: string): string {
    return this.counties.get(countyCode)?.county?.name ?? countyCode;
  }

  /** Every town of the county, by code, in code order. */
  townsOf(countyCode: string): string[] {
    return [...(this.counties.get(countyCode)?.towns.keys() ?? [])].sort();
  }

  /** The town's name (南村镇); the code itself when the reference data does not know it. */
  town(townCode: string): string {
    return this.counties.get(townCode.slice(0, 6))?.towns.get(townCode) ?? townCode;
  }

  /** What the unit is called (南村镇便民服务中心审核岗); the code itself when the reference data cannot place it. */
  unit(unitCode: string): string {
    const county = this.counties.get(unitCode.slice(0, 6));
    return (county && unitName(unitCode, county)) ?? unitCode;
  }
}
