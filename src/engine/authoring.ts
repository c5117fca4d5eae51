/**
 * The studio's authoring operations: pure functions from a task to a task. The studio's "Make blank",
 * "Remove blank" and "Add distractor" buttons call these and write the result back into the JSON, so the
 * rules (the next `[[n]]`, renumbering in reading order, keeping answers and `when` keys attached to the
 * same text) are tested here, without a browser. Each returns a result value instead of throwing.
 */
import type { Mistake, Task } from '../schema/exercise-schema.ts';
import { blanksOf, codeLines, parseTemplate } from './template.ts';

export type AuthoringResult =
  | { readonly ok: true; readonly task: Task; readonly blank?: number }
  | { readonly ok: false; readonly reason: string };

const TOKEN = /\\\[\[|\[\[(\d+)\]\]/g;

/** The task's code in the form it was written in (one string, or an array of lines). */
function withLines(task: Task, lines: readonly string[]): Task['code'] {
  return typeof task.code === 'string' ? lines.join('\n') : [...lines];
}

function answerList(answer: Task['answers'][string] | undefined): readonly string[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [answer];
}

/**
 * Turns the text from `startCol` to `endCol` of one authored line (zero-based, as the studio's code view
 * shows the line: blanks as `[[n]]`) into a blank. Whitespace around the selection is left in the code.
 * The text becomes an option (unless it is one already) and the blank's answer; blanks are then numbered
 * in reading order, and `blank` says which number the new one got. An option that two blanks now need
 * turns on `reusableOptions`, which is what the author asked for.
 */
export function blankSelection(task: Task, line: number, startCol: number, endCol: number): AuthoringResult {
  const lines = [...codeLines(task.code)];
  const source = lines[line];
  if (source === undefined) return { ok: false, reason: 'There is no such line in the code' };
  let start = Math.max(0, Math.min(startCol, endCol));
  let end = Math.min(source.length, Math.max(startCol, endCol));
  while (start < end && /\s/.test(source[start] ?? '')) start++;
  while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
  if (start === end) return { ok: false, reason: 'Select some code first' };
  for (const match of source.matchAll(TOKEN)) {
    if (match.index < end && match.index + match[0].length > start) {
      return { ok: false, reason: 'The selection overlaps a blank: select code outside the blanks' };
    }
  }
  const text = source.slice(start, end);
  const before = blanksOf(parseTemplate(task.code));
  const next = Math.max(0, ...before) + 1;
  lines[line] = `${source.slice(0, start)}[[${next}]]${source.slice(end)}`;
  const after = parseTemplate(lines);
  // A backslash just before the selection would turn the new [[n]] into a literal: refuse rather than guess.
  if (after.occurrences.filter((o) => o.blank === next).length !== 1 || after.occurrences.length !== parseTemplate(task.code).occurrences.length + 1) {
    return { ok: false, reason: 'A blank cannot start right after a backslash' };
  }
  const options = task.options.includes(text) ? task.options : [...task.options, text];
  const needsReuse = Object.values(task.answers).some((answer) => answerList(answer).length === 1 && answerList(answer)[0] === text);
  const blanked: Task = {
    ...task,
    code: withLines(task, lines),
    options,
    answers: { ...task.answers, [String(next)]: text },
    ...(needsReuse ? { reusableOptions: true } : {}),
  };
  const { task: renumbered, map } = renumber(blanked);
  return { ok: true, task: renumbered, blank: map.get(next) ?? next };
}

/**
 * Puts blank `n`'s answer back into the code, drops its answer and the `when` conditions that name it
 * (a mistake left with no condition could never match, so it goes too, unless it is `always` shown),
 * removes its option unless another blank or mistake still uses it (distractors stay), and renumbers
 * the remaining blanks 1..N in reading order with their answers, `when` keys and groups.
 */
export function removeBlank(task: Task, n: number): AuthoringResult {
  const key = String(n);
  const template = parseTemplate(task.code);
  if (!template.occurrences.some((o) => o.blank === n)) return { ok: false, reason: `The code has no blank ${n}` };
  const text = answerList(task.answers[key])[0] ?? '';
  const lines = codeLines(task.code).map((source) => source.replace(TOKEN, (token, blank: string | undefined) => (blank !== undefined && Number(blank) === n ? text : token)));
  const answers = Object.fromEntries(Object.entries(task.answers).filter(([k]) => k !== key));
  const mistakes = task.mistakes
    ?.map((mistake): Mistake | null => {
      if (!mistake.when || !(key in mistake.when)) return mistake;
      const when = Object.fromEntries(Object.entries(mistake.when).filter(([k]) => k !== key));
      if (Object.keys(when).length > 0) return { ...mistake, when };
      if (!mistake.always) return null;
      const { when: _dropped, ...rest } = mistake;
      return rest;
    })
    .filter((m): m is Mistake => m !== null);
  const used = new Set([
    ...Object.values(answers).flatMap(answerList),
    ...(mistakes ?? []).flatMap((m) => Object.values(m.when ?? {}).flatMap(answerList)),
  ]);
  const removed = new Set(answerList(task.answers[key]).filter((option) => !used.has(option)));
  // The blank leaves its group, a group left without blanks goes, and a removed option leaves the groups and the reusable list.
  const groups = task.groups
    ?.map((g) => ({ blanks: g.blanks.filter((b) => b !== n), options: g.options.filter((o) => !removed.has(o)) }))
    .filter((g) => g.blanks.length > 0 && g.options.length > 0);
  const reusable = Array.isArray(task.reusableOptions) ? task.reusableOptions.filter((o) => !removed.has(o)) : task.reusableOptions;
  const { mistakes: _old, groups: _groups, reusableOptions: _reusable, ...rest } = task;
  const stripped: Task = {
    ...rest,
    code: withLines(task, lines),
    options: task.options.filter((option) => !removed.has(option)),
    answers,
    ...(mistakes && mistakes.length > 0 ? { mistakes } : {}),
    ...(groups && groups.length > 0 ? { groups } : {}),
    ...(reusable === undefined || (Array.isArray(reusable) && reusable.length === 0) ? {} : { reusableOptions: reusable }),
  };
  return { ok: true, task: renumber(stripped).task };
}

/** Adds a wrong option for the learner to weigh. Refuses empty text and an option already listed. */
export function addDistractor(task: Task, text: string): AuthoringResult {
  const option = text.trim();
  if (!option) return { ok: false, reason: 'Write the distractor first' };
  if (task.options.includes(option)) return { ok: false, reason: `"${option}" is already an option` };
  return { ok: true, task: { ...task, options: [...task.options, option] } };
}

/**
 * A new task from pasted code, with no blanks yet (so not valid until the first one is made). A `[[`
 * that the template would read as a blank or an escape is escaped, so the code reads back as pasted.
 */
export function codeToTask(pastedCode: string, language: string, id = 'task-1'): Task {
  const lines = pastedCode.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  while (lines.length > 1 && lines[0]?.trim() === '') lines.shift();
  return {
    id,
    difficulty: 'easy',
    prompt: 'Fill in the blanks.',
    language,
    code: lines.map(escapeCode),
    options: [],
    answers: {},
  };
}

/** Escapes each `[[` that the template would not show as written: before digits and `]]`, or after a backslash. */
function escapeCode(line: string): string {
  return line.replace(/(\\?)\[\[(?=(\d+\]\])?)/g, (whole, slash: string, digits: string | undefined) => (slash || digits ? `${slash}\\[[` : whole));
}

/** Numbers the blanks 1..N in reading order, moving each answer, `when` key and group entry with its blank. */
export function renumber(task: Task): { task: Task; map: Map<number, number> } {
  const map = new Map(blanksOf(parseTemplate(task.code)).map((blank, i) => [blank, i + 1]));
  if ([...map].every(([from, to]) => from === to)) return { task, map };
  const lines = codeLines(task.code).map((source) => source.replace(TOKEN, (token, blank: string | undefined) => (blank === undefined ? token : `[[${map.get(Number(blank)) ?? blank}]]`)));
  const rekey = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record)
        .map(([k, value]): [string, T] => [String(map.get(Number(k)) ?? k), value])
        .sort(([a], [b]) => Number(a) - Number(b)),
    );
  return {
    task: {
      ...task,
      code: withLines(task, lines),
      answers: rekey(task.answers),
      ...(task.mistakes ? { mistakes: task.mistakes.map((m) => (m.when ? { ...m, when: rekey(m.when) } : m)) } : {}),
      ...(task.groups ? { groups: task.groups.map((g) => ({ ...g, blanks: g.blanks.map((b) => map.get(b) ?? b) })) } : {}),
    },
    map,
  };
}
