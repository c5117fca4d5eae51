/**
 * Study mode's rules (a worked example, then faded): the task opens solved, each blank showing its
 * answer and the mistakes that answer avoids; each step turns one more filled blank back into a blank
 * for the learner to fill, until every blank is theirs. Pure: the view keeps the step.
 *
 * Fading runs backward, from the last blank to the first, as in Renkl and Atkinson's faded worked
 * examples: the learner first completes a solution that is nearly done, and the last step they take
 * alone is the first one of the solution.
 */
import type { Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, type Placements } from './grading.ts';
import { blanksOfTask } from './template.ts';

/** The blanks in the order they are handed to the learner: the last one in the code first. */
export const fadeOrder = (task: Task): readonly number[] => [...blanksOfTask(task)].reverse();

/** How many steps a task has: one per blank (step 0 is the worked example, nothing faded). */
export const studySteps = (task: Task): number => blanksOfTask(task).length;

/** The blanks the learner fills at `step` (clamped to 0..steps). */
export const fadedAt = (task: Task, step: number): readonly number[] => fadeOrder(task).slice(0, Math.max(0, step));

/** One blank of the worked example: its answer, and what the mistakes that answer avoids say. */
export interface StudyNote {
  readonly blank: number;
  readonly answer: string;
  readonly avoids: readonly string[];
}

/**
 * The worked example's notes, blank by blank in the code's order. A mistake belongs to each blank its
 * `when` names (a mistake made in two blanks at once is avoided by both answers); one that names no
 * blank is general advice, listed apart (`general`).
 */
export function studyNotes(task: Task): { notes: StudyNote[]; general: string[] } {
  const mistakes = task.mistakes ?? [];
  const notes = blanksOfTask(task).map((blank) => ({
    blank,
    answer: acceptedAnswers(task, blank)[0] ?? '',
    avoids: mistakes.filter((m) => m.when?.[String(blank)] !== undefined).map((m) => m.text),
  }));
  return { notes, general: mistakes.filter((m) => !m.when || Object.keys(m.when).length === 0).map((m) => m.text) };
}

/**
 * The step a learner comes back to after a reload: as many blanks faded as they had filled, in fade
 * order (the store keeps what they filled; a blank faded but not yet filled shows its answer again).
 */
export function resumedStep(task: Task, placements: Placements): number {
  const order = fadeOrder(task);
  let step = 0;
  while (step < order.length && placements[order[step]!] !== undefined) step += 1;
  return step;
}

/** Whether a blank the learner fills holds one of its accepted answers. */
export const filledRight = (task: Task, placements: Placements, blank: number): boolean =>
  placements[blank] !== undefined && acceptedAnswers(task, blank).includes(placements[blank]);

/**
 * Where the learner is at `step`: the blanks they fill, whether each of those is right, whether they may
 * step on (every faded blank right), and whether the task is studied (the last step, all right).
 */
export function studyState(task: Task, placements: Placements, step: number) {
  const faded = fadedAt(task, step);
  const ready = faded.every((blank) => filledRight(task, placements, blank));
  return { faded, ready, last: faded.length >= studySteps(task), done: ready && faded.length >= studySteps(task) };
}

/**
 * What the store grades when the last step is done: the learner's own answers in every blank they
 * filled, the worked example's in any other (none, once all are faded).
 */
export function studiedResponse(task: Task, placements: Placements): Placements {
  const out: Record<number, string> = {};
  for (const blank of blanksOfTask(task)) out[blank] = placements[blank] ?? acceptedAnswers(task, blank)[0] ?? '';
  return out;
}
