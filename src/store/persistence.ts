/**
 * Saved progress: the learner's data. Format 2, two kinds of localStorage entry, both JSON:
 *
 * - A snapshot per storage key, set and mode, `codeblanks:v2:<storage key>:<set id>:<mode>`:
 *   `{ "v": 2, "tasks": { "<task id>@<task hash>": record } }`. A record is the task's TaskProgress
 *   (plus `resets`: how often it was started afresh), or `{ "resets": n }` alone for a task started
 *   afresh and untouched since. The hash is of that task's content only: an edited task starts afresh
 *   under its new hash while the others keep their progress, and its old record stays (a tab or a build
 *   with the old content still uses it; nothing here proves a record stale, so nothing deletes one).
 * - An append-only attempt log per storage key, `codeblanks:v2:<storage key>:log`:
 *   `{ "<set id>/<task id>@<task hash>": [entry, …] }`, an entry `{ t, m, r, c, s }` for each graded
 *   check (time in ms, mode, response blank → option, each blank right or wrong, solved) or `{ t, m, h }`
 *   for help revealed (h: the hint's number; 0 for the common mistakes). History (spaced repetition) is
 *   to be derived from it, not stored beside it.
 *
 * Format 1, `codeblanks:v1:<storage key>:<set hash>` → `{ tasks: { <task id>: TaskProgress } }`, is
 * migrated: the entry for the set's current content is merged into the snapshot, and removed only once
 * the snapshot holding all of it is written. Format 1's entries for other contents are left alone.
 *
 * Saved data is untrusted input like any JSON: a record that does not parse is dropped (and the learner
 * told once); storage that throws (full, private mode, blocked) degrades to memory. Nothing here throws.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { hashString } from '../engine/scoring.ts';
import type { TaskProgress } from '../engine/grading.ts';

/** The small part of Web Storage we use, so tests and hosts can pass their own. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** A task's saved record: its progress, or only `resets` when it was started afresh and not touched since. */
export type SavedTask = Partial<TaskProgress> & {
  /** How often the task was started afresh: the record with more resets wins a merge, in every tab. */
  readonly resets?: number;
  /** The common mistakes were opened (help used, like a hint). */
  readonly mistakesShown?: boolean;
};

/** Records by `<task id>@<task hash>` (a snapshot's), or by task id (format 1's). */
export type SavedTasks = Readonly<Record<string, SavedTask>>;

const V2 = 'codeblanks:v2:';

/** A short content hash: base 36 of FNV-1a over the JSON. */
export const hashOf = (value: unknown): string => hashString(JSON.stringify(value)).toString(36);

/** The snapshot's key: the storage key the host chose (the set's id by default), the set and the mode. */
export function storageKeyFor(set: ExerciseSet, storageKey?: string, mode = 'practice'): string {
  return `${V2}${storageKey ?? set.id}:${set.id}:${mode}`;
}

/** Where the site remembers the learning mode last used on a set. */
export const lastModeKey = (setId: string): string => `${V2}mode:${setId}`;

/** The attempt log's key. */
export const logKeyFor = (storageKey: string): string => `${V2}${storageKey}:log`;

/** Format 1's key for this exact content, which the migration reads. */
export const v1KeyFor = (set: ExerciseSet, storageKey?: string): string => `codeblanks:v1:${storageKey ?? set.id}:${hashOf(set)}`;

/** A task's record key: its id and a hash of its own content. */
export const itemKey = (task: Task): string => `${task.id}@${hashOf(task)}`;

/** Each task's record key, in the set's order. */
export const itemKeys = (set: ExerciseSet): string[] => set.tasks.map(itemKey);

/*
 * Saved data is checked by hand rather than with the schema library: the learner's page loads no
 * validator for the build's own sets (they are validated when the site is built), and this shape is
 * small and fixed.
 */
type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const BLANK = /^[1-9]\d*$/;
const isPlacements = (x: unknown) => isObject(x) && Object.entries(x).every(([k, o]) => BLANK.test(k) && typeof o === 'string');

const isStrings = (x: unknown) => Array.isArray(x) && x.every((a) => typeof a === 'string');

function isRecord(x: unknown): x is SavedTask {
  if (!isObject(x) || !isCount(x.resets ?? 0) || typeof (x.mistakesShown ?? false) !== 'boolean' || !isStrings(x.aids ?? [])) return false;
  // Started afresh and untouched since: the count of resets alone.
  if (x.status === undefined) return x.resets !== undefined;
  const last = x.lastCheck;
  return (
    isPlacements(x.placements) &&
    isCount(x.attemptsUsed) &&
    isCount(x.hintsShown) &&
    (x.status === 'active' || x.status === 'solved' || x.status === 'failed') &&
    (last === null ||
      (isObject(last) &&
        isPlacements(last.placements) &&
        isObject(last.correct) &&
        Object.values(last.correct).every((c) => typeof c === 'boolean') &&
        Array.isArray(last.matchedMistakes) &&
        last.matchedMistakes.every(isCount) &&
        isObject(last.notes ?? {})))
  );
}

