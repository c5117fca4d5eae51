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

/** A stable 32-bit FNV-1a hash of a string: seeds shuffles and keys saved progress to a set's content. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
