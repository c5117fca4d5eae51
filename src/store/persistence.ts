/**
 * Saved progress: placements, attempts, hints and status per task, in one entry per set, keyed with a
 * hash of the set's content so an edited set never inherits stale answers.
 *
 * Saved data is untrusted input like any JSON: it is parsed, and anything foreign or corrupted starts the
 * set afresh. Storage that throws (full, private mode, blocked) degrades to memory. Nothing here throws.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
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

const PREFIX = 'codeblanks:v1:';

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

function isTaskProgress(x: unknown): x is TaskProgress {
  if (!isObject(x)) return false;
  const last = x.lastCheck;
  return (
    isPlacements(x.placements) &&
    isCount(x.attemptsUsed) &&
    isCount(x.hintsShown) &&
    (x.mistakesShown === undefined || typeof x.mistakesShown === 'boolean') &&
    (x.status === 'active' || x.status === 'solved' || x.status === 'failed') &&
    (last === null ||
      (isObject(last) &&
        isPlacements(last.placements) &&
        isObject(last.correct) &&
        Object.values(last.correct).every((c) => typeof c === 'boolean') &&
        Array.isArray(last.matchedMistakes) &&
        last.matchedMistakes.every(isCount)))
  );
}

/** The saved tasks, or null when the entry is not ours or is damaged anywhere. */
function readSaved(json: unknown): Record<string, TaskProgress> | null {
  if (!isObject(json) || !isObject(json.tasks)) return null;
  const tasks = json.tasks;
  return Object.values(tasks).every(isTaskProgress) ? (tasks as Record<string, TaskProgress>) : null;
}

export type SavedTasks = Readonly<Record<string, TaskProgress>>;

export type LoadOutcome =
  | { readonly kind: 'fresh' }
  | { readonly kind: 'loaded'; readonly tasks: SavedTasks }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'unavailable' };

/** The entry's key: the storage key the host chose (the set id by default) and the content hash. */
export function storageKeyFor(set: ExerciseSet, storageKey?: string): string {
  return `${PREFIX}${storageKey ?? set.id}:${hashString(JSON.stringify(set)).toString(36)}`;
}

/** Parses a saved entry. Tasks the set no longer has are dropped; numbers in the data are not trusted. */
export function parseSaved(raw: string, set: ExerciseSet): SavedTasks | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const saved = readSaved(json);
  if (!saved) return null;
  const tasks: Record<string, TaskProgress> = {};
  for (const task of set.tasks) {
    const progress = saved[task.id];
    if (progress) tasks[task.id] = progress;
  }
  return tasks;
}

export function loadSaved(storage: KeyValueStorage | null, key: string, set: ExerciseSet): LoadOutcome {
  if (!storage) return { kind: 'unavailable' };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { kind: 'unavailable' };
  }
  if (raw === null) return { kind: 'fresh' };
  const tasks = parseSaved(raw, set);
  return tasks ? { kind: 'loaded', tasks } : { kind: 'corrupt' };
}

/** Writes the entry; false when storage refused (full or blocked). */
export function save(storage: KeyValueStorage | null, key: string, tasks: SavedTasks): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify({ tasks }));
    return true;
  } catch {
    return false;
  }
}

/** Removes the entry (a reset); a storage that refuses loses nothing more. */
export function forget(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the in-memory state is already fresh.
  }
}

/** Removes entries of the same storage key saved for earlier versions of the set's content. */
export function forgetStaleVersions(storage: KeyValueStorage | null, key: string): void {
  if (!storage) return;
  const stem = key.slice(0, key.lastIndexOf(':') + 1);
  try {
    const stale: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const k = storage.key(i);
      if (k && k !== key && k.startsWith(stem) && !k.slice(stem.length).includes(':')) stale.push(k);
    }
    stale.forEach((k) => storage.removeItem(k));
  } catch {
    // Cleaning up is a courtesy; a storage that refuses it loses nothing.
  }
}

const rank = { active: 0, failed: 1, solved: 1 } as const;

/**
 * Merges what another tab saved with what this tab holds, task by task, so two tabs never give back
 * attempts or unlock a finished task: a finished task wins, then the one with more attempts used, then
 * the one with more hints shown; on a full tie the other tab's (newer) entry wins.
 */
export function mergeTasks(mine: SavedTasks, theirs: SavedTasks): SavedTasks {
  const merged: Record<string, TaskProgress> = { ...mine };
  for (const [id, other] of Object.entries(theirs)) {
    const own = mine[id];
    if (!own) {
      merged[id] = other;
      continue;
    }
    const keepOwn =
      rank[own.status] > rank[other.status] ||
      (rank[own.status] === rank[other.status] && own.attemptsUsed > other.attemptsUsed) ||
      (rank[own.status] === rank[other.status] && own.attemptsUsed === other.attemptsUsed && own.hintsShown > other.hintsShown);
    merged[id] = keepOwn ? own : other;
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

/** How far a learner got in a set, read straight from its saved entry (for the catalogue). */
export function summariseSaved(storage: KeyValueStorage | null, key: string): { solved: number; failed: number } | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const saved = readSaved(JSON.parse(raw));
    if (!saved) return null;
    const all = Object.values(saved);
    return { solved: all.filter((t) => t.status === 'solved').length, failed: all.filter((t) => t.status === 'failed').length };
  } catch {
    return null;
  }
}
