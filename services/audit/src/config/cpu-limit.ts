import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * The cores this process may use: the machine's, or fewer under a container's CPU quota (Kubernetes `limits.cpu`),
 * which Node's availableParallelism() does not see. Rounded up: a limit of 1.5 cores can keep two threads busy part
 * of the time.
 */
export function usableCores(readQuota: () => string | undefined = cgroupQuota): number {
  const cores = availableParallelism();
  const quota = quotaCores(readQuota());
  return quota === undefined ? cores : Math.max(1, Math.min(cores, Math.ceil(quota)));
}

/** cgroup v2's cpu.max ("200000 100000", or "max 100000" for none) as cores; undefined when there is no quota. */
export function quotaCores(cpuMax: string | undefined): number | undefined {
  const [quota, period] = (cpuMax ?? '').trim().split(/\s+/);
  const cores = Number(quota) / Number(period);
  return Number.isFinite(cores) && cores > 0 ? cores : undefined;
}

function cgroupQuota(): string | undefined {
  try {
    return readFileSync('/sys/fs/cgroup/cpu.max', 'utf8');
  } catch {
    // cgroup v1 keeps quota and period apart; -1 is no quota.
    try {
      const quota = readFileSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us', 'utf8').trim();
      const period = readFileSync('/sys/fs/cgroup/cpu/cpu.cfs_period_us', 'utf8').trim();
      return quota === '-1' ? undefined : `${quota} ${period}`;
    } catch {
      return undefined;
    }
  }
}
