/**
 * Which tasks review brings back: those got wrong at least once. Apart from src/engine/review.ts (which
 * schedules them with FSRS) so that counting them costs no scheduler.
 */

/** A line of the attempt log as review reads it (src/store/persistence.ts's LogEntry, by shape). */
export interface LogLine {
  readonly t: number;
  readonly m: string;
  /** Solved by this check; absent on a line of help. */
  readonly s?: boolean;
  /** Each blank right or wrong; present on a graded check only. */
  readonly c?: unknown;
}

/** A graded check (not a line of help). */
export const isCheck = (l: LogLine): boolean => typeof l.s === 'boolean' && typeof l.c === 'object' && l.c !== null;

/** Whether the task was ever got wrong (and so is reviewable). */
export const everWrong = (lines: readonly LogLine[]): boolean => lines.some((l) => isCheck(l) && !l.s);
