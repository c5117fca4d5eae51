/**
 * The one way unknown JSON becomes an exercise set: the schema checks the shape, then the rules that
 * a shape cannot express (every blank answered, answers among the options, ...) are checked here.
 * Returns a result value; never throws. The site, the embed and the authors' validator all call it.
 */
import * as v from 'valibot';
import { parseExerciseShape, TaskSchema, type ExerciseSet, type FormatIssue, type JsonPath, type Task } from '../schema/exercise-schema.ts';
import { blanksOf, parseTemplate, type BlankOccurrence } from './template.ts';
import { acceptedAnswers, offered, reusable } from './grading.ts';

export type LoadResult =
  | { readonly ok: true; readonly set: ExerciseSet; readonly warnings: readonly FormatIssue[] }
  | { readonly ok: false; readonly issues: readonly FormatIssue[] };

export function loadExerciseSet(json: unknown): LoadResult {
  const shape = parseExerciseShape(json);
  if (!shape.ok) return { ok: false, issues: shape.issues };
  const issues = checkSetRules(shape.value);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, set: shape.value, warnings: issues };
}

/** Checks the rules beyond the shape. Exported for the validator, which reports warnings too. */
export function checkSetRules(set: ExerciseSet): FormatIssue[] {
  return checkTasks(set.tasks.map((task) => ({ id: task.id, task })));
}

/**
 * The rules beyond the shape, for a file whose shape is wrong somewhere: each task whose code, options
 * and answers have the right shape is checked as if the rest of the file were right, so an author sees
 * the semantic problems beside the structural ones in one run instead of fixing the file round by round.
 * For the validator; the app never loads a set that fails its shape.
 */
export function checkPartialSet(json: unknown): FormatIssue[] {
  if (!isRecord(json) || !Array.isArray(json.tasks)) return [];
  return checkTasks(json.tasks.map((raw: unknown) => (isRecord(raw) ? partialTask(raw) : {})));
}

function checkTasks(tasks: readonly { readonly id?: string; readonly task?: Task }[]): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const seen = new Map<string, number>();
  tasks.forEach(({ id, task }, index) => {
    const first = id === undefined ? undefined : seen.get(id);
    if (first !== undefined) {
      issues.push(error('duplicate-task-id', `Task id "${id}" is already used by task ${first + 1}`, ['tasks', index, 'id']));
    } else if (id !== undefined) {
      seen.set(id, index);
    }
    if (task) issues.push(...checkTask(task, ['tasks', index]));
  });
  return issues;
}

