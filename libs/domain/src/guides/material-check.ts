import type { GuideMaterial } from './matter-guide';

/**
 * A material as handed in: named as the guide names it, with how many originals and copies — or, filed online, how
 * many pages were uploaded (the paper is seen when the result is collected, or never for 全程网办).
 */
export interface SubmittedMaterial {
  name: string;
  originals: number;
  copies: number;
  pages?: number;
}

/** One line of a 补正 notice: what is still needed and why. */
export interface MaterialShortfall {
  name: string;
  issuer: string;
  originalsNeeded: number;
  copiesNeeded: number;
  problem: 'missing' | 'originals' | 'copies';
}

const normalise = (name: string) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/**
 * Everything the guide requires that the applicant has not handed in, all at once (行政许可法 art. 32: the
 * applicant is told everything missing in one notice). Optional materials never make a shortfall.
 */
export function findMaterialShortfalls(
  guide: readonly GuideMaterial[],
  submitted: readonly SubmittedMaterial[],
): MaterialShortfall[] {
  const handedIn = new Map<string, SubmittedMaterial>();
  for (const material of submitted) {
    const key = normalise(material.name);
    const earlier = handedIn.get(key);
    handedIn.set(
      key,
      earlier
        ? {
            name: material.name,
            originals: earlier.originals + material.originals,
            copies: earlier.copies + material.copies,
            pages: (earlier.pages ?? 0) + (material.pages ?? 0),
          }
        : material,
    );
  }
  const shortfalls: MaterialShortfall[] = [];
  for (const required of guide.filter((material) => material.required)) {
    const given = handedIn.get(normalise(required.name));
    const line = {
      name: required.name,
      issuer: required.issuer,
      originalsNeeded: required.originals,
      copiesNeeded: required.copies,
    };
    if (given?.pages) continue;
    if (!given || given.originals + given.copies === 0) shortfalls.push({ ...line, problem: 'missing' });
    else if (given.originals < required.originals) shortfalls.push({ ...line, problem: 'originals' });
    else if (given.copies < required.copies) shortfalls.push({ ...line, problem: 'copies' });
  }
  return shortfalls;
}

/** The 补正 notice line a clerk reads out or the applicant receives. */
export function describeShortfall(shortfall: MaterialShortfall): string {
  switch (shortfall.problem) {
    case 'missing':
      return `${shortfall.name}（原件 ${shortfall.originalsNeeded} 份、复印件 ${shortfall.copiesNeeded} 份）`;
    case 'originals':
      return `${shortfall.name}：原件不足，需 ${shortfall.originalsNeeded} 份`;
    case 'copies':
      return `${shortfall.name}：复印件不足，需 ${shortfall.copiesNeeded} 份`;
  }
}
