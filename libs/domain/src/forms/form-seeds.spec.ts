import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadZezhouCatalogue } from '../catalogue/seeded-catalogue';
import { formFields } from './application-form';
import { FormSeedError, loadFormSeeds } from './form-seeds';

const seedsDir = join(__dirname, '../../../../seeds');
const read = (file: string) => readFileSync(join(seedsDir, file), 'utf8');

describe('the application forms of Zezhou’s 143 matters (seeds/forms/zezhou-forms.json)', () => {
  const forms = loadFormSeeds(read('forms/zezhou-forms.json'));
  const catalogue = loadZezhouCatalogue((file) => read(join('catalogue', file)));

  it('give every matter of the catalogue a form of its own, and name no matter the catalogue lacks', () => {
    const codes = catalogue.map((matter) => matter.code);
    expect([...forms.codes].sort()).toEqual([...codes].sort());
  });

  it('ask what a 给付 is paid to, and who lives in the household where the matter depends on it', () => {
    const keysOf = (code: string) => formFields(forms.forMatter(code)).map((field) => field.type);
    const named = (name: string) =>
      catalogue.filter((matter) => matter.name === name).map((matter) => matter.code);
    for (const code of named('临时救助')) expect(keysOf(code)).toContain('person-list');
    for (const code of named('最低生活保障申请')) {
      expect(keysOf(code)).toEqual(expect.arrayContaining(['person-list', 'bank-account']));
    }
  });

  it('refuse a seed that names a part it does not define', () => {
    expect(() => loadFormSeeds(JSON.stringify({ parts: {}, generic: ['missing'], matters: {} }))).toThrow(
      FormSeedError,
    );
  });
});
