/** Inbox codes of the units inside a town's convenience service center and a village station. */
export const townUnit = {
  window: (town: string) => `${town}-window`,
  review: (town: string) => `${town}-review`,
  approval: (town: string) => `${town}-approval`,
  seal: (town: string) => `${town}-seal`,
};

export const villageStation = (village: string) => `${village}-station`;
