/** Narrow hooks over one task: components never reach into the store's shape themselves. */
import { useShallow } from 'zustand/react/shallow';
import { FRESH_PROGRESS, feedbackFor, type TaskProgress } from '../engine/grading.ts';
import { scoreSet, type SetScore } from '../engine/scoring.ts';
import { taskLimits, type ExerciseState } from '../store/exercise-store.ts';
import { useExercise } from './exercise-context.tsx';

export function useTaskProgress(taskId: string): TaskProgress {
  return useExercise((s) => s.progress[taskId] ?? FRESH_PROGRESS);
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
        feedback: feedbackFor(progress, blank),
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

export function useOption(taskId: string, option: string, reusable: boolean): OptionView {
  return useExercise(
    useShallow((s: ExerciseState) => {
      const progress = s.progress[taskId] ?? FRESH_PROGRESS;
      const sel = s.selection;
      let placedIn: number | undefined;
      // Once a task is locked the blanks show the outcome; the bank no longer points at them.
      if (!reusable && progress.status === 'active') {
        for (const [blank, held] of Object.entries(progress.placements)) if (held === option) placedIn = Number(blank);
      }
      return {
        placedIn,
        selected: sel?.kind === 'option' && sel.taskId === taskId && sel.option === option,
        locked: progress.status !== 'active',
      };
    }),
  );
}

/** The action verbs; stable references, so passing them down never re-renders anything. */
export function useActions() {
  return useExercise(
    useShallow((s: ExerciseState) => ({
      place: s.place,
      move: s.move,
      clear: s.clear,
      selectBlank: s.selectBlank,
      selectOption: s.selectOption,
      cancelSelection: s.cancelSelection,
      check: s.check,
      hint: s.hint,
      resetTask: s.resetTask,
      resetSet: s.resetSet,
      dismissStorageNotice: s.dismissStorageNotice,
    })),
  );
}

/** The set's score: solved, failed, attempts and hints used. */
export function useScore(): SetScore {
  return useExercise(useShallow((s: ExerciseState) => scoreSet(s.set, s.progress)));
}
