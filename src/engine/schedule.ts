/**
 * Spaced repetition: when a card (or a task to review) is due next, by FSRS (ts-fsrs, the scheduler Anki
 * uses). Pure: the time is an argument. Only the flashcards' and review's chunks import this module (it
 * brings ts-fsrs); counting what is due needs only the stored `due` (src/engine/due.ts).
 *
 * Intervals are whole days (FSRS's short-term steps are off): a card rated Again comes back tomorrow,
 * not in a minute, because the learner meets cards day by day (the Today page), not in one sitting.
 * No fuzz: the same ratings at the same times give the same schedule, in tests and on every device.
 */
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade as FsrsGrade } from 'ts-fsrs';

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
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: 0 | 1 | 2 | 3;
  readonly reps: number;
  readonly lapses: number;
  /** When it was last rated (ms). */
  readonly last: number;
  /** The interval last scheduled, in days. */
  readonly days: number;
}

const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

const toCard = (s: Schedule): Card => ({
  due: new Date(s.due),
  stability: s.stab,
  difficulty: s.diff,
  elapsed_days: 0,
  scheduled_days: s.days,
  learning_steps: 0,
  reps: s.reps,
  lapses: s.lapses,
  state: s.state,
  last_review: new Date(s.last),
});

/**
 * The schedule after rating a card `grade` at `now` (a card never rated when `previous` is absent).
 * A clock that jumped back before the last rating rates it as if at that last rating: FSRS refuses a
 * negative elapsed time, and the learner's answer must not be lost, nor a due date land before it.
 */
export function rate(previous: Schedule | undefined, grade: Grade, now: number): Schedule {
  const at = Math.max(now, previous?.last ?? now);
  const card = scheduler.next(previous ? toCard(previous) : createEmptyCard(new Date(at)), new Date(at), grade as FsrsGrade).card;
  return {
    due: card.due.getTime(),
    stab: card.stability,
    diff: card.difficulty,
    state: card.state as Schedule['state'],
    reps: card.reps,
    lapses: card.lapses,
    last: at,
    days: card.scheduled_days,
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
