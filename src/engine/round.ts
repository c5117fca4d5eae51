/**
 * What the store needs of a timed round (an exam), apart from the exam's view: the seed of a retake, the
 * time spent, the result of a round and the results kept. Its own module so the learner's page carries
 * only these few lines; the rest of the exam's rules (exam.ts) travel in the exam's chunk.
 */
import type { TaskProgress } from './grading.ts';
import { seededShuffle } from './seeded.ts';

/** How many past results an exam keeps. */
export const HISTORY_SIZE = 10;

/**
 * The seed of a retake: `candidate` (fresh entropy from the store), or the first seed after it whose task
 * order differs from the last round's, so "Retake" visibly starts afresh whenever the tasks can move at
 * all. Gives up after a few tries (each try has at least an even chance for two or more tasks).
 */
export function retakeSeed(previous: number | null, candidate: number, count: number): number {
  const seed = candidate >>> 0;
  if (previous === null || count < 2) return seed;
  const ids = Array.from({ length: count }, (_, i) => i);
  const before = seededShuffle(ids, previous).join();
  for (let step = 0; step < 64; step += 1) {
    const next = (seed + step) >>> 0;
    if (seededShuffle(ids, next).join() !== before) return next;
  }
  return seed;
}

/** When a round began and how long it may run (null: no limit), in milliseconds. */
export interface RoundClock {
  readonly startedAt: number;
  readonly limitMs: number | null;
}

/**
 * Time spent so far. A clock set back before the start counts as no time spent (never negative); with a
 * limit, never more than the limit (a tab reopened an hour later spent the limit, not the hour).
 */
export function elapsedMs({ startedAt, limitMs }: RoundClock, now: number): number {
  const spent = Math.max(0, now - startedAt);
  return limitMs === null ? spent : Math.min(spent, Math.max(0, limitMs));
}

/** One submitted round, as the history keeps it. */
export interface RoundResult {
  /** When it ended (ms since the epoch). */
  readonly at: number;
  readonly solved: number;
  readonly total: number;
  /** Time taken. */
  readonly ms: number;
}

/**
 * The result of a round from its tasks' progress (one entry per task the round played; undefined is an
 * untouched task, which counts as not solved). A round submitted after its limit ended at the limit.
 */
export function roundResult(progress: readonly (TaskProgress | undefined)[], round: RoundClock, submittedAt: number): RoundResult {
  const ms = elapsedMs(round, submittedAt);
  const late = round.limitMs !== null && submittedAt > round.startedAt + round.limitMs;
  return {
    at: late ? round.startedAt + ms : submittedAt,
    solved: progress.filter((p) => p?.status === 'solved').length,
    total: progress.length,
    ms,
  };
}

/** The history with a new result first, keeping the newest `size`. */
export const keepRecent = (history: readonly RoundResult[], result: RoundResult, size: number = HISTORY_SIZE): RoundResult[] =>
  [result, ...history].slice(0, Math.max(0, size));

