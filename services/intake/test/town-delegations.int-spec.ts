import { resolve } from 'node:path';
import type { AuthUser } from '@oneseal/auth';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { MatterOfferingService } from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';
import { TownDelegationsService } from '../src/delegations/town-delegations.service';

const seeds = resolve(__dirname, '../../../seeds');
const civilAffairs: AuthUser = {
  id: 'mz-1',
  name: '泽州县民政局审批人员',
  roles: ['county-officer'],
  county: '140525',
  unitCode: '140525-mz',
};
const socialSecurity: AuthUser = { ...civilAffairs, id: 'rs-1', name: '人社局', unitCode: '140525-rs' };
const qinshuiAdmin: AuthUser = { id: 'qs', name: '沁水县管理员', roles: ['admin'], county: '140521' };
const zezhouAdmin: AuthUser = { id: 'zz', name: '泽州县管理员', roles: ['admin'], county: '140525' };

// 农村五保对象入住敬老院批准 (ZZ-T-011): 乡级负责受理, owned by 县民政局.
const MATTER = 'ZZ-T-011';
const NANCUN = '140525100';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describe('直接赋权: a county unit hands a town the decision of a matter (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let delegations: TownDelegationsService;
  let offering: MatterOfferingService;
  const delegated = async (town: string) =>
    (await offering.check({ county: '140525', town, matterCode: MATTER, channel: 'town-window' }))
      .delegatedToTown;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_delegations', { schema: INTAKE_SCHEMA, entities: [] });
    await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    delegations = new TownDelegationsService(suite.dataSource);
    offering = new MatterOfferingService(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('is granted by the owning bureau to one town, once, and filing there knows it', async () => {
    expect(await delegated(NANCUN)).toBe(false);
    const granted = await delegations.grant(civilAffairs, MATTER, NANCUN, '泽民发〔2026〕12号');
    expect(granted).toEqual(
      expect.objectContaining({ matterCode: MATTER, town: NANCUN, unitCode: '140525-mz', revokedAt: null }),
    );
    expect(await delegated(NANCUN)).toBe(true);
    expect(await delegated('140525101')).toBe(false);
    expect(await refusal(delegations.grant(zezhouAdmin, MATTER, NANCUN, '重复'))).toBe(
      'DELEGATION.ALREADY_GRANTED',
    );
  });

  it('is refused to another bureau, another county, a town elsewhere, and a matter the town already decides', async () => {
    expect(await refusal(delegations.grant(socialSecurity, MATTER, '140525101', '越权'))).toBe(
      'DELEGATION.NOT_YOUR_MATTER',
    );
    expect(await refusal(delegations.grant(qinshuiAdmin, MATTER, '140525101', '越权'))).toBe(
      'DELEGATION.NOT_YOUR_MATTER',
    );
    expect(await refusal(delegations.grant(civilAffairs, MATTER, '140521100', '外县乡镇'))).toBe(
      'CATALOGUE.TOWN_NOT_FOUND',
    );
    // 法律援助咨询服务 (blank mode, owned by 司法局): the town decides it already.
    expect(await refusal(delegations.grant(zezhouAdmin, 'ZZ-T-018', NANCUN, '无需'))).toBe(
      'DELEGATION.NOT_DELEGABLE',
    );
    expect(await delegated('140525101')).toBe(false);
  });

  it('is revoked on the record, shown publicly with its history, and can be granted again', async () => {
    expect(await refusal(delegations.revoke(civilAffairs, MATTER, '140525101', '未赋权'))).toBe(
      'DELEGATION.NOT_GRANTED',
    );
    const revoked = await delegations.revoke(civilAffairs, MATTER, NANCUN, '试点结束');
    expect(revoked).toEqual(
      expect.objectContaining({ revokeReason: '试点结束', revokedAt: expect.any(Date) }),
    );
    expect(await delegated(NANCUN)).toBe(false);
    await delegations.grant(zezhouAdmin, MATTER, NANCUN, '恢复赋权');
    const shown = await delegations.ofMatter(MATTER);
    expect(shown.map((d) => [d.townName, d.reason, d.revokedAt === null])).toEqual([
      ['南村镇', '恢复赋权', true],
      ['南村镇', '泽民发〔2026〕12号', false],
    ]);
    expect(JSON.stringify(shown)).not.toContain('民政局审批人员');
  });
});
