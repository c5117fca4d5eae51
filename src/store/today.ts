/**
 * The Today page's reading of storage: the days in a row practised and each set's mastery, from every
 * attempt log (`codeblanks:v2:<storage key>:log`, src/store/persistence.ts) and every flashcard rating
 * (src/store/memory.ts), and the flashcards due today. It reads storage only, so the page answers offline
 * and after a restart. Days are the learner's local calendar days. (Reviews due need FSRS: the page
 * counts them with src/store/memory-due.ts, loaded apart.)
 */
import { readAllLogs } from './logs.ts';
import { daysInARow, mastery, type CheckedBlanks } from '../engine/today.ts';
import { dueOn, setOfId, type Due } from '../engine/due.ts';
import type { KeyValueStorage } from './persistence.ts';
import { readCards } from './memory.ts';


const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const RECALLED = { 1: true } as const;
const FORGOTTEN = { 1: false } as const;

/** A local calendar day as a number (days since 1970-01-01 in the learner's time zone). */
export function localDay(t: number): number {
  const d = new Date(t);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** One set's mastery: blank answers right of those given in the window (src/engine/today.ts). */
export interface SetMastery {
  readonly setId: string;
  readonly right: number;
  readonly total: number;
}

export interface TodaySummary {
  /** Days in a row practised (any graded check, help or flashcard rated), ending today or yesterday. */
  readonly streak: number;
  readonly practisedToday: boolean;
  /** Every set with anything in a log or a flashcard rated, by id. */
  readonly sets: readonly SetMastery[];
  /** Flashcards due by the end of today. */
  readonly cards: Due;
}


/**
 * Streak, mastery and flashcards due at `now`, from every attempt log and flashcard in storage. `logs`:
 * the attempt logs when the caller has read them already (the Today page reads them once for this and
 * for the reviews due).
 */
export function readToday(storage: KeyValueStorage | null, now: number, logs = readAllLogs(storage)): TodaySummary {
  const today = localDay(now);
  const days = new Set<number>();
  const checks = new Map<string, CheckedBlanks[]>();
  // Many lines share a day: the time zone is asked once per quarter hour with lines (every zone's offset
  // is a whole number of quarter hours, so a quarter never straddles a local midnight), not per line.
  const quarters = new Map<number, number>();
  const dayOf = (t: number) => {
    const quarter = Math.floor(t / 900_000);
    let day = quarters.get(quarter);
    if (day === undefined) quarters.set(quarter, (day = localDay(t)));
    return day;
  };
  for (const [item, lines] of Object.entries(logs)) {
    const setId = setOfId(item);
    if (!setId) continue;
    let list = checks.get(setId);
    if (!list) checks.set(setId, (list = []));
    for (const line of lines) {
      const day = dayOf(line.t);
      days.add(day);
      if ('c' in line && isObject(line.c)) list.push({ day, c: line.c });
    }
  }
  // A flashcard rating is a recall of one blank: Hard, Good or Easy recalled it, Again did not. (Two
  // shared answers rather than one object per rating: Today reads thousands.)
  const { cards } = readCards(storage);
  let setId = '';
  let list: CheckedBlanks[] = [];
  for (const id in cards) {
    const set = setOfId(id);
    if (set !== setId) {
      setId = set;
      const known = checks.get(set);
      if (known) list = known;
      else checks.set(set, (list = []));
    }
    const log = cards[id]!.log;
    for (let i = 0; i < log.length; i++) {
      const day = dayOf(log[i]![0]);
      days.add(day);
      list.push({ day, c: log[i]![1] >= 2 ? RECALLED : FORGOTTEN });
    }
  }
  return {
    streak: daysInARow(days, today),
    practisedToday: [...days].some((d) => d >= today),
    sets: [...checks].map(([setId, list]) => ({ setId, ...mastery(list, today) })),
    cards: dueOn(cards, now),
  };
}
