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

/** The county's 电子监察 (supervision) inbox: told of statutory overruns and of county bureaus running late. */
export const countySupervision = (county: string) => `${county}-supervision`;
