/**
 * The province stand-in keeps what it was given in a state file (npm start's demo machine): across a restart, and
 * written as a journal of changes rather than rewritten whole.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

const STAND_IN = path.join(__dirname, 'provincial-exchange-stand-in.mjs');
// The stand-in's defaults (no PROVINCIAL_EXCHANGE_* set).
const APP_ID = 'oneseal-local';
const APP_SECRET = 'local-exchange-secret';

interface Running {
  url: string;
  child: ChildProcess;
}

async function start(stateFile: string): Promise<Running> {
  const env = { ...process.env };
  delete env.PROVINCIAL_EXCHANGE_APP_ID;
  delete env.PROVINCIAL_EXCHANGE_APP_SECRET;
  const child = spawn(process.execPath, [STAND_IN, '--port', '0', '--state-file', stateFile], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', done);
    child.once('exit', (code) => fail(new Error(`the stand-in exited with ${code}`)));
  });
  return { url: (JSON.parse(first) as { url: string }).url, child };
}

async function stop({ child }: Running): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** A request signed as intake's adapter signs it (docs/provincial-exchange.md). */
async function signed(url: string, method: string, pathname: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  const timestamp = String(Date.now());
  const nonce = randomUUID();
  const digest = createHash('sha256').update(text).digest('hex');
  const signature = createHmac('sha256', APP_SECRET)
    .update(`${method}\n${pathname}\n${timestamp}\n${nonce}\n${digest}`)
    .digest('hex');
  const response = await fetch(`${url}${pathname}`, {
    method,
    body: text,
    headers: {
      'content-type': 'application/json',
      'x-app-id': APP_ID,
      'x-timestamp': timestamp,
      'x-nonce': nonce,
      'x-signature': signature,
    },
  });
  return response.status;
}

interface Kept {
  guides: { matterCode: string; version: number }[];
  stages: { recordId: string; stage: string }[];
}
const kept = async ({ url }: Running): Promise<Kept> =>
  (await (await fetch(`${url}/_stand-in/state`)).json()) as Kept;

const stage = (recordId: string, name: string) => ({
  recordId,
  caseNumber: '140525-20261206-000001',
  matterCode: 'ZZ-T-007',
  stage: name,
  stageTime: '2026-12-06T10:00:00+08:00',
});
const guide = {
  matterCode: 'ZZ-T-007',
  matterName: '婚姻生育情况证明',
  version: 2,
  status: '在用',
  guide: {},
};

describe('the province stand-in’s state file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'oneseal-province-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps guides and stages across a restart, one line appended per change, a stage pushed twice kept once', async () => {
    const file = path.join(folder, 'province.json');
    const first = await start(file);
    expect(await signed(first.url, 'PUT', '/api/v1/guides/ZZ-T-007', guide)).toBe(200);
    expect(await signed(first.url, 'POST', '/api/v1/case-stages', stage('r1', '受理'))).toBe(200);
    expect(await signed(first.url, 'POST', '/api/v1/case-stages', stage('r1', '受理'))).toBe(200);
    expect(await signed(first.url, 'POST', '/api/v1/case-stages', stage('r2', '办结'))).toBe(200);
    await stop(first);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(3);

    const second = await start(file);
    expect(await signed(second.url, 'POST', '/api/v1/case-stages', stage('r3', '送达'))).toBe(200);
    const state = await kept(second);
    expect(state.guides.map((each) => [each.matterCode, each.version])).toEqual([['ZZ-T-007', 2]]);
    expect(state.stages.map((each) => [each.recordId, each.stage])).toEqual([
      ['r1', '受理'],
      ['r2', '办结'],
      ['r3', '送达'],
    ]);
    await stop(second);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });

  it('reads a file an earlier version wrote whole, and keeps it as a journal from then on', async () => {
    const file = path.join(folder, 'province.json');
    writeFileSync(
      file,
      JSON.stringify({
        guides: [['ZZ-T-007', guide]],
        stages: [
          ['r2', stage('r2', '办结')],
          ['r1', stage('r1', '受理')],
        ],
        stageOrder: ['r1', 'r2'],
        applications: [],
        answers: [],
      }),
    );
    const running = await start(file);
    expect((await kept(running)).stages.map((each) => each.recordId)).toEqual(['r1', 'r2']);
    await stop(running);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('has written a change by the time it answers, and forgets everything on reset, in the file too', async () => {
    const file = path.join(folder, 'province.json');
    const first = await start(file);
    expect(await signed(first.url, 'POST', '/api/v1/case-stages', stage('r1', '受理'))).toBe(200);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(1);
    await fetch(`${first.url}/_stand-in/reset`, { method: 'POST', body: '{}' });
    expect(readFileSync(file, 'utf8')).toBe('');
    await stop(first);
    const second = await start(file);
    expect((await kept(second)).stages).toEqual([]);
    await stop(second);
  });

  it('starts from a journal whose last line was cut short, without that change', async () => {
    const file = path.join(folder, 'province.json');
    const whole = `${JSON.stringify({ op: 'stage', record: stage('r1', '受理') })}\n`;
    writeFileSync(file, `${whole}${whole.slice(0, 20)}`);
    const running = await start(file);
    expect((await kept(running)).stages.map((each) => each.recordId)).toEqual(['r1']);
    // What comes next is a line of its own.
    expect(await signed(running.url, 'POST', '/api/v1/case-stages', stage('r2', '办结'))).toBe(200);
    await stop(running);
    const again = await start(file);
    expect((await kept(again)).stages.map((each) => each.recordId)).toEqual(['r1', 'r2']);
    await stop(again);
  });
});
