import type { DataSource } from 'typeorm';
import type { DivisionNames, TownDivision } from '../divisions/division-names';
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
}

/**
 * Gives every town of the division files its one active approval seal (taken through 申报 → 审批 → 刻制 → 备案
 * → 启用 like any other) and inventories its old seals as 封存. Safe to run again: a town that has its active
 * seal and its old seals is left as it is, and a seal left half-way is taken on from where it stopped.
 */
export async function seedTownSeals(
  dataSource: DataSource,
  registry: SealRegistry,
  divisions: DivisionNames,
): Promise<SeedSummary> {
  const summary: SeedSummary = { towns: 0, activated: 0, legacyInventoried: 0 };
  const seals = dataSource.getRepository(Seal);
  for (const town of divisions.all()) {
    summary.towns += 1;
    const existing = await seals.find({ where: { town: town.town }, order: { createdAt: 'ASC' } });
    const approval = existing.filter((seal) => seal.kind === 'approval');
    if (!approval.some((seal) => seal.status === '启用')) {
      const inProgress = approval.find((seal) =>
        (['申报', '审批', '刻制', '备案'] as SealStatus[]).includes(seal.status),
      );
      let seal =
        inProgress ?? (await registry.apply({ county: town.county, town: town.town, actor: SEED_ACTOR }));
      if (seal.status === '申报') seal = await registry.approve(seal.id, SEED_ACTOR, '种子数据：同意刻制');
      if (seal.status === '审批') seal = await registry.engrave(seal.id, SEED_ACTOR);
      if (seal.status === '刻制') seal = await registry.file(seal.id, SEED_ACTOR, '种子数据：已备案');
      if (seal.status === '备案') await registry.activate(seal.id, SEED_ACTOR);
      summary.activated += 1;
    }
    for (const legacy of legacySealsOf(town)) {
      if (existing.some((seal) => seal.kind === 'legacy' && seal.name === legacy.name)) continue;
      await registry.inventoryLegacy({ county: town.county, town: town.town, ...legacy, actor: SEED_ACTOR });
      summary.legacyInventoried += 1;
    }
  }
  return summary;
}
