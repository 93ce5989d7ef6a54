import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountyUnit, DivisionsFile } from './demo-user-plan';

/** What planDemoUsers needs from seeds/: each county's towns and villages, and the county bureaus. */
export function readDemoSeeds(directory: string): {
  divisions: (county: string) => DivisionsFile;
  units: CountyUnit[];
} {
  const divisions = (county: string) =>
    JSON.parse(readFileSync(join(directory, 'divisions', `${county}.json`), 'utf8')) as DivisionsFile;
  const units: CountyUnit[] = readFileSync(join(directory, 'catalogue', 'county-units.tsv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [slug, name] = line.split('\t');
      return { slug, name };
    });
  return { divisions, units };
}