/** The parts of a task whose shape is right: its id, and the task itself if what the rules read is all there. */
function partialTask(raw: Record<string, unknown>): { id?: string; task?: Task } {
  const field = <K extends keyof typeof TaskSchema.entries>(key: K): v.InferOutput<(typeof TaskSchema.entries)[K]> | undefined => {
    const result = v.safeParse(TaskSchema.entries[key], raw[key], { abortPipeEarly: true });
    return result.success ? result.output : undefined;
  };
  const id = field('id');
  const code = field('code');
  const options = field('options');
  const answers = field('answers');
  if (code === undefined || options === undefined || answers === undefined) return id === undefined ? {} : { id };
  const mistakes = field('mistakes');
  const groups = field('groups');
  // A reusableOptions of the wrong type counts as true: that rule then says nothing, rather than a guess.
  const reusableOptions = raw.reusableOptions === undefined ? undefined : (field('reusableOptions') ?? true);
  const task = { id: id ?? '', difficulty: 'easy', prompt: '', language: '', code, options, answers, ...(mistakes ? { mistakes } : {}), ...(groups ? { groups } : {}), ...(reusableOptions === undefined ? {} : { reusableOptions }) } satisfies Task;
  return { ...(id === undefined ? {} : { id }), task };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function error(code: string, message: string, path: JsonPath): FormatIssue {
  return { severity: 'error', code, message, path };
}

function checkTask(task: Task, at: JsonPath): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const template = parseTemplate(task.code);
  const lines = lineSpots(task.code, [...at, 'code']);
  // Where a blank sits in the file: the string that holds its line, and how far into that string.
  const blankError = (code: string, message: string, o: BlankOccurrence | undefined): FormatIssue => {
    const spot = o === undefined ? undefined : lines[o.line];
    if (o === undefined || spot === undefined) return error(code, message, [...at, 'code']);
    return { ...error(code, message, spot.path), stringOffset: spot.start + o.column };
  };

  const options = new Map<string, number>();
  task.options.forEach((option, i) => {
    if (options.has(option)) {
      issues.push(error('duplicate-option', `Option "${option}" is listed twice (also option ${(options.get(option) ?? 0) + 1})`, [...at, 'options', i]));
    } else {
      options.set(option, i);
    }
  });

  const blanks = blanksOf(template);
  if (blanks.length === 0) {
    issues.push(error('no-blanks', 'The code has no blanks: write [[1]] where the first blank goes', [...at, 'code']));
  }
  const counted = new Set<number>();
  for (const occurrence of template.occurrences) {
    if (counted.has(occurrence.blank)) {
      issues.push(blankError('duplicate-blank', `Blank [[${occurrence.blank}]] appears more than once in the code`, occurrence));
    }
    counted.add(occurrence.blank);
  }
  const sorted = [...counted].sort((a, b) => a - b);
  sorted.forEach((blank, i) => {
    if (blank !== i + 1) {
      const occurrence = template.occurrences.find((o) => o.blank === blank);
      issues.push(blankError('blank-gap', `Blanks must be numbered 1 to ${sorted.length} without gaps, but [[${blank}]] is blank number ${i + 1}`, occurrence));
    }
  });

  for (const occurrence of template.occurrences) {
    if (!(String(occurrence.blank) in task.answers)) {
      issues.push(blankError('blank-without-answer', `Blank [[${occurrence.blank}]] has no answer in "answers"`, occurrence));
    }
  }
  // A bank per blank: a group names blanks of the code and options of the task, and a blank has one group.
  const grouped = new Map<number, number>();
  task.groups?.forEach((group, g) => {
    const where = [...at, 'groups', g];
    group.blanks.forEach((blank, i) => {
      const other = grouped.get(blank);
      if (!counted.has(blank)) issues.push(error('group-unknown-blank', `Group ${g + 1} names blank ${blank}, which the code does not have`, [...where, 'blanks', i]));
      else if (other !== undefined) issues.push(error('group-blank-twice', `Blank ${blank} is in group ${other + 1} already: a blank has one group`, [...where, 'blanks', i]));
      else grouped.set(blank, g);
    });
    group.options.forEach((option, i) => {
      if (!options.has(option)) issues.push(error('group-unknown-option', `Group ${g + 1} lists "${option}", which is not one of the options`, [...where, 'options', i]));
    });
  });
  if (task.groups) {
    task.options.forEach((option, i) => {
      if (!blanks.some((blank) => offered(task, blank).includes(option))) {
        issues.push({ ...error('option-never-offered', `No blank offers "${option}": add it to a group, or leave a blank out of every group`, [...at, 'options', i]), severity: 'warning' });
      }
    });
  }
  if (Array.isArray(task.reusableOptions)) {
    task.reusableOptions.forEach((option, i) => {
      if (!options.has(option)) issues.push(error('reusable-unknown-option', `"reusableOptions" lists "${option}", which is not one of the options`, [...at, 'reusableOptions', i]));
    });
  }

  for (const [key, answer] of Object.entries(task.answers)) {
    if (!counted.has(Number(key))) {
      issues.push({ ...error('answer-without-blank', `Answer "${key}" has no blank [[${key}]] in the code`, [...at, 'answers', key]), atKey: true });
    }
    const list = Array.isArray(answer) ? answer : [answer];
    list.forEach((option, i) => {
      const path = Array.isArray(answer) ? [...at, 'answers', key, i] : [...at, 'answers', key];
      if (!options.has(option)) {
        issues.push(error('answer-not-an-option', `Answer "${option}" for blank ${key} is not one of the options`, path));
      } else if (!offered(task, Number(key)).includes(option)) {
        issues.push(error('answer-not-offered', `Answer "${option}" for blank ${key} is not one of its group's options`, path));
      }
    });
  }

  if (!task.options.some((option) => reusable(task, option)) && task.options.length < blanks.length) {
    issues.push(error('too-few-options', `${blanks.length} blanks need at least ${blanks.length} options unless "reusableOptions" is true`, [...at, 'options']));
  }
  if (task.reusableOptions !== true) {
    // Without reuse each option fills one blank, so two blanks that accept only the same option can never both be right.
    const single = new Map<string, string>();
    for (const [key, answer] of Object.entries(task.answers)) {
      if (Array.isArray(answer) && answer.length !== 1) continue;
      const option = Array.isArray(answer) ? answer[0] : answer;
      if (option === undefined || reusable(task, option)) continue;
      const other = single.get(option);
      if (other !== undefined) {
        issues.push(error('answer-needs-reuse', `Blanks ${other} and ${key} both need "${option}": list it in "reusableOptions", or set that to true`, [...at, 'answers', key]));
      }
      single.set(option, key);
    }
  }

  task.mistakes?.forEach((mistake, m) => {
    for (const [key, choice] of Object.entries(mistake.when ?? {})) {
      const whenPath: JsonPath = [...at, 'mistakes', m, 'when', key];
      if (!counted.has(Number(key))) {
        issues.push({ ...error('mistake-unknown-blank', `This mistake names blank ${key}, which the code does not have`, whenPath), atKey: true });
        continue;
      }
      const accepted = acceptedAnswers(task, Number(key));
      (Array.isArray(choice) ? choice : [choice]).forEach((option, i) => {
        const path = Array.isArray(choice) ? [...whenPath, i] : whenPath;
        if (!options.has(option)) {
          issues.push(error('mistake-unknown-option', `This mistake names "${option}", which is not one of the options`, path));
        } else if (!offered(task, Number(key)).includes(option)) {
          issues.push(error('mistake-not-offered', `This mistake names "${option}", which blank ${key} does not offer (its group lacks it)`, path));
        } else if (accepted.includes(option)) {
          issues.push(error('mistake-is-right', `This mistake names "${option}", which is a right answer for blank ${key}`, path));
        }
      });
    }
  });
  return issues;
}

/**
 * Where each line of the code starts in the file: the JSON string that holds it and the offset in that
 * string. Mirrors `codeLines`: one string split at newlines, or each array item split the same way.
 */
export function lineSpots(code: Task['code'], codePath: JsonPath): { path: JsonPath; start: number }[] {
  const strings = typeof code === 'string' ? [{ path: codePath, text: code }] : code.map((text, i) => ({ path: [...codePath, i], text }));
  return strings.flatMap(({ path, text }) => [0, ...Array.from(text.matchAll(/\r?\n/g), (m) => m.index + m[0].length)].map((start) => ({ path, start })));
}
