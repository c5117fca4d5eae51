/**
 * The Today page's rules over the attempt log: the days in a row practised and each set's mastery. Pure:
 * days arrive as local-day numbers (src/store/today.ts turns times into them, in the learner's time
 * zone), the present as an argument.
 */

/** How far back mastery looks: the last 14 local days, today included. */
export const MASTERY_DAYS = 14;

/**
 * Days in a row practised, ending today, or yesterday while today is not practised yet (a streak is not
 * lost before the day is over). A day after `today` (a clock set back since) counts as today: the
 * practice happened, and the streak neither breaks nor runs into the future.
 */
export function daysInARow(days: Iterable<number>, today: number): number {
  const seen = new Set<number>();
  for (const day of days) seen.add(Math.min(day, today));
  let day = seen.has(today) ? today : today - 1;
  let count = 0;
  while (seen.has(day)) {
    count += 1;
    day -= 1;
  }
  return count;
}

/** One graded check as mastery reads it: its local day and each blank right or wrong. */
export interface CheckedBlanks {
  readonly day: number;
  readonly c: Readonly<Record<string, boolean>>;
}

/**
 * Blanks recalled correctly in the recent past: over every check in the last MASTERY_DAYS local days
 * (today included; a check dated after today, by a clock set back, counts as today's), how many blank
 * answers were right of how many were given.
 */
export function mastery(checks: Iterable<CheckedBlanks>, today: number): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const { day, c } of checks) {
    if (day <= today - MASTERY_DAYS) continue;
    for (const ok of Object.values(c)) {
      total += 1;
      if (ok === true) right += 1;
    }
  }
  return { right, total };
}
