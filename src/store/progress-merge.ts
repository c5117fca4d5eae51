/**
 * How progress brought from another browser (an exported file) combines with this browser's, entry by
 * entry, each kind by its own rule. Pure: values in, value out; src/store/progress-file.ts reads and
 * writes storage around these. Every rule keeps what either side learned: nothing here gives back a spent
 * attempt, drops a log line or undoes a later review.
 */
import { BESTS_VERSION, isBest, mergeBests, type Bests } from './challenge-bests.ts';
import { mergeTasks, parseEntry, type SavedTasks } from './persistence.ts';
import { mergeHistory, mergeRounds, readRounds } from './rounds.ts';
import { CARDS_KEY, isCardRecord, mergeCards, type CardRecord } from './memory.ts';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** What a `codeblanks:` entry is, by its key. */
export type EntryKind = 'snapshot' | 'log' | 'mode' | 'challenge' | 'schedule' | 'other';

/**
 * The kind of the entry under `key`: the attempt log (`…:log`), the last mode used on a set
 * (`codeblanks:v2:mode:<set>`), challenge bests (`codeblanks:v2:challenge`), the flashcards' schedules
 * (`codeblanks:v2:cards`, src/store/memory.ts; review keeps none, it is derived from the logs),
 * otherwise a snapshot of a set's progress (format 2's, or format 1's `codeblanks:v1:…`) when `value`
 * holds tasks; anything else is `other`.
 */
export function kindOf(key: string, value: unknown): EntryKind {
  if (key.startsWith('codeblanks:v2:mode:') && typeof value === 'string') return 'mode';
  if (key === 'codeblanks:v2:challenge') return 'challenge';
  if (key === CARDS_KEY) return 'schedule';
  if (key.startsWith('codeblanks:v2:') && key.endsWith(':log')) return 'log';
  if (/^codeblanks:v[12]:/.test(key) && isObject(value) && isObject(value.tasks)) return 'snapshot';
  return 'other';
}

/** A snapshot's records, rounds and results, or null when it is not one a build of today reads whole. */
function readSnapshot(value: unknown): { tasks: SavedTasks; v: number } | null {
  if (!isObject(value)) return null;
  const v = value.v ?? 1;
  if (v !== 1 && v !== 2) return null;
  const entry = parseEntry(JSON.stringify(value), v);
  if (!entry || entry.damaged || readRounds(entry.rounds).damaged) return null;
  return { tasks: entry.tasks, v };
}

/** A log as items -> lines, or null when any part of it is not one. */
function readLogValue(value: unknown): Record<string, readonly Json[]> | null {
  if (!isObject(value)) return null;
  for (const lines of Object.values(value)) {
    if (!Array.isArray(lines) || !lines.every((l) => isObject(l) && typeof l.t === 'number' && Number.isFinite(l.t) && typeof l.m === 'string')) return null;
  }
  return value as Record<string, readonly Json[]>;
}

/** The flashcards' entry, format 1 of src/store/memory.ts, every card whole; else null. */
function readSchedule(value: unknown): { v: 1; cards: Record<string, CardRecord> } | null {
  if (!isObject(value) || value.v !== 1 || !isObject(value.cards) || !Object.values(value.cards).every(isCardRecord)) return null;
  return value as { v: 1; cards: Record<string, CardRecord> };
}

/** Challenge's bests entry (src/store/challenge-bests.ts, version 1), every best whole; else null. */
function readBests(value: unknown): { v: 1; bests: Bests } | null {
  if (!isObject(value) || value.v !== BESTS_VERSION || !isObject(value.bests) || !Object.values(value.bests).every(isBest)) return null;
  return value as { v: 1; bests: Bests };
}

/**
 * Whether `value` is a whole, readable entry of its kind: an imported file is refused when any entry is
 * not (nothing half-read is ever written).
 */
export function isWhole(kind: EntryKind, value: unknown): boolean {
  switch (kind) {
    case 'snapshot':
      return readSnapshot(value) !== null;
    case 'log':
      return readLogValue(value) !== null;
    case 'mode':
      return typeof value === 'string' && /^[a-z][a-z-]{0,31}$/.test(value);
    case 'schedule':
      return readSchedule(value) !== null;
    case 'challenge':
      return readBests(value) !== null;
    case 'other':
      return value !== undefined;
  }
}

/** One line's identity: the same line written twice (a file imported twice) is kept once. */
const lineId = (line: Json) => JSON.stringify(line);

/**
 * Two attempt logs as one: every line of either, each identical line once, each item's lines in time
 * order (ties by content, so the order does not depend on which side is which).
 */
export function mergeLogs(mine: Record<string, readonly Json[]>, theirs: Record<string, readonly Json[]>): Record<string, Json[]> {
  const out: Record<string, Json[]> = {};
  for (const item of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const lines = new Map<string, Json>();
    for (const line of [...(mine[item] ?? []), ...(theirs[item] ?? [])]) lines.set(lineId(line), line);
    out[item] = [...lines.entries()].sort(([a, x], [b, y]) => (x.t as number) - (y.t as number) || (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
  }
  return out;
}

/**
 * Merges one entry: `mine` is what this browser holds (undefined: nothing), `theirs` the file's. Returns
 * the value to keep. Snapshots merge record by record with `mergeTasks` (and timed rounds with the
 * exam's rules); logs are a union of lines; the last mode is this browser's, the file's only where this
 * one has none; flashcards keep, card by card, the one rated later (memory.ts's mergeCards, which also
 * keeps the one rated more often on a tie, and ours on a full tie); challenge bests keep, per choice of
 * sets, the better (higher score, then faster); anything else is kept where present and taken from the file where absent.
 */
export function mergeEntry(kind: EntryKind, mine: unknown, theirs: unknown): unknown {
  if (mine === undefined) return theirs;
  switch (kind) {
    case 'snapshot': {
      const a = readSnapshot(mine);
      const b = readSnapshot(theirs);
      if (!a || !b || a.v !== b.v) return mine;
      const m = mine as Json;
      const t = theirs as Json;
      const ra = readRounds({ round: m.round, history: m.history });
      const rb = readRounds({ round: t.round, history: t.history });
      const round = mergeRounds(ra.round, rb.round);
      const history = mergeHistory(ra.history, rb.history);
      const { round: _r, history: _h, ...rest } = m;
      return { ...rest, tasks: mergeTasks(a.tasks, b.tasks), ...(round ? { round } : {}), ...(history.length ? { history } : {}) };
    }
    case 'log': {
      const a = readLogValue(mine);
      const b = readLogValue(theirs);
      return a && b ? mergeLogs(a, b) : mine;
    }
    case 'schedule': {
      const a = readSchedule(mine);
      const b = readSchedule(theirs);
      return a && b ? { ...a, cards: mergeCards(a.cards, b.cards) } : mine;
    }
    case 'challenge': {
      const a = readBests(mine);
      const b = readBests(theirs);
      return a && b ? { ...a, bests: mergeBests(a.bests, b.bests) } : mine;
    }
    default:
      return mine;
  }
}
