/**
 * What an exercise reports as the learner works: the embed turns these into DOM events, the `onEvent`
 * callback and xAPI statements; the live region turns them into words. Payloads are plain data.
 */
import type { SetScore } from '../engine/scoring.ts';

interface Base {
  readonly setId: string;
  /** The learning mode the learner is in (`practice`, `typed`, `pick`, `order`, `exam`). */
  readonly mode: string;
  readonly taskId: string;
  /** 1-based position of the task in its set. */
  readonly taskNumber: number;
  /** Milliseconds since the epoch, from the store's clock. */
  readonly time: number;
}

export interface PlacedEvent extends Base {
  readonly type: 'placed';
  readonly blank: number;
  /** The option now in the blank, or null when the blank was emptied. */
  readonly option: string | null;
  /** The blank the option came from, when it moved between blanks. */
  readonly from: number | null;
  /** The option the blank held before, if any. */
  readonly replaced: string | null;
}

export interface BlankResult {
  readonly blank: number;
  readonly option: string;
  readonly correct: boolean;
}

export interface CheckedEvent extends Base {
  readonly type: 'checked';
  readonly correct: boolean;
  readonly blanks: readonly BlankResult[];
  readonly attemptsUsed: number;
  readonly attemptsLeft: number;
  /** Indexes into the task's mistakes that matched the learner's choices. */
  readonly mistakes: readonly number[];
}

export interface CheckRefusedEvent extends Base {
  readonly type: 'check-refused';
  readonly emptyBlanks: readonly number[];
}

export interface HintEvent extends Base {
  readonly type: 'hint';
  /** 1-based number of the hint just shown, and how many the task has. */
  readonly hint: number;
  readonly hints: number;
  readonly text: string;
}

export interface TaskEndedEvent extends Base {
  readonly type: 'solved' | 'failed';
  readonly attemptsUsed: number;
  readonly hintsUsed: number;
  /** The learner's final choices, blank number -> option. */
  readonly response: Readonly<Record<number, string>>;
}

export interface SetCompletedEvent {
  readonly type: 'completed';
  readonly setId: string;
  readonly mode: string;
  readonly time: number;
  readonly score: SetScore;
}

/** Tasks started afresh ("Reset progress"): their answers, attempts and hints are gone, here and in every peer. */
export interface ResetEvent {
  readonly type: 'reset';
  readonly setId: string;
  readonly mode: string;
  readonly taskIds: readonly string[];
  readonly time: number;
}

export interface SelectionEvent extends Base {
  readonly type: 'selected';
  readonly blank: number | null;
  readonly option: string | null;
}

export type ExerciseEvent =
  | PlacedEvent
  | CheckedEvent
  | CheckRefusedEvent
  | HintEvent
  | TaskEndedEvent
  | SetCompletedEvent
  | ResetEvent
  | SelectionEvent;

export type ExerciseEventType = ExerciseEvent['type'];
