/**
 * What the host page hears, as plain data: which of the store's events become `codeblanks:*` DOM events
 * and `onEvent` calls, and the `progress()` report. Pure, so both are tested as tables.
 *
 * `completed` is about the tasks this instance shows: an element showing task 2 alone completes when
 * task 2 ends, whatever the set's other tasks are doing. Selections are UI state, not learning, and stay
 * inside.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { Policy } from '../engine/modes.ts';
import { FRESH_PROGRESS, type TaskProgress, type TaskStatus } from '../engine/grading.ts';
import { scoreSet, type SetScore } from '../engine/scoring.ts';
import type { CheckedEvent, CheckRefusedEvent, ExerciseEvent, HintEvent, PlacedEvent, ResetEvent, SetCompletedEvent, TaskEndedEvent } from '../store/events.ts';

/** Every event a host can hear; `type` is the DOM event's name after `codeblanks:`. */
export type HostEvent = PlacedEvent | CheckedEvent | CheckRefusedEvent | HintEvent | TaskEndedEvent | SetCompletedEvent | ResetEvent;
export type HostEventType = HostEvent['type'];

/** The DOM event names, for a host that wants to listen to them all. */
export const HOST_EVENTS = 'placed checked check-refused hint solved failed completed reset xapi'
  .split(' ')
  .map((type) => `codeblanks:${type}`) as readonly `codeblanks:${HostEventType | 'xapi'}`[];

/** The shown tasks only (all of them when `taskIds` is undefined). */
const shownSet = (set: ExerciseSet, taskIds: readonly string[] | undefined): ExerciseSet =>
  taskIds ? { ...set, tasks: set.tasks.filter((t) => taskIds.includes(t.id)) } : set;

/**
 * The host's events for one store event, given the progress after it. `feedback` is the mode's (its
 * policy's): where feedback waits for a submission (an exam), the set completes when the store says so.
 */
export function hostEvents(
  event: ExerciseEvent,
  set: ExerciseSet,
  progress: Readonly<Record<string, TaskProgress>>,
  taskIds: readonly string[] | undefined,
  feedback: Policy['feedback'] = 'check',
): HostEvent[] {
  const onSubmit = feedback === 'submit';
  switch (event.type) {
    case 'selected':
      return [];
    case 'completed':
      // Replaced by our own, about the shown tasks; but a round completes when it is submitted.
      return onSubmit ? [event] : [];
    case 'solved':
    case 'failed': {
      const score = scoreSet(shownSet(set, taskIds), progress);
      return score.complete && !onSubmit ? [event, { type: 'completed', setId: set.id, mode: event.mode, time: event.time, score }] : [event];
    }
    default:
      return [event];
  }
}

export interface TaskReport {
  readonly id: string;
  /** 1-based position in the set. */
  readonly number: number;
  readonly status: TaskStatus;
  readonly attemptsUsed: number;
  readonly hintsUsed: number;
}

/** What `handle.progress()` returns: the score over the shown tasks, and each shown task's state. */
export interface EmbedProgress {
  readonly setId: string;
  readonly score: SetScore;
  readonly tasks: readonly TaskReport[];
}

export function embedProgress(
  set: ExerciseSet,
  progress: Readonly<Record<string, TaskProgress>>,
  taskIds: readonly string[] | undefined,
): EmbedProgress {
  const shown = shownSet(set, taskIds);
  return {
    setId: set.id,
    score: scoreSet(shown, progress),
    tasks: shown.tasks.map((task) => {
      const p = progress[task.id] ?? FRESH_PROGRESS;
      return { id: task.id, number: set.tasks.indexOf(task) + 1, status: p.status, attemptsUsed: p.attemptsUsed, hintsUsed: p.hintsShown };
    }),
  };
}
