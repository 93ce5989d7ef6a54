import type { SeededPlaceNames } from '@oneseal/domain';

/**
 * What a supervisor typed, with any town named in it taken out as a place: "南村镇" (or "南村") narrows to that town,
 * "南村镇 婚姻" to that town's 婚姻 cases. The rest is searched as any case search reads it.
 */
export function townInWords(
  typed: string,
  county: string,
  places: SeededPlaceNames,
): { town?: string; rest: string } {
  const towns = places.townsOf(county).map((code) => ({ code, name: places.town(code) }));
  const words = typed.trim().split(/\s+/).filter(Boolean);
  let town: string | undefined;
  const rest = words.filter((word) => {
    const match = towns.find(
      (candidate) =>
        candidate.name === word || (word.length >= 2 && candidate.name.replace(/[镇乡]$/, '') === word),
    );
    if (!match || town) return true;
    town = match.code;
    return false;
  });
  return { ...(town ? { town } : {}), rest: rest.join(' ') };
}
