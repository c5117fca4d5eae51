/**
 * Spaced repetition: when a card (or a task to review) is due next, by FSRS (ts-fsrs, the scheduler Anki
 * uses). Pure: the time is an argument. Only the flashcards' and review's chunks import this module (it
 * brings ts-fsrs); counting what is due needs only the stored `due` (src/engine/due.ts).
 *
 * Intervals are whole days (FSRS's short-term steps are off): a card rated Again comes back tomorrow,
 * not in a minute, because the learner meets cards day by day (the Today page), not in one sitting.
 * No fuzz: the same ratings at the same times give the same schedule, in tests and on every device.
 */
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';

/** Again, Hard, Good, Easy (keys 1-4). */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/**
 * FSRS's state of one card, as stored (plain numbers, times in ms): enough to schedule the next rating
 * without replaying the history.
 */
export interface Schedule {
  /** When it is due next (ms). */
  readonly due: number;
  /** FSRS stability: days until recall falls to 90%. */
  readonly stab: number;
  /** FSRS difficulty, 1 to 10. */
  readonly diff: number;
  /** FSRS state: 0 new, 2 review (with whole-day intervals a rated card is always in review). */
  readonly state: 0 | 1 | 2 | 3;
  readonly reps: number;
  readonly lapses: number;
  /** When it was last rated (ms). */
  readonly last: number;
  /** The interval last scheduled, in days. */
  readonly days: number;
}

const DAY = 86_400_000;
/** ts-fsrs brands its whole numbers. */
type Int = Parameters<FSRSAlgorithm['next_interval']>[1];

/*
 * ts-fsrs's memory model (FSRSAlgorithm: stability, difficulty, intervals) without its scheduler classes,
 * which weigh 3 KB gzip more: the few lines of its long-term scheduler (LongTermScheduler, the one
 * `fsrs()` uses when short-term steps are off) are below, and schedule.test.ts checks, over random
 * ratings, that they give exactly what `fsrs().next` gives.
 */
const algorithm = new FSRSAlgorithm(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

/** Whole UTC days between two times, as ts-fsrs counts elapsed days. */
const elapsed = (from: number, to: number) => Math.floor((Math.floor(to / DAY) * DAY - Math.floor(from / DAY) * DAY) / DAY);

/**
 * The schedule after rating a card `grade` at `now` (a card never rated when `previous` is absent).
 * A clock that jumped back before the last rating rates it as if at that last rating: FSRS refuses a
 * negative elapsed time, and the learner's answer must not be lost, nor a due date land before it.
 */
export function rate(previous: Schedule | undefined, grade: Grade, now: number): Schedule {
  const at = Math.max(now, previous?.last ?? now);
  const seen = previous && previous.state !== 0 ? previous : undefined;
  const t = seen ? elapsed(seen.last, at) : 0;
  const memory = seen ? { difficulty: seen.diff, stability: seen.stab } : null;
  const r = seen ? algorithm.forgetting_curve(t, seen.stab) : undefined;
  const states = GRADES.map((g) => algorithm.next_state(memory, t, g, r));
  // Each rating's interval, kept in order: Again <= Hard < Good < Easy.
  const days: number[] = states.map((s) => algorithm.next_interval(s.stability, t as Int));
  days[0] = Math.min(days[0]!, days[1]!);
  for (let i = 1; i < 4; i++) days[i] = Math.max(days[i]!, days[i - 1]! + 1);
  const next = states[grade - 1]!;
  const interval = days[grade - 1]!;
  return {
    due: at + interval * DAY,
    stab: next.stability,
    diff: next.difficulty,
    state: 2,
    reps: (previous?.reps ?? 0) + 1,
    lapses: (previous?.lapses ?? 0) + (seen && grade === 1 ? 1 : 0),
    last: at,
    days: interval,
  };
}

/** What each rating would schedule, for the buttons' "in 3 days" before the learner chooses. */
export const preview = (previous: Schedule | undefined, now: number): Record<Grade, Schedule> =>
  ({ 1: rate(previous, 1, now), 2: rate(previous, 2, now), 3: rate(previous, 3, now), 4: rate(previous, 4, now) }) as Record<Grade, Schedule>;

/** Replays ratings `[time, grade]` in the order given: the schedule they lead to, or undefined for none. */
export function replay(ratings: readonly (readonly [number, Grade])[]): Schedule | undefined {
  let schedule: Schedule | undefined;
  for (const [t, g] of ratings) schedule = rate(schedule, g, t);
  return schedule;
}
