/**
 * Cross-set sessions in the store: a session set (src/engine/session.ts) played in one exercise store,
 * each task's attempts logged where its own set logs them (`codeblanks:v2:<set id>:log`, item
 * `<set id>/<task id>@<hash>`), so Review and mastery see a challenge's answers as the set's own.
 */
import type { Origin } from '../engine/session.ts';
import { itemKey, logKeyFor } from './persistence.ts';

/** The store's `logAs` for a session: each task to its own set's log under its own record key. */
export const logToOrigins =
  (origins: ReadonlyMap<string, Origin>) =>
  (taskId: string): readonly [string, string] | undefined => {
    const origin = origins.get(taskId);
    return origin && [logKeyFor(origin.setId), `${origin.setId}/${itemKey(origin.task)}`];
  };
