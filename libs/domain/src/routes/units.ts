/** Inbox codes of the units inside a town's convenience service center and a village station. */
export const townUnit = {
  window: (town: string) => `${town}-window`,
  review: (town: string) => `${town}-review`,
  approval: (town: string) => `${town}-approval`,
  seal: (town: string) => `${town}-seal`,
};

export const villageStation = (village: string) => `${village}-station`;

/** The village whose station an inbox code names, or undefined for any other unit. */
export function villageOfStation(unitCode: string): string | undefined {
  const match = /^(\d{12})-station$/.exec(unitCode);
  return match?.[1];
}

/** A county bureau's inbox: the county's code and the bureau's short name (140525 + mz → 140525-mz). */
export const countyUnitCode = (county: string, slug: string) => `${county}-${slug}`;

/** The county's 电子监察 (supervision) inbox: told of statutory overruns and of county bureaus running late. */
export const countySupervision = (county: string) => `${county}-supervision`;

/** The names places and units go by, to name an inbox code as a clerk says it. */
export interface PlaceNames {
  county?: { code: string; name: string };
  towns: ReadonlyMap<string, string>;
  villages: ReadonlyMap<string, string>;
  /** County bureaus by unit code (140525-mz → 县民政局). */
  bureaus: ReadonlyMap<string, string>;
}

const TOWN_UNIT_NAMES: Record<string, (town: string) => string> = {
  window: (town) => `${town}便民服务中心综合受理窗口`,
  review: (town) => `${town}便民服务中心审核岗`,
  approval: (town) => `${town}分管领导（审批决定）`,
  seal: (town) => `${town}行政审批服务专用章管理`,
};

/**
 * What an inbox unit is called: a town's window, review desk, deciding leader or seal keeper; a village station; a
 * county bureau; the county's 电子监察. Undefined for a code it cannot place (a caller shows the code itself).
 */
export function unitName(unitCode: string, names: PlaceNames): string | undefined {
  const village = villageOfStation(unitCode);
  if (village) {
    const name = names.villages.get(village);
    // The station is the village's, not its committee's: 南村村委会 → 南村村便民服务站, 杨洼社区居民委员会 → 杨洼社区便民服务站.
    return name
      ? `${name.replace(/(村民委员会|村委会|居民委员会|居委会)$/, (suffix) => (suffix.startsWith('村') ? '村' : ''))}便民服务站`
      : undefined;
  }
  const townUnit = /^(\d{9})-(window|review|approval|seal)$/.exec(unitCode);
  if (townUnit) {
    const town = names.towns.get(townUnit[1]);
    return town ? TOWN_UNIT_NAMES[townUnit[2]](town) : undefined;
  }
  if (names.county && unitCode === countySupervision(names.county.code))
    return `${names.county.name}电子监察`;
  return names.bureaus.get(unitCode);
}
