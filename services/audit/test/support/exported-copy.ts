import type { CheckpointsService, ExportedCheckpoints } from '../../src/checkpoints/checkpoints.service';

/** The file GET /audit/checkpoints/export writes, as an auditor keeps it: the parts written, read back whole. */
export async function exportedCopy(
  checkpoints: CheckpointsService,
  withHeads = true,
): Promise<ExportedCheckpoints> {
  const parts: string[] = [];
  await checkpoints.exportTo((part) => void parts.push(part), withHeads);
  return JSON.parse(parts.join('')) as ExportedCheckpoints;
}
