/**
 * The Today page's reading of storage: the days in a row practised and each set's mastery, from every
 * attempt log (`codeblanks:v2:<storage key>:log`, src/store/persistence.ts). It reads storage only, so
 * the page answers offline and after a restart. Days are the learner's local calendar days.
 */
import { daysInARow, mastery, type CheckedBlanks } from '../engine/today.ts';
import { read, type KeyValueStorage } from './persistence.ts';

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
  /** Days in a row practised (any graded check or help), ending today or yesterday. */
  readonly streak: number;
  readonly practisedToday: boolean;
  /** Every set with anything in a log, by id. */
  readonly sets: readonly SetMastery[];
}

/** The logs' keys: every `codeblanks:v2:…:log` entry. */
export function logKeys(storage: KeyValueStorage | null): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith('codeblanks:v2:') && key.endsWith(':log')) keys.push(key);
    }
  } catch {
    // Storage that cannot be listed shows nothing practised.
  }
  return keys;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/*
 * A log read here rather than with persistence.ts's readLog: the set page's entry carries that module,
 * and importing readLog from this chunk would put it (unused there) on every set page.
 */
function parseLog(raw: string | null | undefined): Record<string, unknown> {
  try {
    const log: unknown = JSON.parse(raw ?? '{}');
    return isObject(log) ? log : {};
  } catch {
    return {};
  }
}

/** Streak and mastery at `now`, from every attempt log in storage. */
export function readToday(storage: KeyValueStorage | null, now: number): TodaySummary {
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
  for (const key of logKeys(storage)) {
    for (const [item, lines] of Object.entries(parseLog(read(storage, key)))) {
      const setId = item.slice(0, item.indexOf('/'));
      if (!setId || !Array.isArray(lines)) continue;
      let list = checks.get(setId);
      if (!list) checks.set(setId, (list = []));
      for (const line of lines as unknown[]) {
        if (!isObject(line) || typeof line.t !== 'number') continue;
        const day = dayOf(line.t);
        days.add(day);
        if (isObject(line.c)) list.push({ day, c: line.c as CheckedBlanks['c'] });
      }
    }
  }
  const streak = daysInARow(days, today);
  return {
    streak,
    practisedToday: [...days].some((d) => d >= today),
    sets: [...checks].map(([setId, list]) => ({ setId, ...mastery(list, today) })),
  };
}
