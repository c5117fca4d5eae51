/**
 * The learning modes as data: each is a policy (attempts, help, when feedback shows) and the interaction
 * through which the learner answers. A mode is a value of this, plus a view; never a fork of the rules.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { codeLines } from './template.ts';

export type ModeId = 'practice' | 'study' | 'typed' | 'pick' | 'order' | 'flashcards' | 'review' | 'challenge' | 'exam';

/** How the learner answers: options into blanks, typed text, a list per blank, or lines put in order. */
export type InteractionKind = 'bank' | 'typed' | 'select' | 'order';

export interface Policy {
  readonly id: ModeId;
  readonly interaction: InteractionKind;
  /** Attempts per task when neither the task nor the set says. */
  readonly defaultAttempts: number;
  /** Attempts every task gets whatever the task or set says (an exam's one check). */
  readonly fixedAttempts?: number;
  readonly hintsAllowed: boolean;
  /** Show the common mistakes (those matching the learner's choices first) after a wrong check. */
  readonly showMistakes: boolean;
  /** `check`: marks and feedback after each check; `submit`: none until the round is submitted. */
  readonly feedback: 'check' | 'submit';
}

/** A mode that answers with help and feedback after each check, three attempts by default. */
const answering = (id: ModeId, interaction: InteractionKind): Policy => ({ id, interaction, defaultAttempts: 3, hintsAllowed: true, showMistakes: true, feedback: 'check' });

/**
 * One check per task and no help: a timed round's (its marks when the round ends), or Study's (whose
 * view checks a task once, when every blank is the learner's and right).
 */
const once = (id: ModeId, feedback: Policy['feedback'] = 'submit'): Policy => ({ id, interaction: 'bank', defaultAttempts: 1, fixedAttempts: 1, hintsAllowed: false, showMistakes: false, feedback });

export const MODES: Readonly<Record<ModeId, Policy>> = {
  practice: answering('practice', 'bank'),
  study: once('study', 'check'),
  typed: answering('typed', 'typed'),
  pick: answering('pick', 'select'),
  order: answering('order', 'order'),
  // Flashcards grade nothing (the learner rates their own recall, src/modes/flashcards): its policy is
  // never applied, and the shared shape costs the page fewest bytes.
  flashcards: answering('flashcards', 'bank'),
  // Review plays past mistakes from every set as practice (src/modes/review).
  review: answering('review', 'bank'),
  challenge: once('challenge'),
  exam: once('exam'),
};

/** The picker's order: the familiar mode first, the exam last. */
export const MODE_IDS = Object.keys(MODES) as readonly ModeId[];

export const isModeId = (value: unknown): value is ModeId => MODE_IDS.includes(value as ModeId);

/**
 * The tasks a mode plays. Line order needs something to order: a task of fewer than three lines of code
 * (blank lines aside) is left out of it.
 */
export function modeTasks(policy: Pick<Policy, 'interaction'>, set: ExerciseSet): readonly Task[] {
  return policy.interaction === 'order' ? set.tasks.filter(orderable) : set.tasks;
}

const orderable = (task: Task) => codeLines(task.code).filter((line) => line.trim()).length >= 3;

/** Whether a set can be played in a mode at all (the picker lists only those). */
export const modeAvailable = (policy: Pick<Policy, 'interaction'>, set: ExerciseSet): boolean => modeTasks(policy, set).length > 0;
