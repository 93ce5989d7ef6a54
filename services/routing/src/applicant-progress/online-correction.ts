import type { CaseStatus } from '@oneseal/contracts';
import type { CaseFilePage } from './case-file-pages.client';

/**
 * What a 补正 awaited online still lacks: each material it asks for needs a page uploaded as a 补正 since it was
 * asked for (a page of an earlier 补正 answered an earlier request).
 */
export function correctionStillMissing(status: CaseStatus, pages: readonly CaseFilePage[]): string[] {
  const asked = status.correction?.missingMaterials ?? [];
  const requestedAt = [...status.history]
    .reverse()
    .find((record) => record.outcome === 'request-correction')?.decidedAt;
  const since = requestedAt ? Date.parse(requestedAt) : Number.NEGATIVE_INFINITY;
  return asked.filter(
    (name) =>
      !pages.some(
        (page) =>
          page.stage === 'correction' && page.materialName === name && Date.parse(page.addedAt) >= since,
      ),
  );
}
