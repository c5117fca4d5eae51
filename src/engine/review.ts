/**
 * Review: which tasks come back, and when. A task the learner got wrong at least once (a wrong check, in
 * any mode and any set) is reviewable; its schedule is DERIVED from the attempt log, never stored beside
 * it (Anki's rule: history is the record, schedules are computed from it), so a merged or imported log
 * brings its schedule with it and a better scheduler can replace this one losing nothing.
 *
 * The log is read in sittings: the checks of one task in one mode on one local day, up to the one that
 * solves it. Each sitting is one FSRS rating, at its last check: solved at its first check Good, solved
 * after a wrong check Hard, never solved Again (a wrong check is Again). A task leaves review once it is
 * stable: FSRS stability of at least STABLE_DAYS (recall still 90% three weeks on); a later wrong check
 * brings it back.
 */
import { localDay } from './days.ts';
import { replay, type Grade, type Schedule } from './schedule.ts';
import { everWrong, isCheck, type LogLine } from './review-items.ts';

export type { LogLine };

/** Stability (days) from which a task has left review. */
export const STABLE_DAYS = 21;

/** The ratings a task's log lines give, one per sitting, in the log's order. */
export function reviewRatings(lines: readonly LogLine[]): [number, Grade][] {
  const out: [number, Grade][] = [];
  let open: { at: number; mode: string; day: string } | null = null;
  for (const line of lines) {
    if (!isCheck(line)) continue;
    const day = localDay(line.t);
    if (open && (open.mode !== line.m || open.day !== day)) {
      out.push([open.at, 1]);
      open = null;
    }
    if (line.s) {
      out.push([line.t, open ? 2 : 3]);
      open = null;
    } else open = { at: line.t, mode: line.m, day };
  }
  if (open) out.push([open.at, 1]);
  return out;
}

/** The task's review schedule, or undefined when it was never got wrong. */
export const reviewSchedule = (lines: readonly LogLine[]): Schedule | undefined => (everWrong(lines) ? replay(reviewRatings(lines)) : undefined);

export const isStable = (s: Schedule): boolean => s.stab >= STABLE_DAYS;

/**
 * Every reviewable task's schedule, stable or not, from the logs of every set (item
 * `<set id>/<task id>@<task hash>` -> its lines in time order).
 */
export function reviewSchedules(logs: Readonly<Record<string, readonly LogLine[]>>): Record<string, Schedule> {
  const out: Record<string, Schedule> = {};
  for (const [item, lines] of Object.entries(logs)) {
    const schedule = reviewSchedule(lines);
    if (schedule) out[item] = schedule;
  }
  return out;
}
