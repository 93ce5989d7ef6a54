// An open-loop working day for `npm run bench -- --day SECONDS`: applications arrive when people come, not when
// the system is ready for the next one. A service hall's day (08:30–17:30, China Standard Time) in half hours, with
// its morning peak and the lunch lull, compressed into SECONDS; each arrival is filed and then handled by the clerks
// however many are still in flight. Reports what was refused at the window, what ended late and what was lost.
import { randomInt } from 'node:crypto';

/** Relative arrivals per half hour from 08:30: a peak from 09:30 to 11:00, a lull over lunch, a second smaller peak. */
export const HALF_HOURS = [
  ['08:30', 0.6],
  ['09:00', 1.4],
  ['09:30', 1.8],
  ['10:00', 2.0],
  ['10:30', 1.8],
  ['11:00', 1.3],
  ['11:30', 0.8],
  ['12:00', 0.2],
  ['12:30', 0.2],
  ['13:00', 0.2],
  ['13:30', 0.2],
  ['14:00', 0.5],
  ['14:30', 1.0],
  ['15:00', 1.1],
  ['15:30', 1.0],
  ['16:00', 0.9],
  ['16:30', 0.7],
  ['17:00', 0.4],
];

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** When each of `cases` arrivals comes, in ms from the start, each half hour getting its share at random moments. */
export function arrivalTimes(cases, daySeconds) {
  const total = HALF_HOURS.reduce((sum, [, weight]) => sum + weight, 0);
  const slotMs = (daySeconds * 1000) / HALF_HOURS.length;
  const times = [];
  let placed = 0;
  HALF_HOURS.forEach(([, weight], slot) => {
    const share = slot === HALF_HOURS.length - 1 ? cases - placed : Math.round((cases * weight) / total);
    for (let i = 0; i < share && placed < cases; i += 1, placed += 1)
      times.push(slot * slotMs + randomInt(0, Math.max(1, Math.floor(slotMs))));
  });
  return times.sort((a, b) => a - b);
}

function p95(samples) {
  if (samples.length === 0) return '     –';
  const sorted = [...samples].sort((a, b) => a - b);
  return `${(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] / 1000).toFixed(1).padStart(5)} s`;
}

export async function runDay({ driver, cases, daySeconds, lateAfterSeconds, graceSeconds }) {
  const times = arrivalTimes(cases, daySeconds);
  const slotMs = (daySeconds * 1000) / HALF_HOURS.length;
  const bySlot = HALF_HOURS.map(() => ({ arrivals: 0, taskVisible: [], wholeCase: [] }));
  const refused = new Map();
  let acknowledged = 0;
  let concluded = 0;
  let late = 0;
  const lost = [];
  const began = performance.now();
  const dayEnds = began + daySeconds * 1000;
  const peak = Math.max(...HALF_HOURS.map(([, weight]) => weight));
  const perSecondAtPeak =
    (cases * peak) / HALF_HOURS.reduce((sum, [, weight]) => sum + weight, 0) / (slotMs / 1000);
  console.log(
    `\nopen-loop day: ${cases} arrivals over ${daySeconds} s (08:30–17:30 compressed ${((9 * 3600) / daySeconds).toFixed(0)}×), peak ${perSecondAtPeak.toFixed(1)} per second at 10:00`,
  );

  await Promise.all(
    times.map(async (at) => {
      await pause(Math.max(0, began + at - performance.now()));
      const slot = bySlot[Math.min(HALF_HOURS.length - 1, Math.floor(at / slotMs))];
      slot.arrivals += 1;
      const arrived = performance.now();
      let submitted;
      try {
        submitted = await driver.submit('开放到达申请人');
      } catch (error) {
        const why = error.status ? `HTTP ${error.status}` : String(error.message).split(' ')[0];
        refused.set(why, (refused.get(why) ?? 0) + 1);
        return;
      }
      acknowledged += 1;
      const timings = { taskVisible: slot.taskVisible };
      const patience = Math.max(1000, dayEnds + graceSeconds * 1000 - performance.now());
      try {
        await driver.handle(submitted, timings, patience);
      } catch {
        lost.push(submitted.caseId);
        return;
      }
      const took = performance.now() - arrived;
      slot.wholeCase.push(took);
      concluded += 1;
      if (took > lateAfterSeconds * 1000) late += 1;
    }),
  );

  const refusedCount = [...refused.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `offered ${cases}, acknowledged ${acknowledged}, refused at the window ${refusedCount}${refusedCount ? ` (${[...refused].map(([why, n]) => `${why} ×${n}`).join(', ')})` : ''}`,
  );
  console.log(
    `concluded ${concluded}: within ${lateAfterSeconds} s ${concluded - late}, late ${late}; lost ${lost.length} (not concluded ${graceSeconds} s after the day)`,
  );
  console.log('half hour  arrivals  task visible p95  whole case p95');
  HALF_HOURS.forEach(([start], index) => {
    const slot = bySlot[index];
    console.log(
      `  ${start}   ${String(slot.arrivals).padStart(6)}  ${p95(slot.taskVisible).padStart(16)}  ${p95(slot.wholeCase).padStart(14)}`,
    );
  });
  return { refused: refusedCount, lost: lost.length, late };
}
