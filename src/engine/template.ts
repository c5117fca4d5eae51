/**
 * Template parsing: a task's code becomes lines of text and blank segments.
 *
 * A blank is `[[n]]` (Moodle's convention): the seed page's `[1]` would clash with code such as `items[1]`.
 * `\[[` writes a literal `[[`; any other `[[` that is not `[[digits]]` is ordinary code (`a[[0, 1]]`).
 */
import type { Task } from '../schema/exercise-schema.ts';

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'blank'; readonly blank: number };

export interface BlankOccurrence {
  readonly blank: number;
  /** Zero-based line of the code, and column within the authored line (before unescaping). */
  readonly line: number;
  readonly column: number;
}

export interface Template {
  readonly lines: readonly (readonly Segment[])[];
  /** Every `[[n]]` in reading order, duplicates included (the validator reports them). */
  readonly occurrences: readonly BlankOccurrence[];
}

const TOKEN = /\\\[\[|\[\[(\d+)\]\]/g;

/** The authored lines of a task's code, whichever of the two forms it was written in. */
export function codeLines(code: Task['code']): readonly string[] {
  return typeof code === 'string' ? code.split(/\r?\n/) : code.flatMap((line) => line.split(/\r?\n/));
}

export function parseTemplate(code: Task['code']): Template {
  const occurrences: BlankOccurrence[] = [];
  const lines = codeLines(code).map((source, line) => {
    const segments: Segment[] = [];
    let text = '';
    let last = 0;
    for (const match of source.matchAll(TOKEN)) {
      text += source.slice(last, match.index);
      last = match.index + match[0].length;
      if (match[1] === undefined) {
        text += '[[';
        continue;
      }
      if (text) segments.push({ kind: 'text', text });
      text = '';
      const blank = Number(match[1]);
      segments.push({ kind: 'blank', blank });
      occurrences.push({ blank, line, column: match.index });
    }
    text += source.slice(last);
    if (text) segments.push({ kind: 'text', text });
    return segments;
  });
  return { lines, occurrences };
}

/** The blank numbers of a template, each once, in reading order. */
export function blanksOf(template: Template): readonly number[] {
  return [...new Set(template.occurrences.map((o) => o.blank))];
}

// A task is compiled once: every check, readiness test and event reads its blanks from here.
const compiled = new WeakMap<Task, readonly number[]>();

/** The task's blank numbers in reading order, parsed once per task object. */
export function blanksOfTask(task: Task): readonly number[] {
  let blanks = compiled.get(task);
  if (!blanks) compiled.set(task, (blanks = blanksOf(parseTemplate(task.code))));
  return blanks;
}
