/** Inbox codes of the units inside a town's convenience service center and a village station. */
export declare const townUnit: {
  window: (town: string) => string;
  review: (town: string) => string;
  approval: (town: string) => string;
  seal: (town: string) => string;
};
export declare const villageStation: (village: string) => string;
//# sourceMappingURL=units.d.ts.map
