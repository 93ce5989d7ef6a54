/**
 * The bench's memory table (process-memory.mjs) reads real processes from the pid files `npm start` writes: here
 * a process with a child (as PostgreSQL forks its backends), a single one, and a pid file whose process is gone.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface Held {
  pssKb: number;
  peakKb?: number;
}

const MODULE = path.join(__dirname, 'process-memory.mjs');

describe('memory by process, as the bench prints it', () => {
  const started: ChildProcess[] = [];
  let state: string;

  beforeAll(() => {
    state = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
    mkdirSync(path.join(state, 'pids'));
  });

  afterAll(() => {
    // Each in a process group of its own: the shell's child goes with it.
    for (const child of started)
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    rmSync(state, { recursive: true, force: true });
  });

  const run = (command: string, args: string[]) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    started.push(child);
    return child;
  };
  const childrenOf = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    } catch {
      return '';
    }
  };
  const pidFile = (name: string, pid: number) =>
    writeFileSync(path.join(state, 'pids', `${name}.pid`), `${pid}\n`);
  /** The table's rows and what it printed, from a process of their own (the module is ESM). */
  const measured = (): { memory: Record<string, Held>; printed: string } =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { processMemory, printMemory } from ${JSON.stringify(MODULE)};
           const memory = processMemory({ state: ${JSON.stringify(state)} });
           const lines = []; const log = console.log; console.log = (line) => lines.push(line);
           printMemory(memory); console.log = log;
           process.stdout.write(JSON.stringify({ memory, printed: lines.join('\\n') }));`,
        ],
        { encoding: 'utf8' },
      ),
    ) as { memory: Record<string, Held>; printed: string };

  it('gives each process its share and its peak, a process tree its whole share, and leaves out what has ended', async () => {
    const single = run('sleep', ['60']);
    // A shell waiting on a child of its own, as the postmaster on its backends.
    const tree = run('sh', ['-c', 'sleep 60 & wait']);
    for (let waited = 0; childrenOf(tree.pid as number) === '' && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    pidFile('service-routing', single.pid as number);
    pidFile('postgres', tree.pid as number);
    const ended = run('true', []);
    await new Promise((resolve) => ended.once('exit', resolve));
    pidFile('kafka', ended.pid as number);

    const { memory, printed } = measured();
    expect(Object.keys(memory).sort()).toEqual(['postgres', 'routing']);
    expect(memory.routing.pssKb).toBeGreaterThan(0);
    expect(memory.routing.peakKb).toBeGreaterThanOrEqual(memory.routing.pssKb);
    // A tree's peak is nobody's on record: none is claimed.
    expect(memory.postgres.pssKb).toBeGreaterThan(0);
    expect(memory.postgres.peakKb).toBeUndefined();
    const total = Math.round((memory.routing.pssKb + memory.postgres.pssKb) / 1024);
    expect(printed.split('\n')[1]).toContain(`total ${total} MB`);
    expect(printed).toMatch(/routing\s+\d+ MB {3}peak\s+\d+ MB/);
    expect(printed).toMatch(/postgres\s+\d+ MB$/m);
  });
});
