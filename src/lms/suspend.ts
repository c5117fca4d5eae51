/**
 * Progress in `cmi.suspend_data`, so a learner resumes on any computer the LMS shows the package on
 * (the browser's storage stays on one machine). SCORM 1.2 allows 4,096 characters, so progress is
 * written compactly: per task, in the set's order, its status, attempts, hints and each blank's option
 * as an index into the task's options. A check's feedback is not stored: the engine grades the stored
 * placements again when they are read. Decoding is defensive: anything that does not fit the set gives
 * null (start afresh), never an exception.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, matchMistakes, type CheckRecord, type Placements, type TaskProgress } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import { parseSaved, save, storageKeyFor, type KeyValueStorage, type SavedTasks } from '../store/persistence.ts';

/** SCORM 1.2's limit on cmi.suspend_data (2004 allows 64,000). */
export const SCORM12_SUSPEND_LIMIT = 4096;
const VERSION = 'c1';
const STATUS = { active: 'a', solved: 's', failed: 'f' } as const;
const FROM_CODE: Record<string, TaskProgress['status']> = { a: 'active', s: 'solved', f: 'failed' };

const blanksOfTask = (task: Task): readonly number[] => blanksOf(parseTemplate(task.code));

/** Each blank's option as a base-36 index, blanks in reading order, an empty blank as nothing. */
function encodePlacements(task: Task, placements: Placements): string {
  return blanksOfTask(task)
    .map((blank) => {
      const index = task.options.indexOf(placements[blank] ?? '\u0000');
      return index < 0 ? '' : index.toString(36);
    })
    .join(',');
}

function decodePlacements(task: Task, text: string): Placements | null {
  const blanks = blanksOfTask(task);
  const parts = text === '' ? [] : text.split(',');
  if (parts.length > blanks.length) return null;
  const placements: Record<number, string> = {};
  for (const [i, part] of parts.entries()) {
    if (part === '') continue;
    const option = /^[0-9a-z]+$/.test(part) ? task.options[parseInt(part, 36)] : undefined;
    if (option === undefined) return null;
    placements[blanks[i] as number] = option;
  }
  return placements;
}

/** The check record the engine would have made for these placements. */
function regrade(task: Task, placements: Placements): CheckRecord {
  const correct: Record<number, boolean> = {};
  for (const blank of blanksOfTask(task)) correct[blank] = acceptedAnswers(task, blank).includes(placements[blank] ?? '');
  return { placements, correct, matchedMistakes: matchMistakes(task, placements) };
}

/** Progress as `c1|<task>;<task>;…`, a task as `<status><attempts>.<hints>.<placements>[.<graded placements>]`, an untouched task empty. */
export function encodeProgress(set: ExerciseSet, tasks: SavedTasks): string {
  const parts = set.tasks.map((task) => {
    const p = tasks[task.id];
    if (!p) return '';
    const check = p.lastCheck ? `.${encodePlacements(task, p.lastCheck.placements)}` : '';
    return `${STATUS[p.status]}${p.attemptsUsed.toString(36)}.${p.hintsShown.toString(36)}.${encodePlacements(task, p.placements)}${check}`;
  });
  return `${VERSION}|${parts.join(';').replace(/;+$/, '')}`;
}

/** The progress `encodeProgress` wrote for this set, or null when the text is not that. */
export function decodeProgress(set: ExerciseSet, text: string): SavedTasks | null {
  if (!text.startsWith(`${VERSION}|`)) return null;
  const body = text.slice(VERSION.length + 1);
  const parts = body === '' ? [] : body.split(';');
  if (parts.length > set.tasks.length) return null;
  const tasks: Record<string, TaskProgress> = {};
  for (const [i, part] of parts.entries()) {
    if (part === '') continue;
    const task = set.tasks[i] as Task;
    const match = /^([asf])([0-9a-z]+)\.([0-9a-z]+)\.([0-9a-z,]*)(?:\.([0-9a-z,]*))?$/.exec(part);
    if (!match) return null;
    const placements = decodePlacements(task, match[4] ?? '');
    const graded = match[5] === undefined ? undefined : decodePlacements(task, match[5]);
    if (!placements || graded === null) return null;
    tasks[task.id] = {
      status: FROM_CODE[match[1] as string] as TaskProgress['status'],
      attemptsUsed: parseInt(match[2] as string, 36),
      hintsShown: parseInt(match[3] as string, 36),
      placements,
      lastCheck: graded ? regrade(task, graded) : null,
    };
  }
  return tasks;
}

/**
 * A storage for mount() that keeps the exercise's saved entry in memory and hands every save to
 * `write` in the compact form; `initial` is what the LMS gave back (cmi.suspend_data).
 */
export function suspendStorage(set: ExerciseSet, initial: string, write: (encoded: string) => void, storageKey?: string): KeyValueStorage {
  const entries = new Map<string, string>();
  const key = storageKeyFor(set, storageKey);
  const storage: KeyValueStorage = {
    getItem: (k) => entries.get(k) ?? null,
    setItem(k, value) {
      entries.set(k, value);
      if (k !== key) return;
      const tasks = parseSaved(value, set);
      if (tasks) write(encodeProgress(set, tasks));
    },
    removeItem(k) {
      entries.delete(k);
      if (k === key) write('');
    },
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
  };
  const restored = decodeProgress(set, initial);
  if (restored) save({ ...storage, setItem: (k, v) => entries.set(k, v) }, key, restored);
  return storage;
}
