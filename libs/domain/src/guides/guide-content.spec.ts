import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadZezhouCatalogue } from '../catalogue/seeded-catalogue';
import {
  mergeGuideResearch,
  researchFor,
  withResearchedContent,
  type GuideResearchFile,
} from './guide-content';
import { defaultGuide, type CountyGuideDefaults } from './matter-guide';

const seeds = join(__dirname, '../../../../seeds');
const files = readdirSync(join(seeds, 'guides'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(seeds, 'guides', file), 'utf8')) as GuideResearchFile);
const catalogue = loadZezhouCatalogue((file) => readFileSync(join(seeds, 'catalogue', file), 'utf8'));
const defaults = JSON.parse(
  readFileSync(join(seeds, 'catalogue', 'county-default-guide.json'), 'utf8'),
) as CountyGuideDefaults;

describe('guide content from public sources (seeds/guides)', () => {
  const research = mergeGuideResearch(files);

  it('covers every one of the 143 Zezhou matters under its catalogue name, each with a cited legal basis', () => {
    expect(catalogue).toHaveLength(143);
    for (const matter of catalogue) {
      const entry = files.map((file) => file.matters[matter.code]).find(Boolean);
      expect({ code: matter.code, name: entry?.name }).toEqual({ code: matter.code, name: matter.name });
      const content = research.byCode.get(matter.code);
      expect({ code: matter.code, cited: (content?.legalBasis.length ?? 0) > 0 }).toEqual({
        code: matter.code,
        cited: true,
      });
    }
    // Where no public source describes the steps, the guide page shows the route's steps as the county's default.
    const withoutProcess = catalogue
      .filter((matter) => !research.byCode.get(matter.code)?.process)
      .map((m) => m.code);
    expect(withoutProcess).toEqual([
      'ZZ-T-040',
      'ZZ-T-041',
      'ZZ-T-053',
      'ZZ-T-054',
      'ZZ-T-070',
      'ZZ-T-077',
      'ZZ-T-081',
      'ZZ-T-090',
      'ZZ-T-097',
      'ZZ-V-003',
      'ZZ-V-006',
    ]);
  });

  it('gives another county’s matter of the same level and name the same researched content, and no other', () => {
    const starter = readFileSync(join(seeds, 'catalogue', 'qinshui-starter-list.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([level, , name]) => ({
        level: level === '村级' ? ('village' as const) : ('town' as const),
        name,
      }));
    const found = starter.filter((matter) => researchFor(research, { code: 'QS-X', ...matter }));
    // 沁水县's starter list is built from the same township lists: every matter finds its researched content.
    expect(found).toHaveLength(starter.length);
    const relief = researchFor(research, { code: 'QS-T-002', level: 'town', name: '临时救助' });
    expect(relief).toBe(research.byCode.get('ZZ-T-002'));
    expect(researchFor(research, { code: 'QS-T-999', level: 'town', name: '没有这个事项' })).toBeUndefined();
    // A village matter is not a town matter of the same name.
    const villageOnly = [...research.byName.keys()].find(
      (key) => key.startsWith('village:') && !research.byName.has(`town:${key.slice('village:'.length)}`),
    );
    expect(villageOnly).toBeDefined();
    expect(
      researchFor(research, {
        code: 'QS-T-998',
        level: 'town',
        name: villageOnly?.slice('village:'.length) ?? '',
      }),
    ).toBeUndefined();
  });

  it('cites only sources its file defines, and a statutory limit only with a source', () => {
    for (const content of research.byCode.values()) {
      for (const basis of content.legalBasis) expect(content.sources[basis.source]).toBeDefined();
      if (content.statutoryLimit) expect(content.statutoryLimit.source).not.toBe('');
    }
  });

  it('puts the cited basis and fee into the guide, marked as from public sources; the county default materials stay what is checked', () => {
    const relief = catalogue.find((matter) => matter.code === 'ZZ-T-002');
    if (!relief) throw new Error('ZZ-T-002 missing');
    const guide = withResearchedContent(defaultGuide(relief, defaults), research.byCode.get('ZZ-T-002'));
    expect(guide.legalBasis).toContain('《社会救助暂行办法》（国务院令第649号');
    expect(guide.legalBasis).toContain('第四十七条、第四十八条');
    expect(guide.legalBasis?.split('《社会救助暂行办法》')).toHaveLength(2);
    expect(guide.sources.legalBasis).toBe('public-source');
    expect(guide.sources.materials).toBe('county-default');
    expect(guide.materials).toEqual(defaults.materials);
    expect(guide.content?.researchedMaterials?.items.map((m) => m.name)).toContain('临时救助申请表');
    expect(guide.content?.process?.steps.map((step) => step.name)).toEqual([
      '申请',
      '受理',
      '调查审核',
      '审批',
      '发放',
    ]);
  });
});
