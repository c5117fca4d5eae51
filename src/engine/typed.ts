/**
 * Type it: the learner types each blank's text instead of choosing an option. A pure interaction over
 * (task, response) in the style of Perseus's separate scorers: which parts are still empty, which are
 * right (and which wrong ones were near misses), which common mistakes the response makes, and how an
 * xAPI statement describes it. No React, no DOM. Pick's interaction is in select.ts.
 */
import type { Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, type Interaction, type Note, type Placements, type XapiInteraction } from './grading.ts';
import { blanksOfTask } from './template.ts';
import { combinations } from './select.ts';

/** The longest text a typed blank takes: longer than any option, short enough for any saved state. */
export const TYPED_MAX = 200;

/**
 * What a typed answer is compared as. Only what no one would call a mistake is undone:
 * - the spaces around it (a phone adds one after a word; answers are trimmed when parsed);
 * - what smart punctuation (iOS, macOS, Word, the French and German keyboards) makes of what was typed:
 *   curly and low quotes and guillemets back to straight ones (with the no-break space a French keyboard
 *   puts inside « »), an em dash back to the `--` it was typed as (`i--`), an en dash back to `-` (` - `
 *   becomes ` – `), `…` back to `...` (`...args`), no-break spaces to spaces, and composed/decomposed
 *   accents to one form (NFC).
 * Spaces inside are kept, not collapsed: in code they can matter (a string literal, Python's
 * indentation), and one space too many is still "one character off", not silently right.
 * Applied to both sides, so an answer written with a curly quote matches a straight one too.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/«[\u00a0\u202f]?|[\u00a0\u202f]?»/g, '"')
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[‘’‚‛‹›]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/—/g, '--')
    .replace(/–/g, '-')
    .replace(/…/g, '...')
    .trim();
}

/**
 * An answer shorter than this gets no `typo` note: one edit of a one- or two-character answer is a third
 * of it or more (`=` for `==`, `in` for `is`), a different answer rather than a slip of the finger.
 */
export const TYPO_MIN_LENGTH = 3;

/**
 * Whether two strings are exactly one edit apart: one character inserted, deleted or substituted, or two
 * adjacent characters swapped (the optimal-string-alignment distance is 1). Counts code points, so an
 * emoji or an astral character is one character. Linear: strip the common prefix and suffix and look at
 * what is left.
 */
export function oneEditApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  const m = x.length - i - j;
  const n = y.length - i - j;
  return m + n === 1 || (m === 1 && n === 1) || (m === 2 && n === 2 && x[i] === y[i + 1] && x[i + 1] === y[i]);
}

/** Per-part results: right or wrong, and a note on a wrong one that was a near miss. */
export interface Graded {
  readonly correct: Record<number, boolean>;
  readonly notes?: Record<number, Note>;
}

/** What a task compares typed text as: normalised, and in lower case when the task ignores case (`ignoreCase`). */
const comparable = (task: Task) => (text: string) => (task.ignoreCase ? normalise(text).toLowerCase() : normalise(text));

/**
 * Grades typed text. Right iff it equals an accepted answer once both are normalised (and lower-cased,
 * when the task ignores case). A wrong one is noted `case` when it differs from an accepted answer only
 * in letter case (never, then, when case is ignored), or `typo` when it is one edit from an accepted
 * answer of at least TYPO_MIN_LENGTH characters, unless the text is another of the task's options: that
 * is a choice the author foresaw (`==` for `===`), which a mistake may speak to, not a slip.
 */
export function gradeTyped(task: Task, response: Placements): Graded {
  const correct: Record<number, boolean> = {};
  const notes: Record<number, Note> = {};
  const as = comparable(task);
  const options = task.options.map(as);
  for (const blank of blanksOfTask(task)) {
    const typed = as(response[blank] ?? '');
    const accepted = acceptedAnswers(task, blank).map(as);
    correct[blank] = accepted.includes(typed);
    if (correct[blank] || typed === '') continue;
    const lower = typed.toLowerCase();
    if (accepted.some((a) => a.toLowerCase() === lower)) notes[blank] = 'case';
    else if (!options.includes(typed) && accepted.some((a) => [...a].length >= TYPO_MIN_LENGTH && oneEditApart(a, typed))) notes[blank] = 'typo';
  }
  return Object.keys(notes).length > 0 ? { correct, notes } : { correct };
}

/** The common mistakes a typed response makes: a `when` option counts as typed when the two compare alike. */
export function typedMistakes(task: Task, response: Placements): number[] {
  const matched: number[] = [];
  const as = comparable(task);
  task.mistakes?.forEach((mistake, index) => {
    const when = Object.entries(mistake.when ?? {});
    const holds = when.every(([blank, choice]) => {
      const typed = response[Number(blank)];
      return typed !== undefined && [choice].flat().some((option) => as(option) === as(typed));
    });
    if (when.length > 0 && holds) matched.push(index);
  });
  return matched;
}

/**
 * Type it as xAPI: a `fill-in`, the response the normalised text of each blank in order, and each
 * pattern prefixed `{case_matters=true}` (xAPI's fill-in default is that case does not matter; ours
 * does), or `{case_matters=false}` for a task that ignores case. xAPI has no escape for `[,]`; an answer
 * that holds it would read as two parts.
 */
export function typedXapi(task: Task, response: Placements): XapiInteraction {
  const blanks = blanksOfTask(task);
  return {
    interactionType: 'fill-in',
    response: blanks.map((b) => normalise(response[b] ?? '')).join('[,]'),
    correctResponsesPattern: combinations(blanks.map((b) => acceptedAnswers(task, b).map(normalise))).map((p) => `{case_matters=${!task.ignoreCase}}${p.join('[,]')}`),
  };
}

/** Type it: any text up to TYPED_MAX characters; a blank holding only spaces is still empty. */
export const typedInteraction: Interaction = {
  kind: 'typed',
  accepts: (task, part, value) => String(part) in task.answers && value.length <= TYPED_MAX,
  empty: (task, response) => blanksOfTask(task).filter((b) => normalise(response[b] ?? '') === ''),
  grade: gradeTyped,
  mistakes: typedMistakes,
  xapi: typedXapi,
};
