import { randomBytes } from 'node:crypto';
import { TOPICS } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { SEAL_SCHEMA } from '../src/config/seal.env';
import { KeyEncryption } from '../src/crypto/key-encryption';
import { DivisionNames } from '../src/divisions/division-names';
import { SEAL_ENTITIES } from '../src/entities';
import { verifySealRecord } from '../src/seals/seal-record';
import { SealRegistry } from '../src/seals/seal-registry';
import { seedTownSeals } from '../src/seals/seal-seeder';
import { SealError, SealErrorCode } from '../src/seals/seals.errors';

const ACTOR = 'county-approval-office-01';

describe('the town seal registry (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let registry: SealRegistry;
  const divisions = DivisionNames.fromSeeds();

  beforeAll(async () => {
    suite = await openSuiteDataSource('seal_registry', { schema: SEAL_SCHEMA, entities: SEAL_ENTITIES });
    registry = new SealRegistry(
      suite.dataSource,
      new KeyEncryption(randomBytes(32).toString('hex')),
      divisions,
    );
  });

  afterAll(async () => {
    await suite?.close();
  });

  async function filedSeal(town: string) {
    const county = town.slice(0, 6);
    let seal = await registry.apply({ county, town, actor: ACTOR });
    seal = await registry.approve(seal.id, ACTOR, '同意刻制');
    seal = await registry.engrave(seal.id, 'zezhou-seal-maker');
    return registry.file(seal.id, ACTOR);
  }

  async function activeSealsOf(town: string): Promise<number> {
    const [row] = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM seal.seals WHERE town = $1 AND kind = 'approval' AND status = '启用'`,
      [town],
    )) as { n: number }[];
    return row.n;
  }

  it('takes a seal from 申报 to 启用, recording who moved it and when, and announcing it', async () => {
    const town = '140525101';
    const filed = await filedSeal(town);
    expect(filed.name).toBe('泽州县下村镇人民政府行政审批服务专用章');
    expect(filed).not.toHaveProperty('privateKeyEncrypted');
    const active = await registry.activate(filed.id, 'xiacun-keeper');
    expect(active.status).toBe('启用');
    const { transitions } = await registry.get(filed.id);
    expect(transitions.map((t) => [t.fromStatus, t.toStatus, t.actor])).toEqual([
      [null, '申报', ACTOR],
      ['申报', '审批', ACTOR],
      ['审批', '刻制', 'zezhou-seal-maker'],
      ['刻制', '备案', ACTOR],
      ['备案', '启用', 'xiacun-keeper'],
    ]);
    transitions.forEach((t) => expect(t.at).toBeInstanceOf(Date));

    const exported = await registry.exportRecord(filed.id);
    expect(verifySealRecord(exported.record, exported.makerPublicKey)).toBe(true);
    expect(exported.record.seal.picture.data).toContain('<svg');
    const [stored] = (await suite.dataSource.query(
      `SELECT private_key_encrypted FROM seal.seals WHERE id = $1`,
      [filed.id],
    )) as { private_key_encrypted: string }[];
    expect(stored.private_key_encrypted).toMatch(/^aes-256-gcm:v1:/);

    const events = (await suite.dataSource.query(
      `SELECT topic, envelope FROM seal.outbox WHERE message_key = $1 ORDER BY seq`,
      [filed.id],
    )) as { topic: string; envelope: { county: string; town: string; payload: { status?: string } } }[];
    expect(events.map((e) => e.topic)).toEqual([TOPICS.sealRegisteredV1, TOPICS.sealActivatedV1]);
    expect(events[0].envelope).toEqual(expect.objectContaining({ county: '140525', town }));
  });

  it('leaves exactly one active approval seal per town when activations race', async () => {
    const town = '140525102';
    const seals = await Promise.all([filedSeal(town), filedSeal(town), filedSeal(town)]);
    const results = await Promise.allSettled(seals.map((seal) => registry.activate(seal.id, ACTOR)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(SealError);
      expect((refusal as SealError).code).toBe(SealErrorCode.ALREADY_ACTIVE);
    }
    expect(await activeSealsOf(town)).toBe(1);

    // The database holds the line even against a write that bypasses the service.
    const loser = seals.find((seal) => results[seals.indexOf(seal)].status === 'rejected');
    await expect(
      suite.dataSource.query(`UPDATE seal.seals SET status = '启用', activated_at = now() WHERE id = $1`, [
        loser?.id,
      ]),
    ).rejects.toThrow(/seals_one_active_approval_seal_per_town/);
  });

  it('activates a new seal once the old one is withdrawn, and refuses steps out of order', async () => {
    const town = '140525103';
    const first = await filedSeal(town);
    await registry.activate(first.id, ACTOR);
    const second = await filedSeal(town);
    await expect(registry.activate(second.id, ACTOR)).rejects.toMatchObject({
      code: SealErrorCode.ALREADY_ACTIVE,
    });
    await registry.deactivate(first.id, ACTOR, '印章磨损，换刻新章');
    await registry.activate(second.id, ACTOR);
    await registry.sealAway(first.id, ACTOR, '换刻后封存旧章');
    expect(await activeSealsOf(town)).toBe(1);
    await expect(registry.activate(first.id, ACTOR)).rejects.toMatchObject({
      code: SealErrorCode.TRANSITION_NOT_ALLOWED,
    });
    const applied = await registry.apply({ county: '140525', town, actor: ACTOR });
    await expect(registry.engrave(applied.id, ACTOR)).rejects.toMatchObject({
      code: SealErrorCode.TRANSITION_NOT_ALLOWED,
      message: expect.stringContaining('申报'),
    });
    const retired = (await suite.dataSource.query(
      `SELECT envelope FROM seal.outbox WHERE topic = $1 AND message_key = $2`,
      [TOPICS.sealRetiredV1, first.id],
    )) as { envelope: { payload: { status: string } } }[];
    expect(retired.map((r) => r.envelope.payload.status)).toEqual(['停用', '封存']);
  });

  it('refuses a town it does not know, or of another county, and changes nothing', async () => {
    await expect(registry.apply({ county: '140521', town: '140525100', actor: ACTOR })).rejects.toMatchObject(
      {
        code: SealErrorCode.UNKNOWN_TOWN,
      },
    );
    await expect(registry.apply({ county: '140525', town: '140525999', actor: ACTOR })).rejects.toMatchObject(
      {
        code: SealErrorCode.UNKNOWN_TOWN,
      },
    );
    const [row] = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM seal.seals WHERE town = '140525999'`,
    )) as { n: number }[];
    expect(row.n).toBe(0);
  });

  it('seeds every town with one active approval seal and its old seals 封存, every bureau with its own seal, and a second run changes nothing', async () => {
    const first = await seedTownSeals(suite.dataSource, registry, divisions);
    expect(first.towns).toBe(28);
    // Two counties, fifteen bureaus each (county-units.tsv, 市场监管局 included), besides the towns.
    expect(first.organsRegistered).toBe(28 + 2 * 15);
    expect(first.bureauSealsActivated).toBe(2 * 15);
    const second = await seedTownSeals(suite.dataSource, registry, divisions);
    expect(second).toEqual({
      towns: 28,
      activated: 0,
      legacyInventoried: 0,
      organsRegistered: 0,
      bureauSealsActivated: 0,
    });
    const bureauSeals = (await suite.dataSource.query(
      `SELECT organ, name FROM seal.seals WHERE kind = 'bureau' AND status = '启用' ORDER BY organ`,
    )) as { organ: string; name: string }[];
    expect(bureauSeals).toContainEqual({ organ: '140525-mz', name: '泽州县民政局' });
    expect(bureauSeals).toContainEqual({ organ: '140521-rs', name: '沁水县人力资源和社会保障局' });
    const perTown = (await suite.dataSource.query(
      `SELECT town,
              count(*) FILTER (WHERE kind = 'approval' AND status = '启用')::int AS active,
              count(*) FILTER (WHERE kind = 'legacy' AND status = '封存')::int AS legacy
         FROM seal.seals WHERE town IS NOT NULL GROUP BY town`,
    )) as { town: string; active: number; legacy: number }[];
    const seededTowns = new Set(divisions.all().map((town) => town.town));
    const seeded = perTown.filter((row) => seededTowns.has(row.town));
    expect(seeded).toHaveLength(28);
    for (const row of seeded) {
      expect(row.active).toBe(1);
      expect(row.legacy).toBeGreaterThanOrEqual(2);
    }
  });
});
