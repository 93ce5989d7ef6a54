/** How an application reached OneSeal (受理渠道). */
export const APPLICATION_CHANNELS = ['village-agent', 'town-window', 'online', 'kiosk'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/** The three levels a case travels through: 村 → 镇 → 县. */
export const ADMINISTRATIVE_LEVELS = ['village', 'town', 'county'] as const;
export type AdministrativeLevel = (typeof ADMINISTRATIVE_LEVELS)[number];
