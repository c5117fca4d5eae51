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
import { itemKey, parseEntry, storageKeyFor, type KeyValueStorage, type Round, type RoundResult, type SavedTask, type SavedTasks } from '../store/persistence.ts';

/** SCORM 1.2's limit on cmi.suspend_data (2004 allows 64,000). */
export const SCORM12_SUSPEND_LIMIT = 4096;
const VERSION = 'c1';
const STATUS = { active: 'a', solved: 's', failed: 'f' } as const;
const FROM_CODE: Record<string, TaskProgress['status']> = { a: 'active', s: 'solved', f: 'failed' };
const b36 = (n: number): string => n.toString(36);
const int36 = (text: string | undefined): number | null => (text !== undefined && /^[0-9a-z]+$/.test(text) ? parseInt(text, 36) : null);

const blanksOfTask = (task: Task): readonly number[] => blanksOf(parseTemplate(task.code));

/** The modes whose answers are the bank's (an option per blank): the engine grades them again when read. */
const BANK_MODES = ['practice', 'study', 'exam'];

/**
 * The parts an answer is made of: the blanks in reading order, or (line order) the answer's places 1..n,
 * as many as `count` (the highest place used when encoding).
 */
const slotsOf = (task: Task, mode: string, count: number): readonly number[] =>
  mode === 'order' ? Array.from({ length: count }, (_, i) => i + 1) : blanksOfTask(task);

/**
 * A value as written: its index among the task's options (base 36), or `~` and the text itself (a typed
 * answer, a line of line order's) escaped so that none of the separators `.,;|+` appears in it.
 */
function encodeValue(task: Task, value: string): string {
  const index = task.options.indexOf(value);
  return index >= 0 ? b36(index) : `~${encodeURIComponent(value).replace(/\./g, '%2E')}`;
}

function decodeValue(task: Task, text: string): string | undefined {
  if (!text.startsWith('~')) return task.options[int36(text) ?? -1];
  try {
    return decodeURIComponent(text.slice(1));
  } catch {
    return undefined;
  }
}

function encodePlacements(task: Task, mode: string, placements: Placements): string {
  const count = mode === 'order' ? Math.max(0, ...Object.keys(placements).map(Number)) : 0;
  return slotsOf(task, mode, count)
    .map((slot) => (placements[slot] === undefined ? '' : encodeValue(task, placements[slot])))
    .join(',');
}

function decodePlacements(task: Task, mode: string, text: string): Placements | null {
  const parts = text === '' ? [] : text.split(',');
  const slots = slotsOf(task, mode, parts.length);
  if (parts.length > slots.length) return null;
  const placements: Record<number, string> = {};
  for (const [i, part] of parts.entries()) {
    if (part === '') continue;
    const value = decodeValue(task, part);
    if (value === undefined) return null;
    placements[slots[i] as number] = value;
  }
  return placements;
}

/** The check record the engine would have made for these placements (the bank's grading). */
function regrade(task: Task, placements: Placements): CheckRecord {
  const correct: Record<number, boolean> = {};
  for (const blank of blanksOfTask(task)) correct[blank] = acceptedAnswers(task, blank).includes(placements[blank] ?? '');
  return { placements, correct, matchedMistakes: matchMistakes(task, placements) };
}

/**
 * A check another mode graded (typed text, a pick, a line order), which this module cannot grade again
 * without the mode's chunk: each part's mark as a digit in the placements' order, and the matched
 * mistakes' indexes.
 */
const encodeMarks = (check: CheckRecord): string =>
  `${Object.keys(check.placements)
    .map((slot) => (check.correct[Number(slot)] ? '1' : '0'))
    .join('')}.${check.matchedMistakes.map(b36).join(',')}`;

function decodeMarks(placements: Placements, bits: string, mistakes: string): CheckRecord | null {
  const slots = Object.keys(placements).map(Number);
  if (!/^[01]*$/.test(bits) || bits.length !== slots.length) return null;
  const matched = mistakes === '' ? [] : mistakes.split(',').map(int36);
  if (matched.some((m) => m === null)) return null;
  return { placements, correct: Object.fromEntries(slots.map((slot, i) => [slot, bits[i] === '1'])), matchedMistakes: matched as number[] };
}

