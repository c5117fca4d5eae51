/** Narrow hooks over one task: components never reach into the store's shape themselves. */
import { useRef } from 'react';
import { FRESH_PROGRESS, alreadyChecked, feedbackFor, type TaskProgress } from '../engine/grading.ts';
import { scoreSet, type SetScore } from '../engine/scoring.ts';
import { taskLimits, type ExerciseState } from '../store/exercise-store.ts';
import { useExercise, useExerciseStoreApi } from './exercise-context.tsx';

/** What a task card shows around its code: not the placements, so placing an option does not re-render it. */
export interface TaskOutcome extends Pick<TaskProgress, 'status' | 'lastCheck' | 'hintsShown'> {
  /** Whether any blank holds an option (Reset has something to clear). */
  readonly hasPlacements: boolean;
  /** Whether the blanks hold what the last check graded: its feedback applies, and Check has nothing new to grade. */
  readonly checked: boolean;
}

/**
 * zustand's useShallow for these selectors, which return one flat object of a fixed shape each: the last
 * result while every field is the same, so an unchanged slice re-renders nothing. zustand's own compares
 * Maps, Sets and iterables too: 0.2 KB gzip that every learner's page carried for nothing.
 */
function useShallow<T extends object>(selector: (state: ExerciseState) => T): (state: ExerciseState) => T {
  const last = useRef<T>(undefined);
  return (state) => {
    const next = selector(state);
    const prev = last.current as Record<string, unknown> | undefined;
    return prev && Object.keys(next).every((key) => Object.is(prev[key], next[key as keyof T])) ? (prev as T) : (last.current = next);
  };
}

export function useTaskOutcome(taskId: string): TaskOutcome {
  return useExercise(
    useShallow((s: ExerciseState) => {
      const progress = s.progress[taskId] ?? FRESH_PROGRESS;
      const { status, lastCheck, hintsShown, placements } = progress;
      return { status, lastCheck, hintsShown, hasPlacements: Object.keys(placements).length > 0, checked: alreadyChecked(progress) };
    }),
  );
}

/**
 * Whether the learner may see how their answers went: after each check, or (an exam) once the round is
 * submitted. Until then an ended task only says its answer is in.
 */
export const revealed = (s: ExerciseState): boolean => s.rules.feedback === 'check' || !!s.round?.submittedAt;

export function useRevealed(): boolean {
  return useExercise(revealed);
}

export function useAttempts(taskId: string): { max: number; left: number } {
  return useExercise(useShallow((s: ExerciseState) => taskLimits(s, taskId)));
}

export interface BlankView {
  readonly option: string | undefined;
  /** Right or wrong at the last check, while the blank still holds what was checked. */
  readonly feedback: boolean | undefined;
  readonly selected: boolean;
  readonly locked: boolean;
}

export function useBlank(taskId: string, blank: number): BlankView {
  return useExercise(
    useShallow((s: ExerciseState) => {
      const progress = s.progress[taskId] ?? FRESH_PROGRESS;
      const sel = s.selection;
      return {
        option: progress.placements[blank],
        feedback: revealed(s) ? feedbackFor(progress, blank) : undefined,
        selected: sel?.kind === 'blank' && sel.taskId === taskId && sel.blank === blank,
        locked: progress.status !== 'active',
      };
    }),
  );
}

export interface OptionView {
  /** The blank this option fills, when it is not reusable and is placed. */
  readonly placedIn: number | undefined;
  readonly selected: boolean;
  readonly locked: boolean;
}

// Blank by option for one placements object, built once per change however many options ask.
const holders = new WeakMap<object, ReadonlyMap<string, number>>();
function holderOf(placements: Readonly<Record<number, string>>, option: string): number | undefined {
  let map = holders.get(placements);
  if (!map) {
    map = new Map(Object.entries(placements).map(([blank, held]) => [held, Number(blank)]));
    holders.set(placements, map);
  }
  return map.get(option);
}

export function useOption(taskId: string, option: string, reusable: boolean): OptionView {
  return useExercise(
    useShallow((s: ExerciseState) => {
      const progress = s.progress[taskId] ?? FRESH_PROGRESS;
      const sel = s.selection;
      const active = progress.status === 'active';
      return {
        // Once a task is locked the blanks show the outcome; the bank no longer points at them.
        placedIn: !reusable && active ? holderOf(progress.placements, option) : undefined,
        selected: sel?.kind === 'option' && sel.taskId === taskId && sel.option === option,
        locked: !active,
      };
    }),
  );
}

export type Actions = Pick<
  ExerciseState,
  'place' | 'move' | 'clear' | 'respond' | 'startRound' | 'submitRound' | 'selectBlank' | 'selectOption' | 'cancelSelection' | 'check' | 'hint' | 'showMistakes' | 'resetTask' | 'resetSet' | 'dismissStorageNotice'
>;

/**
 * The action verbs. They never change, so they are read once, without a subscription: with 200
 * options on a page, subscribing each one to the store for functions would cost every update.
 */
export function useActions(): Actions {
  return useExerciseStoreApi().getState();
}

/** The set's score: solved, failed, attempts and hints used. */
export function useScore(): SetScore {
  return useExercise(useShallow((s: ExerciseState) => scoreSet(s.set, s.progress)));
}
