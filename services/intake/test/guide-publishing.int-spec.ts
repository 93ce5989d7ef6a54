import { resolve } from 'node:path';
import type { AuthUser } from '@oneseal/auth';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { CatalogueQueryService } from '../src/catalogue/catalogue-query.service';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';
import type { PublishGuideDto } from '../src/guides/dto/publish-guide.dto';
import { GuidePublishingService } from '../src/guides/guide-publishing.service';

const seeds = resolve(__dirname, '../../../seeds');
const admin: AuthUser = { id: 'zz-admin', name: '泽州县审批局管理员', roles: ['admin'], county: '140525' };
const otherAdmin: AuthUser = { id: 'qs-admin', name: '沁水县管理员', roles: ['admin'], county: '140521' };

function guide(fields: Partial<PublishGuideDto> = {}): PublishGuideDto {
  return {
    expectedVersion: 1,
    reason: '县审批局确认材料清单和时限',
    legalBasis: '《法律援助法》第三十八条',
    caseKind: '承诺件',
    statutoryLimitWorkingDays: 20,
    committedLimitWorkingDays: 5,
    materials: [
      { name: '申请人有效身份证件', issuer: '申请人', originals: 1, copies: 1, required: true },
      { name: '经济困难状况说明表', issuer: '申请人', originals: 1, copies: 0, required: true },
    ],
    fee: '不收费',
    onlineDepth: 2,
    onSiteVisits: 1,
    appointment: true,
    expressDelivery: false,
    ...fields,
  } as PublishGuideDto;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string; details?: unknown }) => ({ code: error.code, details: error.details }),
  );

describe('publishing a matter’s 办事指南 (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let guides: GuidePublishingService;
  let catalogue: CatalogueQueryService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_guides', { schema: INTAKE_SCHEMA, entities: [] });
    await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    guides = new GuidePublishingService(suite.dataSource);
    catalogue = new CatalogueQueryService(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('makes the confirmed guide the current version, names who published it and why, and keeps the old one', async () => {
    const published = await guides.publish(admin, 'ZZ-T-018', guide());
    expect(published).toEqual(
      expect.objectContaining({ matterCode: 'ZZ-T-018', version: 2, publishedBy: admin.name }),
    );
    const matter = await catalogue.getMatter('ZZ-T-018');
    expect(matter.version).toBe(2);
    expect(matter.guide).toEqual(
      expect.objectContaining({
        legalBasis: '《法律援助法》第三十八条',
        committedLimitWorkingDays: 5,
        sources: expect.objectContaining({ materials: 'administrator', legalBasis: 'administrator' }),
      }),
    );
    const versions = await guides.versions(admin, 'ZZ-T-018');
    expect(versions.map((v) => [v.version, v.current, v.publishedByName, v.reason])).toEqual([
      [2, true, admin.name, '县审批局确认材料清单和时限'],
      [1, false, null, null],
    ]);
  });

  it('refuses a stale version, an inconsistent guide and another county’s administrator, changing nothing', async () => {
    expect(await refusal(guides.publish(admin, 'ZZ-T-018', guide({ expectedVersion: 1 })))).toEqual({
      code: 'CATALOGUE.GUIDE_VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    const inconsistent = guide({
      expectedVersion: 2,
      caseKind: '即办件',
      committedLimitWorkingDays: 3,
      materials: [
        { name: '申请表', issuer: '申请人', originals: 1, copies: 0, required: true },
        { name: '申请表', issuer: '申请人', originals: 0, copies: 0, required: true },
      ],
    });
    expect(await refusal(guides.publish(admin, 'ZZ-T-018', inconsistent))).toEqual({
      code: 'CATALOGUE.GUIDE_INVALID',
      details: {
        problems: [
          '即办件当场办结，承诺办结时限应为 0 个工作日',
          '申请材料“申请表”重复列出',
          '申请材料“申请表”的原件和复印件份数不能都为 0',
        ],
      },
    });
    expect(await refusal(guides.publish(otherAdmin, 'ZZ-T-018', guide({ expectedVersion: 2 })))).toEqual(
      expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
    );
    expect(await refusal(guides.publish(admin, 'ZZ-T-999', guide()))).toEqual(
      expect.objectContaining({ code: 'CATALOGUE.MATTER_NOT_FOUND' }),
    );
    expect((await catalogue.getMatter('ZZ-T-018')).version).toBe(2);
  });

  it('lets one of two administrators publishing on the same version win; the other is told to refresh', async () => {
    const attempts = await Promise.allSettled([
      guides.publish(admin, 'ZZ-T-017', guide({ reason: '甲' })),
      guides.publish(admin, 'ZZ-T-017', guide({ reason: '乙' })),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.find((a) => a.status === 'rejected')).toEqual(
      expect.objectContaining({
        reason: expect.objectContaining({ code: 'CATALOGUE.GUIDE_VERSION_CONFLICT' }),
      }),
    );
    expect((await guides.versions(admin, 'ZZ-T-017')).map((v) => v.version)).toEqual([2, 1]);
  });

  it('versions the 申请表 with the guide: a new form is checked and kept, an edit without one keeps the old', async () => {
    const seeded = await catalogue.getMatter('ZZ-T-016');
    expect(seeded.guide.form?.sections.length).toBeGreaterThan(0);
    expect(seeded.guide.sources.form).toBe('county-default');
    await guides.publish(admin, 'ZZ-T-016', guide({ expectedVersion: seeded.version }));
    const kept = await catalogue.getMatter('ZZ-T-016');
    expect(kept.guide.form).toEqual(seeded.guide.form);
    expect(kept.guide.sources.form).toBe('county-default');

    const form = {
      sections: [
        {
          title: '护理情况',
          fields: [{ key: 'careGiver', label: '护理人姓名', type: 'text', required: true }],
        },
      ],
    };
    await guides.publish(admin, 'ZZ-T-016', guide({ expectedVersion: kept.version, form }));
    const confirmed = await catalogue.getMatter('ZZ-T-016');
    expect(confirmed.guide.form).toEqual(form);
    expect(confirmed.guide.sources.form).toBe('administrator');

    const broken = {
      sections: [
        { title: '护理情况', fields: [{ key: 'Care Giver', label: '', type: 'text', required: true }] },
      ],
    };
    expect(
      await refusal(
        guides.publish(admin, 'ZZ-T-016', guide({ expectedVersion: confirmed.version, form: broken })),
      ),
    ).toEqual({
      code: 'CATALOGUE.GUIDE_INVALID',
      details: {
        problems: [
          '申请表第 1 栏“护理情况”的“Care Giver”：键名“Care Giver”应为小写字母开头的英文字母和数字',
          '申请表第 1 栏“护理情况”的“Care Giver”：没有名称',
        ],
      },
    });
    expect((await catalogue.getMatter('ZZ-T-016')).version).toBe(confirmed.version);
  });

  it('is never overwritten by the seed data on the next start', async () => {
    const summary = await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    expect(summary.newGuideVersions).toBe(0);
    const matter = await catalogue.getMatter('ZZ-T-018');
    expect(matter.version).toBe(2);
    expect(matter.guide.legalBasis).toBe('《法律援助法》第三十八条');
  });
});
