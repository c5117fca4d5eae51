/**
 * The learner's memory over days: flashcard schedules, and the attempt logs review reads. Format:
 *
 * - Flashcards, one entry for every set, `codeblanks:v2:cards`:
 *   `{ "v": 1, "cards": { "<set id>/<task id>@<task hash>#<blank>": card } }`, a card being its FSRS
 *   schedule `{ due, stab, diff, state, reps, lapses, last, days }` (times in ms, see
 *   src/engine/schedule.ts) and `log`: every rating `[time ms, grade 1-4]`, oldest first, append-only.
 *   The schedule is kept so that counting what is due needs no FSRS and no replay; the log, so that a
 *   schedule can always be derived again. The task hash is of that task alone: editing another task
 *   keeps a card; editing its own task makes new cards (the old ones stay, unread).
 * - Review keeps NO entry of its own: which tasks come back, and when, is derived from the attempt logs
 *   of every set (`codeblanks:v2:<storage key>:log`, src/store/persistence.ts) by src/engine/review.ts.
 *
 * Reading never throws. A card that does not read as one is left out of what is shown but kept in
 * storage as it was: a save rewrites only the card rated. An entry that is not format 1 of this (damaged,
 * or written by a newer build) is never overwritten: ratings are then kept in memory only.
 */
import type { Task } from '../schema/exercise-schema.ts';
import type { Schedule, Grade } from '../engine/schedule.ts';
import { itemKey, read, write, type KeyValueStorage } from './persistence.ts';

export const CARDS_KEY = 'codeblanks:v2:cards';
const VERSION = 1;

/** A flashcard as stored: its schedule and every rating it was given. */
export interface CardRecord extends Schedule {
  readonly log: readonly (readonly [number, Grade])[];
}

/** A card's id: the blank of a task of a set, keyed by the task's own content hash. */
export const cardId = (setId: string, task: Task, blank: number): string => `${setId}/${itemKey(task)}#${blank}`;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isCount = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
/** An integer from `low` to `high` (a card's state, a grade): Today reads 5,000 cards at once. */
const isIn = (x: unknown, low: number, high: number) => Number.isInteger(x) && (x as number) >= low && (x as number) <= high;

export function isCardRecord(x: unknown): x is CardRecord {
  return (
    isObject(x) &&
    isTime(x.due) &&
    isTime(x.last) &&
    isTime(x.stab) &&
    isTime(x.diff) &&
    isTime(x.days) &&
    isIn(x.state, 0, 3) &&
    isCount(x.reps) &&
    isCount(x.lapses) &&
    Array.isArray(x.log) &&
    x.log.every((r) => Array.isArray(r) && r.length === 2 && isTime(r[0]) && isIn(r[1], 1, 4))
  );
}

/** The stored cards: `cards` those that read, `damaged` whether any did not (or the entry itself), `writable` whether a save may touch the entry. */
export interface StoredCards {
  readonly cards: Readonly<Record<string, CardRecord>>;
  readonly damaged: boolean;
  readonly writable: boolean;
  /** The ids whose record does not read: left alone (a save refuses them), so not offered. */
  readonly unread?: readonly string[];
}

/** The raw entry: its JSON when it is format 1 of this (or absent: {}), null when it must not be touched. */
function entry(storage: KeyValueStorage | null): Json | null {
  const raw = read(storage, CARDS_KEY);
  if (raw === undefined) return null;
  if (raw === null) return { v: VERSION, cards: {} };
  try {
    const json: unknown = JSON.parse(raw);
    return isObject(json) && json.v === VERSION && isObject(json.cards) ? json : null;
  } catch {
    return null;
  }
}

/** Every flashcard that reads, of every set. Never throws. */
export function readCards(storage: KeyValueStorage | null): StoredCards {
  const json = entry(storage);
  if (!json) return { cards: {}, damaged: read(storage, CARDS_KEY) !== undefined, writable: false };
  // One pass over the cards, each checked once (Today reads thousands).
  const cards: Record<string, CardRecord> = {};
  const unread: string[] = [];
  for (const [id, card] of Object.entries(json.cards as Json)) {
    if (isCardRecord(card)) cards[id] = card;
    else unread.push(id);
  }
  return { cards, damaged: unread.length > 0, writable: true, ...(unread.length ? { unread } : {}) };
}

/**
 * Saves one card, re-reading the entry first (another tab may have rated others since) and leaving every
 * other card as it was, damaged ones included. False when storage refused, the entry must not be touched,
 * or this card's own record does not read (it is not overwritten either).
 */
export function saveCard(storage: KeyValueStorage | null, id: string, card: CardRecord): boolean {
  const json = entry(storage);
  const was = json && (json.cards as Json)[id];
  if (!json || (was !== undefined && !isCardRecord(was))) return false;
  return write(storage, CARDS_KEY, JSON.stringify({ ...json, cards: { ...(json.cards as Json), [id]: card } }));
}

/**
 * The newer of two records of one card (an import, another tab): the one rated last, then the one rated
 * more often; a tie keeps `mine`. Neither side's newer rating is lost, and no FSRS is needed to merge.
 */
export const newerCard = (mine: CardRecord, theirs: CardRecord): CardRecord =>
  theirs.last > mine.last || (theirs.last === mine.last && theirs.log.length > mine.log.length) ? theirs : mine;

/** Merges two sets of cards card by card (newerCard). */
export function mergeCards(mine: Readonly<Record<string, CardRecord>>, theirs: Readonly<Record<string, CardRecord>>): Record<string, CardRecord> {
  const out: Record<string, CardRecord> = { ...mine };
  for (const [id, card] of Object.entries(theirs)) out[id] = out[id] ? newerCard(out[id], card) : card;
  return out;
}

