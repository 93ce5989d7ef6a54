// CPU seconds used so far by each process of the running system: the services from their own /metrics
// (process_cpu_seconds_total), the engines from /proc/<pid>/stat (their pid files under the state folder).
// The bench reads it before and after its run; the difference per lifecycle is where the machine's time goes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overTree } from './process-tree.mjs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

async function serviceCpu(url) {
  try {
    const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith('process_cpu_seconds_total'));
    return line ? Number(line.trim().split(/\s+/).at(-1)) : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process and its waited-for children (fields 14–17 of /proc/<pid>/stat). */
function procCpu(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return ticks / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

export async function processCpu({ state, services, url }) {
  const cpu = {};
  for (const name of Object.keys(services)) {
    cpu[name] = await serviceCpu(url(name));
    // A second replica (cluster profile), from its pid file.
    const replica = join(state, 'pids', `service-${name}-2.pid`);
    if (existsSync(replica)) cpu[`${name}-2`] = procCpu(Number(readFileSync(replica, 'utf8').trim()));
  }
  // kafka-1…3 in the cluster profile.
  for (const engine of ['postgres', 'kafka', 'kafka-1', 'kafka-2', 'kafka-3', 'temporal']) {
    const pidFile = join(state, 'pids', `${engine}.pid`);
    if (existsSync(pidFile)) cpu[engine] = overTree(Number(readFileSync(pidFile, 'utf8').trim()), procCpu);
  }
  // What else `npm start` runs on the same cores: the province's stand-in (every case's stages go to it) and the
  // cluster profile's PostgreSQL exporter.
  for (const [name, file] of [
    ['province-stand-in', 'service-province-stand-in.pid'],
    ['postgres-exporter', 'postgres-exporter.pid'],
  ]) {
    const pidFile = join(state, 'pids', file);
    if (existsSync(pidFile)) cpu[name] = procCpu(Number(readFileSync(pidFile, 'utf8').trim()));
  }
  return cpu;
}
