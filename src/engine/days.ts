/**
 * The learner's calendar: schedules say "due on Thursday", so what is due is counted in LOCAL days, not
 * in 24-hour spans from now. Pure: every function is handed the time (src/store/clock.ts gives it).
 * A separate module from the scheduler so the Today page can count what is due without loading FSRS.
 */

/** The start of the local day after the one `t` falls in: anything due before it is due that day. */
export function nextDayStart(t: number): number {
  const d = new Date(t);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/** The start of the local day `t` falls in. */
export function dayStart(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The local calendar day of `t`, as `YYYY-MM-DD`. */
export function localDay(t: number): string {
  const d = new Date(t);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * Local calendar days from `now`'s day to `due`'s day: 0 today (or earlier: a clock that jumped back
 * never shows "overdue by -2 days"), 1 tomorrow. Counted by dates, so a day of 23 or 25 hours (a change
 * of summer time) is still one day.
 */
export function daysUntil(due: number, now: number): number {
  const a = new Date(dayStart(now));
  const b = new Date(dayStart(due));
  const days = Math.round((Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) / 86_400_000);
  return Math.max(0, days);
}
