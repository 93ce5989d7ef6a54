// A process and what it forked, from /proc: PostgreSQL runs a backend per connection, and the bench counts its
// CPU and memory as one.
import { readFileSync } from 'node:fs';

/** The pids of a process's children; none when the process is gone or the kernel does not list them. */
export function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** `measure` of a process summed with its descendants'; undefined when the process itself is gone. */
export function overTree(pid, measure) {
  const own = measure(pid);
  if (own === undefined) return undefined;
  return childrenOf(pid).reduce((sum, child) => sum + (overTree(child, measure) ?? 0), own);
}