/**
 * A timed round of a set (an exam): when it started, its limit, when it was submitted, and the seed of
 * its order. Kept in the mode's snapshot beside the tasks.
 */
export interface Round {
  readonly seed: number;
  readonly startedAt: number;
  readonly limitMs: number | null;
  readonly submittedAt: number | null;
}

/** A submitted round's result: when, how many tasks solved of how many, and the time it took. */
export interface RoundResult {
  readonly at: number;
  readonly solved: number;
  readonly total: number;
  readonly ms: number;
}

/** A snapshot's timed round and results as stored, not yet read (src/store/rounds.ts reads them). */
export interface SavedRounds {
  readonly round?: unknown;
  readonly history?: unknown;
}

/** An entry's raw text; null when there is none, undefined when storage refuses to be read. */
export function read(storage: KeyValueStorage | null, key: string): string | null | undefined {
  try {
    return storage?.getItem(key);
  } catch {
    return undefined;
  }
}

/**
 * The records of an entry of the given format (format 1's entries have no `v`), and whether any record
 * was damaged (and left out); null when the entry is not such an entry at all.
 */
export function parseEntry(
  raw: string,
  version = 2,
): { tasks: SavedTasks; damaged: boolean; rounds: SavedRounds } | null {
  try {
    const json: unknown = JSON.parse(raw);
    if (!isObject(json) || (json.v ?? 1) !== version || !isObject(json.tasks)) return null;
    const all = Object.entries(json.tasks);
    const tasks = all.filter(([, record]) => isRecord(record));
    return {
      tasks: Object.fromEntries(tasks) as SavedTasks,
      damaged: tasks.length < all.length,
      // Read by the mode that keeps rounds (src/store/rounds.ts, in the exam's chunk), as written.
      rounds: { round: json.round, history: json.history },
    };
  } catch {
    return null;
  }
}

/** Writes an entry; false when storage refused (full or blocked). */
export function write(storage: KeyValueStorage | null, key: string, raw: string): boolean {
  try {
    storage?.setItem(key, raw);
    return !!storage;
  } catch {
    return false;
  }
}

/** Removes an entry; a storage that refuses loses nothing more. */
export function forget(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

const rank = { active: 0, failed: 1, solved: 1 } as const;
/** What a record wins a merge with, most important first. */
const strength = (r: SavedTask) => [r.resets ?? 0, rank[r.status ?? 'active'], r.attemptsUsed ?? 0, r.hintsShown ?? 0, r.mistakesShown ? 1 : 0];

/**
 * Merges what another tab or element saved with what this one holds, record by record, so they never
 * give back attempts nor unlock a finished task: the record started afresh more often wins (a reset is
 * deliberate), then a finished task, then more attempts used, then more hints shown, then the common
 * mistakes opened; on a full tie the other's (newer) record wins, unless it is the same as ours: then
 * ours is kept, object and all, so nothing that shows it re-renders.
 */
export function mergeTasks(mine: SavedTasks, theirs: SavedTasks): SavedTasks {
  const merged: Record<string, SavedTask> = { ...mine };
  for (const [id, other] of Object.entries(theirs)) {
    const own = mine[id];
    if (!own) {
      merged[id] = other;
      continue;
    }
    const a = strength(own);
    const b = strength(other);
    const i = a.findIndex((x, j) => x !== b[j]);
    merged[id] = i < 0 ? (JSON.stringify(own) === JSON.stringify(other) ? own : other) : a[i]! > b[i]! ? own : other;
  }
  return merged;
}

/** The page's localStorage, or null where reading it throws (blocked cookies, some private modes). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** One line of the attempt log: a graded check, or help revealed. */
export type LogEntry =
  | {
      readonly t: number;
      readonly m: string;
      /** The response: blank -> option. */
      readonly r: Readonly<Record<number, string>>;
      /** Each blank right or wrong. */
      readonly c: Readonly<Record<number, boolean>>;
      /** Solved by this check. */
      readonly s: boolean;
    }
  | { readonly t: number; readonly m: string; readonly h: number }
  /** Help that made the problem easier (line order's), by its token. */
  | { readonly t: number; readonly m: string; readonly a: string };

/**
 * Appends to the log under `key`. A log that does not read as one is left as it is (and this line
 * lost) rather than overwritten; a full or blocked storage loses the line, never what was saved.
 */
export function appendLog(storage: KeyValueStorage | null, key: string, item: string, entry: LogEntry): void {
  try {
    const log: unknown = JSON.parse(read(storage, key) ?? '{}');
    const lines = isObject(log) ? (log[item] ?? []) : null;
    if (!Array.isArray(lines)) return;
    (log as Json)[item] = [...lines, entry];
    write(storage, key, JSON.stringify(log));
  } catch {
    // Not JSON: left alone.
  }
}
