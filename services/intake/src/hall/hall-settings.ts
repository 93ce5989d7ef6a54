import { queueCategory, type QueueCategoryCode } from '@oneseal/domain';

export interface HallWindow {
  number: number;
  name: string;
  categories: QueueCategoryCode[];
}

export interface HallSettings {
  town: string;
  county: string;
  centerName: string;
  windows: HallWindow[];
  slots: string[];
  slotCapacity: number;
  bookDaysAhead: number;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** What is wrong with a hall's settings, in the administrator's words (nothing when they hold). */
export function settingsProblems(settings: Pick<HallSettings, 'windows' | 'slots'>): string[] {
  const problems: string[] = [];
  const numbers = settings.windows.map((window) => window.number);
  const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  if (repeated.length) problems.push(`窗口号重复：${[...new Set(repeated)].join('、')} 号`);
  const spans = settings.slots.map((slot) => ({ slot, from: minutes(slot), to: minutes(slot.slice(6)) }));
  for (const span of spans)
    if (span.to <= span.from) problems.push(`时段 ${span.slot} 的结束时间应晚于开始时间`);
  // A reversed slot is named once, above; the overlaps are of the slots that make sense.
  const ordered = spans.filter((span) => span.to > span.from).sort((a, b) => a.from - b.from);
  for (let i = 1; i < ordered.length; i += 1)
    if (ordered[i].from < ordered[i - 1].to)
      problems.push(`时段 ${ordered[i - 1].slot} 与 ${ordered[i].slot} 重叠`);
  return problems;
}

/** The slots in the order of the day. */
export const inDayOrder = (slots: readonly string[]) => [...slots].sort((a, b) => minutes(a) - minutes(b));

/** Whether a slot has begun at a time of day (HH:MM, Beijing time). */
export const slotHasBegun = (slot: string, timeOfDay: string) => minutes(slot) <= minutes(timeOfDay);

/** The windows that call numbers of a category, by name (for the hall's screens). */
export const categoryNames = (window: HallWindow) =>
  window.categories.map((category) => queueCategory(category).name);

/** The time of day in Beijing (HH:MM), as slots are written. */
export const chinaTimeOfDay = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
