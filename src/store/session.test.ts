// @vitest-environment node
import { readFileSync } from 'node:fs';
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { sessionSet, sessionTaskId } from '../engine/session.ts';
import { createExerciseStore } from './exercise-store.ts';
import { itemKey, logKeyFor } from './persistence.ts';
import { readLog } from './logs.ts';
import { logToOrigins } from './session.ts';
import { memoryStorage } from '../test-support/memory-storage.ts';

function bundled(file: string): ExerciseSet {
  const result = loadExerciseSet(JSON.parse(readFileSync(new URL(`../../exercises/${file}.json`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(file);
  return result.set;
}
const OAUTH = bundled('oauth2-client-credentials');
const BASH = bundled('bash-pipelines');

describe('a session of tasks from several sets', () => {
  const drawn = [
    { set: OAUTH, task: OAUTH.tasks[0]! },
    { set: BASH, task: BASH.tasks[0]! },
  ];

  it('gives each task an id unique across sets and keeps where it came from', () => {
    const { set, origins } = sessionSet('challenge', 'Challenge', drawn);
    expect(set.tasks.map((t) => t.id)).toEqual([sessionTaskId(OAUTH.id, OAUTH.tasks[0]!.id), sessionTaskId(BASH.id, BASH.tasks[0]!.id)]);
    expect(origins.get(set.tasks[1]!.id)).toEqual({ setId: BASH.id, task: BASH.tasks[0] });
    // A task keeps its set's attempt limit.
    expect(set.tasks[1]!.maxAttempts).toBe(BASH.tasks[0]!.maxAttempts ?? BASH.maxAttempts);
  });

  it('logs each answer in its own set\'s attempt log, under the record key its set uses', () => {
    const storage = memoryStorage();
    const { set, origins } = sessionSet('challenge', 'Challenge', drawn);
    const store = createExerciseStore({ set, storage, mode: 'challenge', now: () => 5, logAs: logToOrigins(origins) });
    const bashTask = set.tasks[1]!;
    store.getState().place(bashTask.id, 1, '>');
    store.getState().place(bashTask.id, 2, '-l');
    store.getState().check(bashTask.id);
    expect(readLog(storage, logKeyFor(BASH.id))).toEqual({
      [`${BASH.id}/${itemKey(BASH.tasks[0]!)}`]: [{ t: 5, m: 'challenge', r: { 1: '>', 2: '-l' }, c: { 1: false, 2: true }, s: false }],
    });
    // Nothing under the session's own log, nor under the other set's.
    expect(readLog(storage, logKeyFor('challenge'))).toEqual({});
    expect(readLog(storage, logKeyFor(OAUTH.id))).toEqual({});
  });
});
