/**
 * How an application reached OneSeal (受理渠道). `provincial-portal`: filed on the province's 一网通办 portal and taken
 * in through the exchange with its 一体化在线政务服务平台.
 */
export const APPLICATION_CHANNELS = [
  'village-agent',
  'town-window',
  'online',
  'kiosk',
  'provincial-portal',
] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/**
 * The channels an applicant files on by themselves, over the internet (网上申请): what 网上办件率 counts, in the
 * online-handling report and in 考核 alike.
 */
export const ONLINE_CHANNELS = [
  'online',
  'provincial-portal',
] as const satisfies readonly ApplicationChannel[];
export type OnlineChannel = (typeof ONLINE_CHANNELS)[number];

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

/** 特别程序 that stop a case's clock (行政许可法 art. 45); an extension (延长审批) is not one of them: it adds days. */
export const SPECIAL_PROCEDURES = [
  '公示',
  '入户调查',
  '听证',
  '检测',
  '检验',
  '检疫',
  '鉴定',
  '专家评审',
] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

/** How a result reaches the applicant (送达方式). */
export const DELIVERY_METHODS = ['pick-up', 'express', 'electronic'] as const;

/**
 * How a result was actually handed over (the 送达回证's 送达方式): the ways an applicant may ask for, and 上门送达 — a
 * village agent bringing it to someone who cannot come in (上门服务).
 */
export const HANDOVER_METHODS = [...DELIVERY_METHODS, 'home'] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];

/** The carriers a result is posted by (邮寄送达), as the window picks them. */
export const EXPRESS_CARRIERS = [
  '中国邮政EMS',
  '顺丰速运',
  '京东物流',
  '中通快递',
  '圆通速递',
  '韵达快递',
  '申通快递',
  '极兔速递',
] as const;

/** A tracking number as carriers print them: letters, digits and dashes. */
export const TRACKING_NUMBER = /^[A-Za-z0-9-]{6,30}$/;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** 办件类型 (GB/T 39046): done on the spot, or within the committed limit. */
export const CASE_KINDS = ['即办件', '承诺件'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
