/**
 * What is due today, for the Today page: flashcards by set and reviews across sets.
 * TODO(today): read the memory engine's schedules through its due query once wt-memory is merged
 * (/work/wt/MEMORY-API.md); until then nothing is scheduled, so nothing is due.
 */
import type { KeyValueStorage } from './persistence.ts';

export interface DueToday {
  /** Flashcards due, per set, sets with the most first. */
  readonly sets: readonly { readonly setId: string; readonly cards: number }[];
  /** Reviews due across every set, and the set whose page starts them. */
  readonly reviews: number;
  readonly reviewSet: string | null;
}

export function readDue(_storage: KeyValueStorage | null, _now: number): DueToday {
  return { sets: [], reviews: 0, reviewSet: null };
}
