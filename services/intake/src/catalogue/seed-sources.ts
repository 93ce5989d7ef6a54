import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadFormSeeds,
  mergeGuideResearch,
  type ApplicationForm,
  type CountyGuideDefaults,
  type GuideResearch,
  type GuideResearchFile,
} from '@oneseal/domain';

export interface DivisionsFile {
  source: string;
  county: { code: string; name: string };
  towns: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

export interface CountyUnitRow {
  slug: string;
  name: string;
  fullName: string;
  numberPrefix: string;
}

export interface MatterUnitRow {
  code: string;
  unit: string;
  basis: string;
}

/**
 * The counties OneSeal seeds, the prefix of their matter codes, and whether the source documents give their
 * catalogue (泽州县's annexes); 沁水县 imports its own list (seeds/catalogue/qinshui-starter-list.tsv is a start).
 */
export const SEEDED_COUNTIES = [
  { code: '140525', matterPrefix: 'ZZ', seedsCatalogue: true },
  { code: '140521', matterPrefix: 'QS', seedsCatalogue: false },
] as const;

function tsvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(1)
    .map((line) => line.split('\t'));
}

/** Reads the reference data kept under seeds/. */
export class SeedSources {
  constructor(readonly directory: string) {}

  catalogueFile(file: string): string {
    return readFileSync(join(this.directory, 'catalogue', file), 'utf8');
  }

  divisions(countyCode: string): DivisionsFile {
    return JSON.parse(
      readFileSync(join(this.directory, 'divisions', `${countyCode}.json`), 'utf8'),
    ) as DivisionsFile;
  }

  /** The application form of each matter (seeds/forms): the county's starting point, confirmed per guide. */
  forms(): { forMatter(code: string): ApplicationForm } {
    return loadFormSeeds(readFileSync(join(this.directory, 'forms', 'zezhou-forms.json'), 'utf8'));
  }

  countyUnits(): CountyUnitRow[] {
    return tsvRows(this.catalogueFile('county-units.tsv')).map(([slug, name, fullName, numberPrefix]) => ({
      slug,
      name,
      fullName,
      numberPrefix: numberPrefix ?? slug,
    }));
  }

  matterUnits(): Map<string, MatterUnitRow> {
    return new Map(
      tsvRows(this.catalogueFile('matter-units.tsv')).map(([code, unit, basis]) => [
        code,
        { code, unit, basis },
      ]),
    );
  }

  /** What public sources say about each matter (seeds/guides/*.json), by matter code and by level and name. */
  guideResearch(): GuideResearch {
    const folder = join(this.directory, 'guides');
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as GuideResearchFile);
    return mergeGuideResearch(files);
  }

  guideDefaults(): CountyGuideDefaults {
    return JSON.parse(this.catalogueFile('county-default-guide.json')) as CountyGuideDefaults;
  }
}
