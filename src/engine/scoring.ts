/** Scoring a whole set, and the seeded shuffle that later modes use to vary option order. */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { FRESH_PROGRESS, helpUsed, type TaskProgress } from './grading.ts';

export interface SetScore {
  readonly total: number;
  readonly solved: number;
  readonly failed: number;
  /** Tasks neither solved nor failed. */
  readonly open: number;
  readonly attemptsUsed: number;
  /** Hints shown, with each Common mistakes list opened for its advice (helpUsed). */
  readonly hintsUsed: number;
  /** Every task solved or failed. */
  readonly complete: boolean;
  /** Solved tasks as a share of all tasks, 0..1. */
  readonly scaled: number;
}

export function scoreSet(set: ExerciseSet, progress: Readonly<Record<string, TaskProgress>>): SetScore {
  let solved = 0;
  let failed = 0;
  let attemptsUsed = 0;
  let hintsUsed = 0;
  for (const task of set.tasks) {
    const p = progress[task.id] ?? FRESH_PROGRESS;
    if (p.status === 'solved') solved += 1;
    if (p.status === 'failed') failed += 1;
    attemptsUsed += p.attemptsUsed;
    hintsUsed += helpUsed(p);
  }
  const total = set.tasks.length;
  return {
    total,
    solved,
    failed,
    open: total - solved - failed,
    attemptsUsed,
    hintsUsed,
    complete: solved + failed === total,
    scaled: total === 0 ? 0 : solved / total,
  };
}

/** mulberry32: a small, well-mixed 32-bit generator; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with a seeded generator: a permutation of the input, reproducible from the seed. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, seededRandom(seed));
}

/** Fisher-Yates drawing from `random` (a generator shared with other draws, as the bench's set maker does). */
export function shuffleWith<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A stable 32-bit FNV-1a hash of a string: seeds shuffles and keys saved progress to a set's content. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
