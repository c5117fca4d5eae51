/**
 * Challenge mode's rules: a round of ten tasks drawn from the sets the learner picks, interleaved
 * (studies of interleaved practice favour mixing topics over blocking them), against the clock, and its
 * score: right answers plus a speed bonus. Pure: the seed and the times come in.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { Drawn } from './session.ts';
import { seededRandom, shuffleWith } from './seeded.ts';

/** Tasks in a round. */
export const CHALLENGE_SIZE = 10;
/** The clock a round runs against: 30 seconds a task. */
export const CHALLENGE_LIMIT_MS = 5 * 60_000;
/** A full this-many milliseconds left on the clock is worth one bonus point. */
export const BONUS_STEP_MS = 30_000;

/**
 * The round's tasks: each set's tasks in a seeded order, then one from each set in turn (the sets' turn
 * also seeded), so no two tasks in a row come from the same set while two sets still have tasks, and
 * the sets share the round as evenly as their sizes allow. A set chosen twice counts once.
 */
export function drawChallenge(sets: readonly ExerciseSet[], seed: number, size: number = CHALLENGE_SIZE): Drawn[] {
  const random = seededRandom(seed);
  const unique = [...new Map(sets.map((set) => [set.id, set])).values()];
  const queues = shuffleWith(unique, random).map((set) => shuffleWith(set.tasks, random).map((task) => ({ set, task })));
  const out: Drawn[] = [];
  while (out.length < size && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && out.length < size) out.push(next);
    }
  }
  return out;
}

/** A round's score: the right answers, the speed bonus and their sum. */
export interface ChallengeScore {
  readonly right: number;
  readonly bonus: number;
  readonly score: number;
}

/**
 * Right answers score a point each. The speed bonus is a point for every full 30 seconds left on the
 * clock at the end, and never more points than right answers (a round given up at once earns nothing).
 * A clock set back counts as no time spent, one past the limit as no time left.
 */
export function challengeScore(right: number, ms: number, limitMs: number = CHALLENGE_LIMIT_MS): ChallengeScore {
  const left = Math.min(limitMs, Math.max(0, limitMs - Math.max(0, ms)));
  const bonus = Math.min(right, Math.floor(left / BONUS_STEP_MS));
  return { right, bonus, score: right + bonus };
}

/** A personal best: its score, the time it took and when. */
export interface ChallengeBest extends ChallengeScore {
  readonly ms: number;
  readonly at: number;
}

/** Whether `a` beats `b`: the higher score, then the faster time (a tie keeps the older best). */
export const beats = (a: ChallengeBest, b: ChallengeBest | undefined): boolean => !b || a.score > b.score || (a.score === b.score && a.ms < b.ms);

/** A choice of sets as a personal best's key: the ids sorted, each once, joined by commas. */
export const choiceKey = (setIds: readonly string[]): string => [...new Set(setIds)].sort().join(',');
