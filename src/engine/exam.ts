/**
 * The exam's rules as pure values: the seeded order of tasks and options, the clock, and what a task
 * shows before and after the exam is submitted. What the store needs (a retake's seed, a round's result,
 * the history kept) is in round.ts.
 *
 * Nothing here reads the clock or draws a random number: the store passes `now` and the seed in, so the
 * same round always gives the same order, the same time left and the same result.
 */
import type { Task } from '../schema/exercise-schema.ts';
import { solutionOf, type Placements, type TaskProgress } from './grading.ts';
import { parseTemplate } from './template.ts';
import { hashString } from './scoring.ts';
import { seededShuffle } from './seeded.ts';
import { elapsedMs, type RoundClock } from './round.ts';

/** The time limits the start screen offers, in minutes; null is no limit. */
export const EXAM_LIMITS = [null, 10, 20, 30] as const;
export type ExamLimit = (typeof EXAM_LIMITS)[number];

/** A permutation of the items, the same for the same seed: what a round shows in its own order. */
export const seededOrder: <T>(items: readonly T[], seed: number) => T[] = seededShuffle;

/**
 * Each task's options get their own stream from the round's seed and the task's id, so two tasks with
 * the same options are not shuffled alike, and one task's order does not depend on its neighbours.
 */
export const optionSeed = (seed: number, taskId: string): number => (Math.imul(seed >>> 0, 0x9e3779b1) ^ hashString(taskId)) >>> 0;

/** The tasks in the round's order. */
export const taskOrder = <T extends Pick<Task, 'id'>>(tasks: readonly T[], seed: number): T[] => seededOrder(tasks, seed);

/** A task's options in the round's order. */
export const optionOrder = (task: Pick<Task, 'id' | 'options'>, seed: number): string[] => seededOrder(task.options, optionSeed(seed, task.id));

/** Time left, between 0 and the limit; null when the round has no limit. */
export function timeLeft(round: RoundClock, now: number): number | null {
  return round.limitMs === null ? null : Math.max(0, round.limitMs - elapsedMs(round, now));
}

/** Whether a limited round has run out of time (and so submits itself). */
export const timeUp = (round: RoundClock, now: number): boolean => timeLeft(round, now) === 0;

/** The minutes left at which the timer speaks to screen readers; between them it stays quiet. */
export const TIMER_CUES = [5, 1] as const;

/**
 * The cue to announce when the time left goes from `before` to `after`: the smallest cue crossed
 * (a jump from 6 to 0.5 minutes says "1 minute", not both), or null when none was crossed.
 */
export function timerCue(before: number, after: number): (typeof TIMER_CUES)[number] | null {
  let cue: (typeof TIMER_CUES)[number] | null = null;
  for (const minutes of TIMER_CUES) if (before > minutes * 60_000 && after <= minutes * 60_000) cue = minutes;
  return cue;
}

/** "m:ss" for a duration, rounded up to the second so "0:00" shows only when the time is up. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A task's answer is saved (locked in) once it has been checked: the exam allows one check. */
// An answer is saved by its one check; a task the submission ended without one is unanswered.
export const answerSaved = (progress: TaskProgress | undefined): boolean => !!progress && progress.attemptsUsed > 0;

/** How many of the round's tasks have no saved answer: "Submit exam" asks first when there are any. */
export const unansweredCount = (progress: readonly (TaskProgress | undefined)[]): number => progress.filter((p) => !answerSaved(p)).length;

export type ExamOutcome = 'right' | 'wrong' | 'unanswered';

/**
 * What the exam shows of one task. While it runs: only whether the answer is saved (no marks, hints or
 * mistakes, whatever the progress holds). Once submitted: right or wrong, the learner's answer (what was
 * graded, else what the blanks held), and the solution.
 */
export type ExamTaskView =
  | { readonly submitted: false; readonly saved: boolean; readonly locked: boolean; readonly marks: false; readonly hints: false; readonly mistakes: false }
  | {
      readonly submitted: true;
      readonly outcome: ExamOutcome;
      readonly answer: Placements;
      readonly solution: Placements;
      readonly locked: true;
      readonly marks: true;
      readonly hints: false;
      readonly mistakes: true;
    };

export function examTaskView(task: Task, progress: TaskProgress | undefined, submitted: boolean): ExamTaskView {
  const saved = answerSaved(progress);
  if (!submitted) return { submitted, saved, locked: saved, marks: false, hints: false, mistakes: false };
  const outcome: ExamOutcome = progress?.status === 'solved' ? 'right' : saved ? 'wrong' : 'unanswered';
  return {
    submitted,
    outcome,
    answer: progress?.lastCheck?.placements ?? progress?.placements ?? {},
    solution: solutionOf(task),
    locked: true,
    marks: true,
    hints: false,
    mistakes: true,
  };
}

/** The task's code as plain text with each blank filled from `placements` (the solution on the results page). */
export const filledCode = (task: Pick<Task, 'code'>, placements: Placements): string =>
  parseTemplate(task.code)
    .lines.map((line) => line.map((seg) => (seg.kind === 'text' ? seg.text : (placements[seg.blank] ?? '___'))).join(''))
    .join('\n');
