import { readFileSync, realpathSync } from 'node:fs';

/** The mount a path lies on, as the kernel lists it for this process. */
export interface MountOfPath {
  mountPoint: string;
  fsType: string;
}

/** File systems held in memory: what is kept there is gone when the container (or the machine) restarts. */
const IN_MEMORY = new Set(['tmpfs', 'ramfs']);

/** A mount point as /proc/self/mountinfo writes it: space, tab, newline and backslash as octal escapes. */
const unescaped = (field: string) =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

const within = (path: string, mountPoint: string) =>
  mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);

/**
 * The mount `path` (absolute, symbolic links resolved) lies on, from the text of /proc/self/mountinfo: the deepest
 * mount point that holds it (the last listed wins, as a later mount over the same point hides the earlier one).
 */
export function mountOf(path: string, mountinfo: string): MountOfPath {
  let found: MountOfPath = { mountPoint: '/', fsType: 'unknown' };
  for (const line of mountinfo.split('\n')) {
    // "36 35 98:0 /root /mnt/point rw,noatime shared:1 - ext4 /dev/sda1 rw": the mount point is the fifth field, the
    // file system's type the first after the lone "-".
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (fields.length < 7 || separator < 0) continue;
    const mountPoint = unescaped(fields[4]);
    if (within(path, mountPoint) && mountPoint.length >= found.mountPoint.length)
      found = { mountPoint, fsType: fields[separator + 1] ?? 'unknown' };
  }
  return found;
}

/**
 * Why `folder` is no place for what must outlast a container, or undefined when it is a volume mounted there: the
 * container's own file system goes with the container, and one in memory with every restart. A bind mount counts as
 * mounted even on the device of `/` (as some container runtimes lay their root out), which the device alone would not
 * show. What cannot be told from inside: a volume that lives only as long as its pod (Kubernetes' emptyDir on disk) or
 * only on one node (hostPath).
 */
export function volumeProblem(folder: string, mountinfoPath = '/proc/self/mountinfo'): string | undefined {
  const mount = mountOf(realpathSync(folder), readFileSync(mountinfoPath, 'utf8'));
  if (mount.mountPoint === '/') return "is on the container's own file system, not on a mounted volume";
  if (IN_MEMORY.has(mount.fsType))
    return `is on a file system in memory (${mount.fsType} at ${mount.mountPoint}), lost when the container restarts`;
  return undefined;
}
