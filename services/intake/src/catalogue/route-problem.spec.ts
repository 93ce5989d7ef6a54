import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultGuide, loadZezhouCatalogue, townTwinOf, type CatalogueRow } from '@oneseal/domain';
import { routeProblem } from './catalogue-seeder';

const seeds = join(resolve(__dirname, '../../../..'), 'seeds');
const catalogue = loadZezhouCatalogue((file) => readFileSync(join(seeds, 'catalogue', file), 'utf8'));
const defaults = JSON.parse(
  readFileSync(join(seeds, 'catalogue', 'county-default-guide.json'), 'utf8'),
) as Parameters<typeof defaultGuide>[1];

describe('seeding checks every matter’s route against its guide', () => {
  it('finds a route that fits its committed limit for each of the 143 matters', () => {
    expect(catalogue).toHaveLength(143);
    const problems = catalogue
      .map((matter) => routeProblem(matter, defaultGuide(matter, defaults), townTwinOf(matter, catalogue)))
      .filter((problem) => problem !== undefined);
    expect(problems).toEqual([]);
  });

  it('names the matter whose route cannot be derived, so the seed is refused before anything is written', () => {
    const broken = {
      ...catalogue[0],
      code: 'ZZ-T-999',
      handlingMode: '乡级负责审批',
    } as unknown as CatalogueRow;
    expect(routeProblem(broken, { caseKind: '承诺件', committedLimitWorkingDays: 10 })).toBe(
      '事项 ZZ-T-999 的办理方式“乡级负责审批”没有对应的办理路径',
    );
  });
});
