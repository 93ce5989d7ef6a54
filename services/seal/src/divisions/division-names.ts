import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSeedsDirectory } from '@oneseal/domain';

export interface TownDivision {
  county: string;
  countyName: string;
  town: string;
  townName: string;
}

interface DivisionFile {
  county: { code: string; name: string };
  towns: { code: string; name: string }[];
}

/**
 * The names of counties and towns, from the same seed files intake loads (seeds/divisions/<county>.json). The
 * seal service owns no copy of intake's tables and does not query them: a seal's name is fixed when it is
 * applied for, from these files or from names the applicant gives.
 */
export class DivisionNames {
  private constructor(private readonly towns: ReadonlyMap<string, TownDivision>) {}

  static fromSeeds(seedsDirectory: string = defaultSeedsDirectory()): DivisionNames {
    const directory = join(seedsDirectory, 'divisions');
    const towns = new Map<string, TownDivision>();
    for (const file of readdirSync(directory)
      .filter((name) => /^\d{6}\.json$/.test(name))
      .sort()) {
      const division = JSON.parse(readFileSync(join(directory, file), 'utf8')) as DivisionFile;
      for (const town of division.towns) {
        towns.set(town.code, {
          county: division.county.code,
          countyName: division.county.name,
          town: town.code,
          townName: town.name,
        });
      }
    }
    return new DivisionNames(towns);
  }

  static of(towns: readonly TownDivision[]): DivisionNames {
    return new DivisionNames(new Map(towns.map((town) => [town.town, town])));
  }

  town(code: string): TownDivision | undefined {
    return this.towns.get(code);
  }

  all(): TownDivision[] {
    return [...this.towns.values()];
  }
}
