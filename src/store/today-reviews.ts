/**
 * Reviews due today across every set, for the Today page. Its own module because deriving review
 * schedules from the attempt logs needs FSRS (src/engine/review.ts): the page loads this apart, after it
 * has painted everything else.
 */
import { dueOn, type Due } from '../engine/due.ts';
import { isStable, reviewSchedules } from '../engine/review.ts';
import { readAllLogs } from './logs.ts';
import type { KeyValueStorage } from './persistence.ts';

/** Tasks to review by the end of `now`'s local day, stable ones left out (`logs`: as today.ts's readToday). Never throws. */
export const reviewsDue = (storage: KeyValueStorage | null, now: number, logs = readAllLogs(storage)): Due => dueOn(reviewSchedules(logs), now, isStable);
