/**
 * Pick: a native select of the task's options per blank. Its rules are the bank's (grading.ts's SELECT);
 * what it adds is how an xAPI statement describes it. Also the correct-response patterns both Pick and
 * Type it list (one per combination of accepted answers).
 */
import type { Task } from '../schema/exercise-schema.ts';
import { BANK, acceptedAnswers, offered, editable, type Change, type Interaction, type Placements, type TaskProgress, type XapiInteraction } from './grading.ts';
import { blanksOfTask } from './template.ts';

/**
 * Caps the correct-response patterns of a task whose blanks accept several answers each: one pattern
 * per combination, up to this many. The statement's `success` is ours either way; the patterns are a
 * description for an LRS's reports, and the first is always the key's first answers.
 */
export const MAX_PATTERNS = 32;

/** A list per blank (a native select) of the options that blank offers: the bank's rules, but each blank chooses on its own. */
export const SELECT: Interaction = { ...BANK, kind: 'select', accepts: (task, part, value) => String(part) in task.answers && offered(task, part).includes(value) };

/**
 * Sets one part on its own (a typed blank, a list's choice): no swapping, as nothing is taken from a
 * bank. What the interaction does not accept is refused; null empties the part.
 */
export function setPart(task: Task, progress: TaskProgress, part: number, value: string | null, interaction: Interaction): Change {
  const refusal = editable(task, progress, part);
  if (refusal) return { ok: false, reason: refusal };
  if (value !== null && !interaction.accepts?.(task, part, value)) return { ok: false, reason: 'unknown-option' };
  if ((progress.placements[part] ?? null) === value) return { ok: true, progress };
  const next: Record<number, string> = { ...progress.placements };
  if (value === null) delete next[part];
  else next[part] = value;
  return { ok: true, progress: { ...progress, placements: next } };
}

/** Every combination of one choice per part, in order (the first choices first), at most MAX_PATTERNS. */
export function combinations(parts: readonly (readonly string[])[]): string[][] {
  let out: string[][] = [[]];
  for (const choices of parts) out = out.flatMap((head) => choices.map((c) => [...head, c])).slice(0, MAX_PATTERNS);
  return out;
}

/**
 * Pick as xAPI: a `matching` of blanks (sources, ids "1", "2"...) to options (targets, "o1", "o2"... in
 * the task's own option order), the response `1[.]o3[,]2[.]o1`. Not `choice`: a choice response is a set
 * of chosen options, which says nothing of which blank got which, and cannot say one option twice (a
 * task with reusable options); a matching pairs each blank with its option, which is what a select per
 * blank is.
 */
export function selectXapi(task: Task, response: Placements): XapiInteraction {
  const blanks = blanksOfTask(task);
  const id = (option: string) => `o${task.options.indexOf(option) + 1}`;
  const pairs = (choose: (blank: number) => string | undefined) =>
    blanks.flatMap((b) => {
      const option = choose(b);
      return option === undefined || !task.options.includes(option) ? [] : [`${b}[.]${id(option)}`];
    });
  return {
    interactionType: 'matching',
    response: pairs((b) => response[b]).join('[,]'),
    correctResponsesPattern: combinations(blanks.map((b) => acceptedAnswers(task, b).filter((a) => task.options.includes(a)))).map((key) =>
      pairs((b) => key[blanks.indexOf(b)]).join('[,]'),
    ),
    source: blanks.map((b) => ({ id: String(b), description: { 'en-US': `Blank ${b}` } })),
    target: task.options.flatMap((option, i) => (task.options.indexOf(option) === i ? [{ id: id(option), description: { und: option } }] : [])),
  };
}

/** Pick: the bank's rules (one of the task's options per blank, exact), described to xAPI as a matching. */
export const selectInteraction: Interaction = { ...SELECT, xapi: selectXapi };