/**
 * One task's record: `<status><attempts>.<hints>.<placements>.<graded placements>` then, when there is
 * any, `.<resets>` and `+` (the common mistakes were opened); in a mode other than the bank's, then
 * `.<marks>.<mistakes>.<aids>` (encodeMarks; the aids as values). A task started afresh and untouched
 * since is `r<resets>`; a task with no record is empty.
 */
function encodeRecord(task: Task, mode: string, record: SavedTask | undefined): string {
  if (!record) return '';
  if (!record.status) return `r${b36(record.resets ?? 0)}`;
  const check = record.lastCheck;
  const graded = check ? encodePlacements(task, mode, check.placements) : '';
  const bank = BANK_MODES.includes(mode);
  const own = bank ? '' : `.${check ? encodeMarks(check) : '.'}.${(record.aids ?? []).map((aid) => encodeValue(task, aid)).join(',')}`;
  const extra =
    record.resets !== undefined || record.mistakesShown || own ? `.${record.resets === undefined ? '' : b36(record.resets)}${record.mistakesShown ? '+' : ''}` : '';
  return `${STATUS[record.status]}${b36(record.attemptsUsed ?? 0)}.${b36(record.hintsShown ?? 0)}.${encodePlacements(task, mode, record.placements ?? {})}.${graded}${extra}${own}`;
}

function decodeRecord(task: Task, mode: string, text: string): SavedTask | null {
  const reset = /^r([0-9a-z]+)$/.exec(text);
  if (reset) return { resets: parseInt(reset[1] as string, 36) };
  const [head = '', hints, shown, gradedText, tail, bits, mistakes, aidsText, ...more] = text.split('.');
  const status = FROM_CODE[head.charAt(0)];
  const attemptsUsed = int36(head.slice(1));
  const hintsShown = int36(hints);
  const resetText = tail?.replace(/\+$/, '') ?? '';
  const resets = resetText === '' ? undefined : int36(resetText);
  if (!status || attemptsUsed === null || hintsShown === null || shown === undefined || gradedText === undefined || resets === null || more.length) return null;
  const placements = decodePlacements(task, mode, shown);
  // A graded check has every blank filled: an empty field is "no check".
  const graded = gradedText ? decodePlacements(task, mode, gradedText) : undefined;
  if (!placements || graded === null) return null;
  let lastCheck: CheckRecord | null = null;
  let aids: string[] | undefined;
  if (BANK_MODES.includes(mode)) {
    if (bits !== undefined) return null;
    lastCheck = graded ? regrade(task, graded) : null;
  } else {
    if (bits === undefined || mistakes === undefined || aidsText === undefined) return null;
    if (graded) lastCheck = decodeMarks(graded, bits, mistakes);
    if (graded && !lastCheck) return null;
    const values = aidsText === '' ? [] : aidsText.split(',').map((part) => decodeValue(task, part));
    if (values.some((v) => v === undefined)) return null;
    if (values.length) aids = values as string[];
  }
  return {
    ...(resets === undefined ? {} : { resets }),
    status,
    attemptsUsed,
    hintsShown,
    placements,
    lastCheck,
    ...(tail?.endsWith('+') ? { mistakesShown: true } : {}),
    ...(aids ? { aids } : {}),
  };
}

/** A timed round (an exam's) and its results, as the snapshot keeps them beside the tasks. */
export interface SuspendedRounds {
  readonly round?: Round | null;
  readonly history?: readonly RoundResult[];
}

/** The results carried: the newest three (the LMS keeps each attempt's score itself). */
const RESULTS_KEPT = 3;

/** `<seed>.<started>.<limit>.<submitted>` (an absent limit or submission empty), then `,`-separated results `<at>.<solved>.<total>.<ms>`. */
function encodeRounds({ round, history = [] }: SuspendedRounds): string {
  if (!round && history.length === 0) return '';
  const r = round ? [round.seed, round.startedAt, round.limitMs, round.submittedAt].map((n) => (n === null ? '' : b36(Math.round(n)))).join('.') : '';
  const h = history.slice(0, RESULTS_KEPT).map((x) => [x.at, x.solved, x.total, x.ms].map((n) => b36(Math.round(n))).join('.'));
  return `|${r}|${h.join(',')}`;
}

