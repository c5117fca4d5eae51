/**
 * What is due today across every set, read from storage: the Today page's one call. It brings FSRS
 * (review's schedules are derived from the attempt logs), so a page that needs only the cards' count can
 * use readCards + dueOn instead.
 */
import { dueOn, type Due } from '../engine/due.ts';
import { isStable, reviewSchedules } from '../engine/review.ts';
import { readCards } from './memory.ts';
import { readAllLogs } from './logs.ts';
import type { KeyValueStorage } from './persistence.ts';

export interface DueToday {
  /** Flashcards due by the end of the local day (ids `<set>/<task>@<hash>#<blank>`). */
  readonly cards: Due;
  /** Tasks to review by the end of the local day, stable ones left out (ids `<set>/<task>@<hash>`). */
  readonly reviews: Due;
}

/** Never throws: damaged data counts as nothing due. */
export function dueToday(storage: KeyValueStorage | null, now: number): DueToday {
  return {
    cards: dueOn(readCards(storage).cards, now),
    reviews: dueOn(reviewSchedules(readAllLogs(storage)), now, isStable),
  };
}
