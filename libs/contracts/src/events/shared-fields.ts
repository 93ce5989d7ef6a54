/** How an application reached OneSeal (受理渠道). */
export const APPLICATION_CHANNELS = ['village-agent', 'town-window', 'online', 'kiosk'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/** The three levels a case travels through: 村 → 镇 → 县. */
export const ADMINISTRATIVE_LEVELS = ['village', 'town', 'county'] as const;
export type AdministrativeLevel = (typeof ADMINISTRATIVE_LEVELS)[number];

/** How a case ended (办结结果), as the national exchange names them; 撤件 is the applicant's withdrawal. */
export const CASE_RESULTS = [
  '准予',
  '出证',
  '不予许可',
  '退回',
  '作废',
  '补正不来',
  '撤件',
  '转报上级',
] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

/** Where a catalogue matter is handled first: the town's convenience service center or a village station. */
export const CATALOGUE_LEVELS = ['town', 'village'] as const;
export type CatalogueLevel = (typeof CATALOGUE_LEVELS)[number];
