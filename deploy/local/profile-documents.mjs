// Until 2026-12-08 both profiles' seal services kept their PDFs in .oneseal/documents; since then the cluster profile
// has .oneseal/documents-cluster (each profile is an installation with a database of its own).
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a profile's own document folder from the files a shared one holds for it: each file named by one of `digests`
 * (the SM3 of the profile's documents kept in a folder) is linked (or, across file systems, copied) into `folder`; the shared folder keeps them, as the
 * check keeps any file no document names. The folder appears only once every link is made, so a start stopped halfway
 * does it again. Returns how many were linked; `folder` must not exist yet.
 */
export function linkProfileDocuments(shared, folder, digests) {
  if (existsSync(folder)) throw new Error(`${folder} exists already`);
  const staging = `${folder}.linking`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  let linked = 0;
  for (const sm3 of digests) {
    if (!/^[0-9a-f]{64}$/.test(sm3)) throw new Error(`not an SM3 digest: ${sm3}`);
    const file = join(sm3.slice(0, 2), `${sm3}.pdf.gz`);
    if (!existsSync(join(shared, file))) continue;
    mkdirSync(join(staging, sm3.slice(0, 2)), { recursive: true, mode: 0o700 });
    try {
      linkSync(join(shared, file), join(staging, file));
    } catch (error) {
      // Another file system, or one without hard links: a copy does the same (a kept PDF never changes).
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes(error.code)) throw error;
      copyFileSync(join(shared, file), join(staging, file), constants.COPYFILE_EXCL);
    }
    linked += 1;
  }
  renameSync(staging, folder);
  return linked;
}
