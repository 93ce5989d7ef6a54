import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDemoUsers, type DivisionsFile } from '../../src/demo-users/demo-user-plan';

const seeds = join(__dirname, '../../../../seeds');

/** The demo accounts exactly as the seed command plans them from seeds/. */
export function plannedDemoUsers() {
  const divisions = (county: string) =>
    JSON.parse(readFileSync(join(seeds, 'divisions', `${county}.json`), 'utf8')) as DivisionsFile;
  const units = readFileSync(join(seeds, 'catalogue/county-units.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [slug, name] = line.split('\t');
      return { slug, name };
    });
  return planDemoUsers(divisions, units);
}
