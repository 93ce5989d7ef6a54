// Memory held by each process of the running system, from /proc: its proportional share now (PSS: pages shared
// with others, such as PostgreSQL's shared buffers across its backends, counted once overall) and the most it has
// held resident since it started (VmHWM). PostgreSQL forks a backend per connection, so its figure is its tree's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childrenOf, overTree } from './process-tree.mjs';

/** kB of a field of /proc/<pid>/smaps_rollup or /proc/<pid>/status, undefined when the process is gone. */
function kilobytes(file, field) {
  try {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** { name: { pssKb, peakKb } } for every process whose pid file `npm start` wrote under `state`/pids. */
export function processMemory({ state }) {
  const pids = join(state, 'pids');
  if (!existsSync(pids)) return {};
  const memory = {};
  for (const file of readdirSync(pids).filter((name) => name.endsWith('.pid'))) {
    const pid = Number(readFileSync(join(pids, file), 'utf8').trim());
    const name = file.replace(/\.pid$/, '').replace(/^service-/, '');
    const pssKb = overTree(pid, (each) => kilobytes(`/proc/${each}/smaps_rollup`, 'Pss'));
    if (pssKb === undefined) continue;
    // A tree's peak is not on record: the root's alone would understate it, so none is given.
    const tree = childrenOf(pid).length > 0;
    memory[name] = { pssKb, peakKb: tree ? undefined : kilobytes(`/proc/${pid}/status`, 'VmHWM') };
  }
  return memory;
}

/** The table the bench prints: largest first, with the machine's whole in the heading. */
export function printMemory(memory) {
  const rows = Object.entries(memory).sort((a, b) => b[1].pssKb - a[1].pssKb);
  if (rows.length === 0) return;
  const mb = (kb) => `${(kb / 1024).toFixed(0).padStart(5)} MB`;
  const total = rows.reduce((sum, [, { pssKb }]) => sum + pssKb, 0);
  console.log(
    `\nmemory by process after the run (its share now; the most it held since it started) — total ${mb(total).trim()}:`,
  );
  for (const [name, { pssKb, peakKb }] of rows)
    console.log(`  ${name.padEnd(17)} ${mb(pssKb)}${peakKb === undefined ? '' : `   peak ${mb(peakKb)}`}`);
}
