/**
 * A session set: tasks drawn from several sets, played in the one exercise store as if they were one set
 * (Challenge's round, Review's queue). Each task keeps its own content (so its record key, id and content
 * hash, is the one its own set uses) under a session id that is unique across sets; `origins` says where
 * each came from, so its attempts reach its own set's log (createExerciseStore's `logAs`).
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';

/** One task of a session and the set it came from. */
export interface Drawn {
  readonly set: ExerciseSet;
  readonly task: Task;
}

/** Where a session's task came from: its set, and its own task (its id and content as that set has them). */
export interface Origin {
  readonly setId: string;
  readonly task: Task;
}

/** A task's id inside a session: its set's id and its own, so two sets' `intro` tasks stay apart. */
export const sessionTaskId = (setId: string, taskId: string): string => `${setId}~${taskId}`;

/**
 * The session as one set, in the order given. A task keeps its set's attempt limit as its own (a session
 * has none of its own). `subject` is the task's set's subject only when every task shares it.
 */
export function sessionSet(id: string, title: string, drawn: readonly Drawn[]): { set: ExerciseSet; origins: ReadonlyMap<string, Origin> } {
  const origins = new Map<string, Origin>();
  const tasks = drawn.map(({ set, task }) => {
    const sid = sessionTaskId(set.id, task.id);
    origins.set(sid, { setId: set.id, task });
    return { ...task, id: sid, maxAttempts: task.maxAttempts ?? set.maxAttempts };
  });
  const subjects = new Set(drawn.map((d) => d.set.subject));
  return {
    set: { formatVersion: 1, id, title, subject: subjects.size === 1 ? [...subjects][0]! : title, tasks } as ExerciseSet,
    origins,
  };
}
