/**
 * Timed rounds (an exam's) in saved progress: reading them from a snapshot, merging two tabs' rounds and
 * results, starting and submitting one. The store keeps a round only with these rules, which the exam's
 * chunk brings (src/modes/exam/view.tsx): a page in any other mode carries none of this code.
 */
import { keepRecent, retakeSeed, roundResult } from '../engine/round.ts';
import type { TaskProgress } from '../engine/grading.ts';
import type { Round, RoundResult, SavedRounds } from './persistence.ts';

/** The results kept: the ten newest, newest first. */
export const HISTORY = 10;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isRound = (x: unknown): x is Round =>
  isObject(x) && isTime(x.seed) && isTime(x.startedAt) && (x.limitMs === null || isTime(x.limitMs)) && (x.submittedAt === null || isTime(x.submittedAt));
const isResult = (x: unknown): x is RoundResult => isObject(x) && isTime(x.at) && isCount(x.solved) && isCount(x.total) && isTime(x.ms);


/** Two rounds' newer one: started later, or the same round once submitted. */
export function mergeRounds(mine: Round | null, theirs: Round | null): Round | null {
  if (!mine || !theirs) return mine ?? theirs;
  if (mine.startedAt !== theirs.startedAt) return mine.startedAt > theirs.startedAt ? mine : theirs;
  return mine.submittedAt !== null ? mine : theirs;
}

/** Both sides' results, each once (by time), the newest ten. */
export function mergeHistory(mine: readonly RoundResult[], theirs: readonly RoundResult[]): readonly RoundResult[] {
  if (theirs.length === 0) return mine;
  const byTime = new Map([...theirs, ...mine].map((r) => [r.at, r]));
  return [...byTime.values()].sort((a, b) => b.at - a.at).slice(0, HISTORY);
}


/** A snapshot's round and results, what is damaged left out (and said to be). */
export function readRounds({ round = null, history = [] }: SavedRounds): { round: Round | null; history: readonly RoundResult[]; damaged: boolean } {
  const list = Array.isArray(history) ? history : [];
  const results = list.filter(isResult);
  return {
    round: isRound(round) ? round : null,
    history: results,
    damaged: (round !== null && !isRound(round)) || !Array.isArray(history) || results.length < list.length,
  };
}

/** What the store needs to keep timed rounds (ExerciseStoreOptions.rounds). */
export interface RoundRules {
  read: typeof readRounds;
  /** Ours and what storage holds now (null: the entry was removed, so ours goes too), merged. */
  merge(mine: Rounds, stored: SavedRounds | null): Rounds;
  /** A new round: a seed whose order differs from the last round's where the tasks can move at all. */
  start(previous: Round | null, tasks: number, now: number, limitMs: number | null): Round;
  /** The round submitted at `now`, and the results with its own first. */
  submit(round: Round, progress: readonly (TaskProgress | undefined)[], history: readonly RoundResult[], now: number): { round: Round; history: readonly RoundResult[] };
}

/** A snapshot's round and its results. */
export interface Rounds {
  readonly round: Round | null;
  readonly history: readonly RoundResult[];
}

export const ROUNDS: RoundRules = {
  read: readRounds,
  merge: (mine, stored) => {
    const theirs = stored ? readRounds(stored) : null;
    return { round: mergeRounds(stored ? mine.round : null, theirs?.round ?? null), history: mergeHistory(stored ? mine.history : [], theirs?.history ?? []) };
  },
  start: (previous, tasks, now, limitMs) => ({ seed: retakeSeed(previous?.seed ?? null, Math.floor(Math.random() * 2 ** 31), tasks), startedAt: now, limitMs, submittedAt: null }),
  submit: (round, progress, history, now) => {
    // Never a negative time (a clock set back), nor more than the limit (a round that ran out while the
    // tab was closed ended at its limit).
    const result = roundResult(progress, round, now);
    return { round: { ...round, submittedAt: result.at }, history: keepRecent(history, result, HISTORY) };
  },
};