function decodeRounds(round: string, history: string): SuspendedRounds | null {
  let parsed: Round | null = null;
  if (round !== '') {
    const [seed, startedAt, limitMs, submittedAt, ...more] = round.split('.').map((part) => (part === '' ? null : int36(part)));
    if (seed == null || startedAt == null || limitMs === undefined || submittedAt === undefined || more.length) return null;
    parsed = { seed, startedAt, limitMs, submittedAt };
  }
  const results: RoundResult[] = [];
  for (const item of history === '' ? [] : history.split(',')) {
    const [at, solved, total, ms, ...more] = item.split('.').map(int36);
    if (at == null || solved == null || total == null || ms == null || more.length) return null;
    results.push({ at, solved, total, ms });
  }
  return { round: parsed, history: results };
}

/**
 * The snapshot's records of this set's tasks (keyed as the store keys them, `<task id>@<task hash>`)
 * as `c1|<task>;<task>;…`, in the set's order, then an exam's round as `|<round>|<results>`. Records of
 * other contents of a task are not carried: the package's set never changes.
 */
export function encodeProgress(set: ExerciseSet, records: SavedTasks, mode = 'practice', rounds: SuspendedRounds = {}): string {
  const parts = set.tasks.map((task) => encodeRecord(task, mode, records[itemKey(task)]));
  return `${VERSION}|${parts.join(';').replace(/;+$/, '')}${encodeRounds(rounds)}`;
}

/** The records (and round) `encodeProgress` wrote for this set and mode, or null when the text is not that. */
export function decodeSuspended(set: ExerciseSet, text: string, mode = 'practice'): { tasks: SavedTasks; rounds: SuspendedRounds } | null {
  const [version, body = '', round, history, ...more] = text.split('|');
  if (version !== VERSION || more.length || (round === undefined) !== (history === undefined)) return null;
  const rounds = round === undefined ? {} : decodeRounds(round, history as string);
  const parts = body === '' ? [] : body.split(';');
  if (!rounds || parts.length > set.tasks.length) return null;
  const records: Record<string, SavedTask> = {};
  for (const [i, part] of parts.entries()) {
    if (part === '') continue;
    const task = set.tasks[i] as Task;
    const record = decodeRecord(task, mode, part);
    if (!record) return null;
    records[itemKey(task)] = record;
  }
  return { tasks: records, rounds };
}

/** The records `encodeProgress` wrote for this set, or null when the text is not that. */
export function decodeProgress(set: ExerciseSet, text: string, mode = 'practice'): SavedTasks | null {
  return decodeSuspended(set, text, mode)?.tasks ?? null;
}

/**
 * A storage for mount() that keeps entries in memory and hands every save of the exercise's snapshot to
 * `write` in the compact form (the attempt log stays in memory: the LMS gets the results as
 * interactions); `initial` is what the LMS gave back (cmi.suspend_data).
 */
export function suspendStorage(set: ExerciseSet, initial: string, write: (encoded: string) => void, storageKey?: string, mode = 'practice'): KeyValueStorage {
  const entries = new Map<string, string>();
  const key = storageKeyFor(set, storageKey, mode);
  let restored: ReturnType<typeof decodeSuspended> = null;
  try {
    restored = decodeSuspended(set, initial, mode);
  } catch {
    // Decoding is written not to throw; whatever the LMS hands back, a damaged one starts afresh.
  }
  if (restored) entries.set(key, JSON.stringify({ v: 2, tasks: restored.tasks, ...restored.rounds }));
  return {
    getItem: (k) => entries.get(k) ?? null,
    setItem(k, value) {
      entries.set(k, value);
      if (k !== key) return;
      const parsed = parseEntry(value);
      if (parsed) write(encodeProgress(set, parsed.tasks, mode, parsed.rounds as SuspendedRounds));
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
