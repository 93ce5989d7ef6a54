#!/usr/bin/env node
// npm run history -- [--cases N] [--years Y] [--town CODE] [--seed S]
//
// Loads N concluded cases of the past Y years (default 1,000,000 over 2) into the running system's database, as if
// OneSeal had handled them: applications, routed cases, review tasks, messages, ratings and every case's audit
// stream, chained with the audit service's key so the auditor's verification holds. Town-decided matters only (办理方式
// 空); documents are not generated (their PDFs would take about 150 KB a case), so stamps appear in the audit record
// (seal.document-stamped) but not in the seal registry. Rows are marked: applications carry the idempotency key
// `oneseal-history:<run>:<n>`, messages the provider `history-generator`. What was loaded stays (the audit log
// only grows); to start again from nothing, `npm run stop` and remove `.oneseal/pg`.
//
// Each batch of cases goes in as one transaction of COPY statements through psql, so a stopped run leaves whole cases.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { engineEnv, localSecret, root } from '../../local/local-system.mjs';
import { beijingDate, historicalCase, randomSource, townStaff, workingMoment } from './history-case.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    years: { type: 'string', default: '2' },
    batch: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    writers: { type: 'string', default: '2' },
    town: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const CASES = Number(options.cases);
const YEARS = Number(options.years);
const BATCH = Number(options.batch);
if (!(Number.isInteger(CASES) && CASES > 0) || !(YEARS > 0) || !(BATCH > 0)) {
  console.error('usage: npm run history -- [--cases N] [--years Y] [--town CODE] [--batch B] [--seed S]');
  process.exit(2);
}
const random = randomSource(options.seed === undefined ? undefined : Number(options.seed));

/** The columns each table is loaded with, in the order the builder's rows name them. */
const TABLES = [
  'intake.applications',
  'routing.routed_cases',
  'routing.service_ratings',
  'approval.review_tasks',
  'notification.notifications',
  'audit.events',
];

/** COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
function copyValue(value) {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : text;
}

/** A psql session that runs batch scripts (BEGIN; COPY …; COMMIT;) from its standard input, in order. */
function copyWriter(engines) {
  const psql = spawn(join(engines.PG_BIN, 'psql'), [
    engines.DATABASE_URL,
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
  ]);
  let error = '';
  const writer = { committed: 0 };
  psql.stdout.on('data', (chunk) => {
    writer.committed += (String(chunk).match(/^COMMIT$/gm) ?? []).length;
  });
  psql.stderr.on('data', (chunk) => (error += chunk));
  // A refused batch ends the session; what psql said is the error, not the broken pipe that follows.
  psql.stdin.on('error', () => {});
  const done = new Promise((resolve, reject) =>
    psql.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql failed: ${error.trim()}`)))),
  );
  writer.write = (text) =>
    psql.stdin.write(text)
      ? Promise.resolve()
      : Promise.race([new Promise((resolve) => psql.stdin.once('drain', resolve)), done]);
  writer.end = () => {
    psql.stdin.end();
    return done;
  };
  return writer;
}
const committed = (writers) => writers.reduce((sum, writer) => sum + writer.committed, 0);

async function referenceData(client) {
  const towns = (
    await client.query(`SELECT code, county_code AS county, name FROM intake.towns ORDER BY code`)
  ).rows;
  const matters = (
    await client.query(`
      SELECT m.code, m.county_code AS county, m.name, m.type_code AS "typeCode", m.unit_code AS "unitCode",
             v.version, v.guide
        FROM intake.matters m
        JOIN intake.matter_versions v ON v.matter_code = m.code AND v.version = m.current_version
       WHERE m.level = 'town' AND m.handling_mode = '' AND m.withdrawn_at IS NULL`)
  ).rows
    .map(({ guide, ...matter }) => ({
      ...matter,
      caseKind: guide.caseKind,
      committedLimitWorkingDays: Math.max(1, Number(guide.committedLimitWorkingDays) || 10),
      statutoryLimitWorkingDays: Number(guide.statutoryLimitWorkingDays) || undefined,
      legalBasis: typeof guide.legalBasis === 'string' && guide.legalBasis ? guide.legalBasis : undefined,
      materials: (guide.materials ?? []).map(({ name, copies, originals }) => ({ name, copies, originals })),
    }))
    // 即办件 are decided at the window on the spot; history models the multi-step 承诺件.
    .filter((matter) => matter.caseKind === '承诺件');
  const seals = new Map(
    (
      await client.query(
        `SELECT DISTINCT ON (town) town, id FROM seal.seals WHERE status = '启用' AND town IS NOT NULL ORDER BY town, id`,
      )
    ).rows.map((row) => [row.town, row.id]),
  );
  const organs = new Map(
    (
      await client.query(
        `SELECT code, number_pattern AS "numberPattern" FROM seal.issuing_organs WHERE level = 'town'`,
      )
    ).rows.map((row) => [row.code, row]),
  );
  // Receipt numbers are unique per county: history continues after the highest number already given each day.
  const receiptsGiven = new Map(
    (
      await client.query(`
        SELECT county || substr(receipt_number, 8, 8) AS day, max(substr(receipt_number, 17)::int) AS last
          FROM intake.applications WHERE receipt_number ~ '^\\d{6}-\\d{8}-\\d{6}$' GROUP BY 1`)
    ).rows.map((row) => [row.day, Number(row.last)]),
  );
  return { towns, matters, seals, organs, receiptsGiven };
}

async function main() {
  const engines = engineEnv();
  const keys = {
    personalData: Buffer.from(localSecret('PERSONAL_DATA_KEY'), 'hex'),
    lookup: Buffer.from(localSecret('APPLICANT_LOOKUP_KEY'), 'hex'),
    chain: Buffer.from(localSecret('AUDIT_CHAIN_KEY'), 'hex'),
  };
  const client = new Client({ connectionString: engines.DATABASE_URL });
  await client.connect();
  const reference = await referenceData(client).finally(() => client.end());
  const countyMatters = new Map();
  for (const matter of reference.matters)
    countyMatters.set(matter.county, [...(countyMatters.get(matter.county) ?? []), matter]);
  const mattersOf = (county) => countyMatters.get(county) ?? [];
  // Towns whose seal, issuing organ and county catalogue exist: a county whose catalogue is not imported yet has none.
  const towns = reference.towns.filter(
    (town) =>
      reference.seals.has(town.code) &&
      reference.organs.has(town.code) &&
      mattersOf(town.county).length > 0 &&
      (options.town === undefined || town.code === options.town),
  );
  if (towns.length === 0 || reference.matters.length === 0)
    throw new Error(
      options.town
        ? `town ${options.town} is unknown, or has no seal, issuing organ or town-decided matters yet`
        : 'no towns with seals or no town-decided matters: run `npm start` (it seeds them) first',
    );

  const staff = new Map(towns.map((town) => [town.code, townStaff(town, random)]));
  const documentNumbers = new Map();
  const runId = randomUUID().slice(0, 8);
  // Cases of the past only: the last one filed four days ago (a weekend may move it to the next working morning), so
  // none shares a day (and a receipt counter) with now, and each is over by the time the load starts.
  const latest = Date.now();
  const newest = latest - 4 * 86_400_000;
  const oldest = newest - YEARS * 365 * 86_400_000;

  // Two psql sessions take batches in turn: one PostgreSQL backend alone is what limits the load. Each session loads
  // the cases of its own towns: the triggers that keep a town's daily counts (routing.town_days) lock a town's rows,
  // and two sessions writing the same towns in different orders deadlocked.
  const writers = Array.from({ length: Math.min(Number(options.writers), towns.length) }, () =>
    copyWriter(engines),
  );
  const townsOf = writers.map((_, writer) =>
    towns.filter((_town, index) => index % writers.length === writer),
  );
  let nextWriter = 0;
  const inFlight = [];

  const began = performance.now();
  let rowsWritten = 0;
  // One case's receipt, as its applicant holds it on paper: what a check of the loaded history can look up.
  let sample;
  let eventsWritten = 0;
  for (let start = 0; start < CASES; start += BATCH) {
    const tables = new Map(TABLES.map((table) => [table, { columns: undefined, lines: [] }]));
    const batchTowns = townsOf[nextWriter];
    for (let index = start; index < Math.min(CASES, start + BATCH); index += 1) {
      const town = batchTowns[Math.floor(random() * batchTowns.length)];
      const matter = mattersOf(town.county)[Math.floor(random() * mattersOf(town.county).length)];
      const submittedAt = workingMoment(oldest + Math.floor(random() * (newest - oldest)));
      const day = `${town.county}${beijingDate(submittedAt).replaceAll('-', '')}`;
      const sequence = (reference.receiptsGiven.get(day) ?? 0) + 1;
      reference.receiptsGiven.set(day, sequence);
      const built = historicalCase(
        {
          town,
          matter,
          staff: staff.get(town.code),
          seal: reference.seals.get(town.code),
          organ: reference.organs.get(town.code),
          keys,
          submittedAt,
          latest,
          receiptNumber: `${town.county}-${day.slice(6)}-${String(sequence).padStart(6, '0')}`,
          documentNumber: (year) => {
            const key = `${town.code}:${year}`;
            const next = (documentNumbers.get(key) ?? 0) + 1;
            documentNumbers.set(key, next);
            return next;
          },
          runId,
          index,
        },
        random,
      );
      sample = { receiptNumber: built.receiptNumber, queryCode: built.queryCode };
      for (const [table, rows] of Object.entries(built.rows)) {
        const target = tables.get(table);
        for (const row of rows) {
          target.columns ??= Object.keys(row);
          target.lines.push(target.columns.map((column) => copyValue(row[column])).join('\t'));
        }
      }
    }
    let script = 'BEGIN;\n';
    for (const [table, { columns, lines }] of tables) {
      if (lines.length === 0) continue;
      script += `COPY ${table} (${columns.join(', ')}) FROM STDIN;\n${lines.join('\n')}\n\\.\n`;
      rowsWritten += lines.length;
      if (table === 'audit.events') eventsWritten += lines.length;
    }
    // The next batch is built while PostgreSQL takes this one: wait only when every session has one queued.
    inFlight.push(writers[nextWriter].write(`${script}COMMIT;\n\\echo COMMIT\n`));
    nextWriter = (nextWriter + 1) % writers.length;
    if (inFlight.length >= writers.length) await inFlight.shift();
    if (!options.quiet && (start / BATCH) % 25 === 24) {
      const seconds = (performance.now() - began) / 1000;
      console.log(
        `  ${Math.min(CASES, start + BATCH)} cases built, ${committed(writers) * BATCH} committed (${seconds.toFixed(0)} s)`,
      );
    }
  }
  await Promise.all(writers.map((writer) => writer.end()));
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `loaded ${CASES} historical cases (${eventsWritten} audit events, ${rowsWritten} rows) in ${seconds.toFixed(1)} s = ${(CASES / seconds).toFixed(0)} cases per second`,
  );
  console.log(`run ${runId}: applications with idempotency key oneseal-history:${runId}:<n>`);
  console.log(
    JSON.stringify({ runId, cases: CASES, events: eventsWritten, rows: rowsWritten, seconds, sample }),
  );
}

main().catch((error) => {
  console.error(`history: ${error.message}`);
  process.exit(1);
});
