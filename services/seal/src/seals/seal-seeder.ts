import type { DataSource } from 'typeorm';
import type { DivisionNames, TownDivision } from '../divisions/division-names';
import { registerOrgans } from '../organs/issuing-organs';
import { seededOrgans } from '../organs/organ-directory';
import type { SealStatus } from './seal-lifecycle';
import type { SealRegistry } from './seal-registry';
import { Seal } from './seal.entity';

const SEED_ACTOR = 'oneseal-seed';

/** The old seals the reform sealed away in every town: an internal office's and a county outpost's. */
export function legacySealsOf(town: TownDivision): { name: string; formerHolder: string }[] {
  return [
    {
      name: `${town.countyName}${town.townName}社会事务办公室`,
      formerHolder: `${town.townName}社会事务办公室（内设机构）`,
    },
    {
      name: `${town.countyName}自然资源局${town.townName}自然资源所`,
      formerHolder: `${town.countyName}自然资源局派驻${town.townName}自然资源所`,
    },
  ];
}

export interface SeedSummary {
  towns: number;
  activated: number;
  legacyInventoried: number;
  organsRegistered: number;
  bureauSealsActivated: number;
}

/** Takes a seal through 申报 → 审批 → 刻制 → 备案 → 启用 from wherever it stands. */
async function bringIntoForce(
  registry: SealRegistry,
  seal: { id: string; status: SealStatus },
): Promise<void> {
  let current = seal;
  if (current.status === '申报')
    current = await registry.approve(current.id, SEED_ACTOR, '种子数据：同意刻制');
  if (current.status === '审批') current = await registry.engrave(current.id, SEED_ACTOR);
  if (current.status === '刻制') current = await registry.file(current.id, SEED_ACTOR, '种子数据：已备案');
  if (current.status === '备案') await registry.activate(current.id, SEED_ACTOR);
}

const IN_PROGRESS: SealStatus[] = ['申报', '审批', '刻制', '备案'];

/**
 * Registers every organ that issues documents (towns and county bureaus, with their default 文号 patterns), gives
 * each county bureau its own active seal, and gives every town of the division files its one active approval seal (taken through 申报 → 审批 → 刻制 → 备案
 * → 启用 like any other) and inventories its old seals as 封存. Safe to run again: a town that has its active
 * seal and its old seals is left as it is, and a seal left half-way is taken on from where it stopped.
 */
export async function seedTownSeals(
  dataSource: DataSource,
  registry: SealRegistry,
  divisions: DivisionNames,
): Promise<SeedSummary> {
  const summary: SeedSummary = {
    towns: 0,
    activated: 0,
    legacyInventoried: 0,
    organsRegistered: 0,
    bureauSealsActivated: 0,
  };
  const seals = dataSource.getRepository(Seal);
  const organs = seededOrgans(divisions);
  summary.organsRegistered = await registerOrgans(dataSource.manager, organs, SEED_ACTOR);
  for (const town of divisions.all()) {
    summary.towns += 1;
    const existing = await seals.find({ where: { town: town.town }, order: { createdAt: 'ASC' } });
    const approval = existing.filter((seal) => seal.kind === 'approval');
    if (!approval.some((seal) => seal.status === '启用')) {
      const inProgress = approval.find((seal) => IN_PROGRESS.includes(seal.status));
      await bringIntoForce(
        registry,
        inProgress ?? (await registry.apply({ county: town.county, town: town.town, actor: SEED_ACTOR })),
      );
      summary.activated += 1;
    }
    for (const legacy of legacySealsOf(town)) {
      if (existing.some((seal) => seal.kind === 'legacy' && seal.name === legacy.name)) continue;
      await registry.inventoryLegacy({ county: town.county, town: town.town, ...legacy, actor: SEED_ACTOR });
      summary.legacyInventoried += 1;
    }
  }
  for (const bureau of organs.filter((organ) => organ.level === 'county')) {
    const existing = await seals.find({ where: { organ: bureau.code, kind: 'bureau' } });
    if (existing.some((seal) => seal.status === '启用')) continue;
    const inProgress = existing.find((seal) => IN_PROGRESS.includes(seal.status));
    await bringIntoForce(
      registry,
      inProgress ?? (await registry.applyForBureau({ bureau: bureau.code, actor: SEED_ACTOR })),
    );
    summary.bureauSealsActivated += 1;
  }
  return summary;
}
