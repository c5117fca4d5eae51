/**
 * Progress in `cmi.suspend_data`, so a learner resumes on any computer the LMS shows the package on
 * (the browser's storage stays on one machine). What travels is the store's snapshot (saved-progress
 * format 2: a record per task, keyed by the task's id and content hash), not the attempt log: the LMS
 * hears each result as an interaction. SCORM 1.2 allows 4,096 characters, so each record is written
 * compactly, in the set's order: its status, attempts, hints, resets and each blank's option as an
 * index into the task's options. A check's feedback is not stored: the engine grades the stored
 * placements again when they are read. Decoding is defensive: anything that does not fit the set gives
 * null (start afresh), never an exception.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, matchMistakes, type CheckRecord, type Placements, type TaskProgress } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import { itemKey, parseEntry, storageKeyFor, type KeyValueStorage, type SavedTask, type SavedTasks } from '../store/persistence.ts';

/** SCORM 1.2's limit on cmi.suspend_data (2004 allows 64,000). */
export const SCORM12_SUSPEND_LIMIT = 4096;
const VERSION = 'c1';
const STATUS = { active: 'a', solved: 's', failed: 'f' } as const;
const FROM_CODE: Record<string, TaskProgress['status']> = { a: 'active', s: 'solved', f: 'failed' };
const b36 = (n: number): string => n.toString(36);

const blanksOfTask = (task: Task): readonly number[] => blanksOf(parseTemplate(task.code));

/** Each blank's option as a base-36 index, blanks in reading order, an empty blank as nothing. */
function encodePlacements(task: Task, placements: Placements): string {
  return blanksOfTask(task)
    .map((blank) => {
      const index = task.options.indexOf(placements[blank] ?? '\u0000');
      return index < 0 ? '' : b36(index);
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
    const option = task.options[parseInt(part, 36)];
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

/**
 * One task's record: `<status><attempts>.<hints>.<placements>.<graded placements>` then, when there is
 * any, `.<resets>` and `+` (the common mistakes were opened); a task started afresh and untouched since
 * is `r<resets>`; a task with no record is empty.
 */
function encodeRecord(task: Task, record: SavedTask | undefined): string {
  if (!record) return '';
  if (!record.status) return `r${b36(record.resets ?? 0)}`;
  const graded = record.lastCheck ? encodePlacements(task, record.lastCheck.placements) : '';
  const extra = record.resets !== undefined || record.mistakesShown ? `.${record.resets === undefined ? '' : b36(record.resets)}${record.mistakesShown ? '+' : ''}` : '';
  return `${STATUS[record.status]}${b36(record.attemptsUsed ?? 0)}.${b36(record.hintsShown ?? 0)}.${encodePlacements(task, record.placements ?? {})}.${graded}${extra}`;
}

const RECORD = /^([asf])([0-9a-z]+)\.([0-9a-z]+)\.([0-9a-z,]*)\.([0-9a-z,]*)(?:\.([0-9a-z]*)(\+?))?$/;

function decodeRecord(task: Task, text: string): SavedTask | null {
  const reset = /^r([0-9a-z]+)$/.exec(text);
  if (reset) return { resets: parseInt(reset[1] as string, 36) };
  const match = RECORD.exec(text);
  if (!match) return null;
  const placements = decodePlacements(task, match[4] as string);
  // A graded check has every blank filled: an empty field is "no check".
  const graded = match[5] ? decodePlacements(task, match[5]) : undefined;
  if (!placements || graded === null) return null;
  return {
    ...(match[6] ? { resets: parseInt(match[6], 36) } : {}),
    status: FROM_CODE[match[1] as string] as TaskProgress['status'],
    attemptsUsed: parseInt(match[2] as string, 36),
    hintsShown: parseInt(match[3] as string, 36),
    placements,
    lastCheck: graded ? regrade(task, graded) : null,
    ...(match[7] ? { mistakesShown: true } : {}),
  };
}

/**
 * The snapshot's records of this set's tasks (keyed as the store keys them, `<task id>@<task hash>`)
 * as `c1|<task>;<task>;…`, in the set's order. Records of other contents of a task are not carried:
 * the package's set never changes.
 */
export function encodeProgress(set: ExerciseSet, records: SavedTasks): string {
  const parts = set.tasks.map((task) => encodeRecord(task, records[itemKey(task)]));
  return `${VERSION}|${parts.join(';').replace(/;+$/, '')}`;
}

/** The records `encodeProgress` wrote for this set, or null when the text is not that. */
export function decodeProgress(set: ExerciseSet, text: string): SavedTasks | null {
  if (!text.startsWith(`${VERSION}|`)) return null;
  const body = text.slice(VERSION.length + 1);
  const parts = body === '' ? [] : body.split(';');
  if (parts.length > set.tasks.length) return null;
  const records: Record<string, SavedTask> = {};
  for (const [i, part] of parts.entries()) {
    if (part === '') continue;
    const task = set.tasks[i] as Task;
    const record = decodeRecord(task, part);
    if (!record) return null;
    records[itemKey(task)] = record;
  }
  return records;
}

/**
 * A storage for mount() that keeps entries in memory and hands every save of the exercise's snapshot to
 * `write` in the compact form (the attempt log stays in memory: the LMS gets the results as
 * interactions); `initial` is what the LMS gave back (cmi.suspend_data).
 */
export function suspendStorage(set: ExerciseSet, initial: string, write: (encoded: string) => void, storageKey?: string, mode = 'practice'): KeyValueStorage {
  const entries = new Map<string, string>();
  const key = storageKeyFor(set, storageKey, mode);
  const restored = decodeProgress(set, initial);
  if (restored) entries.set(key, JSON.stringify({ v: 2, tasks: restored }));
  return {
    getItem: (k) => entries.get(k) ?? null,
    setItem(k, value) {
      entries.set(k, value);
      if (k !== key) return;
      const parsed = parseEntry(value);
      if (parsed) write(encodeProgress(set, parsed.tasks));
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
}
