/** A rate as reports show it: the part of the whole to three decimals (one decimal of a percent); null of nothing. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}
