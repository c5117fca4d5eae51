/**
 * The studio's document: the JSON text in the editor is the one source of truth. A button (make a
 * blank, add a distractor, add a task) reads the set from the text, applies a pure authoring operation
 * and hands back the smallest change to the text, which the editor applies as one transaction, so its
 * undo and redo cover buttons and typing alike.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { codeToTask, type AuthoringResult } from '../engine/authoring.ts';

/** One replacement in the text, in CodeMirror's terms. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

export type Edit = { readonly ok: true; readonly change: TextChange; readonly blank?: number } | { readonly ok: false; readonly reason: string };

type RawSet = Record<string, unknown> & { tasks?: unknown };

function parseObject(text: string): RawSet | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawSet) : null;
  } catch {
    return null;
  }
}

/** The set's text as the studio writes it: two spaces, a final newline (as the bundled sets are). */
export function formatSet(set: unknown): string {
  return `${JSON.stringify(set, null, 2)}\n`;
}

/** The smallest replacement that turns `before` into `after`: the cursor and the undo history stay put elsewhere. */
export function diff(before: string, after: string): TextChange {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/**
 * A task as far as the authoring operations read it: code, options and answers of the right types.
 * The rest of it may still be wrong (the validator says so in the editor); a blank can be made anyway.
 */
export function taskAt(text: string, index: number): Task | null {
  const set = parseObject(text);
  const task: unknown = Array.isArray(set?.tasks) ? set.tasks[index] : undefined;
  if (typeof task !== 'object' || task === null) return null;
  const { code, options, answers } = task as Record<string, unknown>;
  const isStrings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!(typeof code === 'string' || isStrings(code)) || !isStrings(options)) return null;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
  return task as Task;
}

/** The tasks' ids (or numbers) for the task picker; empty when the text is not a set. */
export function taskNames(text: string): string[] {
  const set = parseObject(text);
  if (!Array.isArray(set?.tasks)) return [];
  return set.tasks.map((task: unknown, i) => {
    const id = typeof task === 'object' && task !== null ? (task as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id ? id : `task ${i + 1}`;
  });
}

/** Applies an authoring operation to task `index` of the text. */
export function editTask(text: string, index: number, operation: (task: Task) => AuthoringResult): Edit {
  const set = parseObject(text);
  const task = taskAt(text, index);
  if (!set || !Array.isArray(set.tasks) || !task) return { ok: false, reason: 'Fix the JSON of this task first: its code, options and answers must be readable' };
  const result = operation(task);
  if (!result.ok) return result;
  const tasks = set.tasks.map((t: unknown, i) => (i === index ? result.task : t));
  return { ok: true, change: diff(text, formatSet({ ...set, tasks })), ...(result.blank === undefined ? {} : { blank: result.blank }) };
}

/** A new set of one task from pasted code: the studio's "start from code". */
export function newSetText(code: string, language: string): string {
  const set: ExerciseSet = {
    $schema: './schema.json',
    formatVersion: 1,
    id: 'my-set',
    title: 'My set',
    subject: 'Programming',
    tasks: [codeToTask(code, language, 'task-1')],
  };
  return formatSet(set);
}

/** Appends a task made from pasted code, with an id no other task has. */
export function addTaskText(text: string, code: string, language: string): Edit {
  const set = parseObject(text);
  if (!set || !Array.isArray(set.tasks)) return { ok: false, reason: 'Fix the JSON first: the set needs a "tasks" list to add to' };
  const ids = new Set(taskNames(text));
  let n = set.tasks.length + 1;
  while (ids.has(`task-${n}`)) n++;
  const tasks = [...set.tasks, codeToTask(code, language, `task-${n}`)];
  return { ok: true, change: diff(text, formatSet({ ...set, tasks })) };
}
