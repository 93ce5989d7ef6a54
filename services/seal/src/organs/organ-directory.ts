import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSeedsDirectory } from '@oneseal/domain';
import type { DivisionNames } from '../divisions/division-names';
import { townGovernmentName } from '../seals/seal-naming';

/** An organ that issues documents under its own seal: a town government, or a county bureau (140525-mz). */
export interface OrganSettings {
  code: string;
  county: string;
  level: 'town' | 'county';
  /** 泽州县南村镇人民政府, 泽州县民政局. */
  name: string;
  /** The 文号 pattern: {year} and {n} are replaced (南村便审〔{year}〕{n}号). */
  numberPattern: string;
  /** Where an applicant applies for 行政复议 against what the organ decided (行政复议法 2023, art. 24). */
  reviewOrgan: string;
  /** Where an applicant brings a 行政诉讼 (行政诉讼法 art. 14, 18: the basic court where the organ sits). */
  court: string;
}

/** 南村镇 → 南村, 北义城镇 → 北义城: the short name a town's 文号 begins with. */
export function townShortName(townName: string): string {
  return townName.replace(/(街道办事处|街道|镇|乡)$/, '');
}

/** 泽州县 → 泽: the county's one-character short name (as in 泽政发). */
export function countyShortName(countyName: string): string {
  return [...countyName][0] ?? countyName;
}

/** A bureau as county-units.tsv lists it: 县民政局 → 泽州县民政局 in the county it serves. */
export function bureauName(countyName: string, fullName: string): string {
  return `${countyName}${fullName.replace(/^县/, '')}`;
}

export interface BureauRow {
  slug: string;
  fullName: string;
  numberPrefix: string;
}

/** A county bureau's organ as first registered: its name in the county, its 文号 pattern, the county's remedies. */
export function bureauOrganDefaults(county: string, countyName: string, bureau: BureauRow): OrganSettings {
  return {
    code: `${county}-${bureau.slug}`,
    county,
    level: 'county',
    name: bureauName(countyName, bureau.fullName),
    // 泽民审〔2026〕1号; a prefix that already says 审批 takes no second 审 (泽审批〔2026〕1号).
    numberPattern: `${countyShortName(countyName)}${bureau.numberPrefix}${/审(批)?$/.test(bureau.numberPrefix) ? '' : '审'}〔{year}〕{n}号`,
    reviewOrgan: `${countyName}人民政府`,
    court: `${countyName}人民法院`,
  };
}

function bureauRows(seedsDirectory: string): BureauRow[] {
  return readFileSync(join(seedsDirectory, 'catalogue', 'county-units.tsv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([slug, , fullName, numberPrefix]) => ({ slug, fullName, numberPrefix: numberPrefix ?? slug }));
}

/** The defaults of a town government's settings: its 文号 pattern, its county's 复议机关 and court. */
export function townOrganDefaults(town: {
  county: string;
  countyName: string;
  town: string;
  townName: string;
}): OrganSettings {
  return {
    code: town.town,
    county: town.county,
    level: 'town',
    name: townGovernmentName(town.countyName, town.townName),
    numberPattern: `${townShortName(town.townName)}便审〔{year}〕{n}号`,
    reviewOrgan: `${town.countyName}人民政府`,
    court: `${town.countyName}人民法院`,
  };
}

/**
 * The default settings of every organ of the seeded counties: each town government, and each county bureau of
 * county-units.tsv in each county. An administrator may change a pattern or the remedies later; seeding never
 * overwrites what they set.
 */
export function seededOrgans(
  divisions: DivisionNames,
  seedsDirectory: string = defaultSeedsDirectory(),
): OrganSettings[] {
  const counties = new Map<string, string>();
  const organs: OrganSettings[] = [];
  for (const town of divisions.all()) {
    counties.set(town.county, town.countyName);
    organs.push(townOrganDefaults(town));
  }
  const bureaus = bureauRows(seedsDirectory);
  for (const [county, countyName] of counties) {
    for (const bureau of bureaus) organs.push(bureauOrganDefaults(county, countyName, bureau));
  }
  return organs;
}
