// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { check, FRESH_PROGRESS, type TaskProgress } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import { createExerciseStore } from '../store/exercise-store.ts';
import { itemKey, type SavedTask } from '../store/persistence.ts';
import { SCORM12_SUSPEND_LIMIT, decodeProgress, encodeProgress, suspendStorage } from './suspend.ts';

const folder = new URL('../../exercises/', import.meta.url);
const seedSets = readdirSync(folder)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as ExerciseSet);
const seed = seedSets.find((s) => s.id === 'oauth2-client-credentials') as ExerciseSet;
const blanks = (task: Task) => blanksOf(parseTemplate(task.code));

/**
 * Any record the store saves for a task: placements of its options, a graded check, attempts, hints,
 * the resets and the common mistakes opened; or a task started afresh and untouched since (resets only).
 */
const progressFor = (task: Task): fc.Arbitrary<SavedTask> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.nat(40).map((resets): SavedTask => ({ resets })) },
    { weight: 5, arbitrary: startedFor(task) },
  );
const startedFor = (task: Task): fc.Arbitrary<SavedTask> =>
  fc
    .record({
      resets: fc.option(fc.nat(40), { nil: undefined }),
      mistakesShown: fc.boolean(),
      placements: fc.tuple(...blanks(task).map(() => fc.option(fc.constantFrom(...task.options), { nil: undefined }))),
      graded: fc.option(fc.tuple(...blanks(task).map(() => fc.constantFrom(...task.options))), { nil: null }),
      attemptsUsed: fc.integer({ min: 0, max: 10 }),
      hintsShown: fc.integer({ min: 0, max: task.hints?.length ?? 0 }),
      status: fc.constantFrom('active', 'solved', 'failed') as fc.Arbitrary<TaskProgress['status']>,
    })
    .map(({ resets, mistakesShown, placements, graded, attemptsUsed, hintsShown, status }) => {
      const toRecord = (values: readonly (string | undefined)[]) =>
        Object.fromEntries(blanks(task).flatMap((b, i) => (values[i] === undefined ? [] : [[b, values[i] as string]])));
      // The engine's own check record for the graded placements: what decoding must give back.
      const outcome = graded ? check(task, { ...FRESH_PROGRESS, placements: toRecord(graded) }, 10) : null;
      return {
        ...(resets === undefined ? {} : { resets }),
        placements: toRecord(placements),
        attemptsUsed,
        hintsShown,
        status,
        lastCheck: outcome?.kind === 'graded' ? outcome.record : null,
        ...(mistakesShown ? { mistakesShown } : {}),
      };
    });

const setProgress = (set: ExerciseSet) =>
  fc.tuple(...set.tasks.map((task) => fc.option(progressFor(task), { nil: undefined }))).map((all) =>
    Object.fromEntries(set.tasks.flatMap((task, i) => (all[i] ? [[itemKey(task), all[i]]] : []))),
  );

describe('suspend_data encoding', () => {
  it.each(seedSets.map((s) => [s.id, s] as const))('%s: any progress comes back exactly as it was saved', (_, set) => {
    fc.assert(fc.property(setProgress(set), (tasks) => {
      expect(decodeProgress(set, encodeProgress(set, tasks))).toEqual(tasks);
    }), { numRuns: 200 });
  });

  it.each(seedSets.map((s) => [s.id, s] as const))('%s: the fullest progress fits in SCORM 1.2\'s 4,096 characters', (_, set) => {
    // Every blank filled, a graded check, ten attempts, every hint shown, 99 resets and the mistakes opened, on every task.
    const fullest: Record<string, TaskProgress & SavedTask> = Object.fromEntries(
      set.tasks.map((task) => {
        const placements = Object.fromEntries(blanks(task).map((b) => [b, task.options.at(-1) as string]));
        const outcome = check(task, { ...FRESH_PROGRESS, placements }, 10);
        const record = { resets: 99, placements, attemptsUsed: 10, hintsShown: task.hints?.length ?? 0, status: 'failed' as const, lastCheck: outcome.kind === 'graded' ? outcome.record : null, mistakesShown: true };
        return [itemKey(task), record];
      }),
    );
    const encoded = encodeProgress(set, fullest);
    expect(encoded.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(decodeProgress(set, encoded)).toEqual(fullest);
  });

  it('writes the seed set compactly, by option index', () => {
    const [grant, content, , , post] = seed.tasks as Task[];
    const records = {
      [itemKey(grant as Task)]: { placements: { 1: 'client_credentials' }, attemptsUsed: 1, hintsShown: 0, status: 'solved', lastCheck: null },
      [itemKey(content as Task)]: { resets: 2 },
      [itemKey(post as Task)]: { resets: 1, placements: { 2: 'your_client_id' }, attemptsUsed: 0, hintsShown: 1, status: 'active', lastCheck: null },
      // A record of the task's earlier content: the package's set never changes, so it is not carried.
      'grant-type@old': { placements: {}, attemptsUsed: 2, hintsShown: 0, status: 'failed', lastCheck: null },
    } as Record<string, SavedTask>;
    expect(encodeProgress(seed, records)).toBe('c1|s1.0.2.;r2;;;a0.1.,2,..1');
  });

  it.each([
    ['another format', '{"tasks":{}}'],
    ['an option index past the options', 'c1|s1.0.9.'],
    ['more blanks than the task has', 'c1|s1.0.1,2.'],
    ['more tasks than the set has', 'c1|;;;;;;;'],
    ['a status that does not exist', 'c1|x1.0.1.'],
    ['a field missing', 'c1|s1.0.1'],
  ])('reads %s as nothing to resume (null), never throwing', (_, text) => {
    expect(decodeProgress(seed, text)).toBeNull();
  });

  it('gives the store back what it saved: a store on a suspend storage resumes where the last one stopped', () => {
    const written: string[] = [];
    const first = createExerciseStore({ set: seed, storage: suspendStorage(seed, '', (s) => written.push(s)) });
    first.getState().place('grant-type', 1, 'password');
    first.getState().check('grant-type');
    first.getState().place('requests-post', 3, 'your_client_secret');
    const last = written.at(-1) ?? '';
    expect(last).toMatch(/^c1\|a1\.0\.3\.3;/);
    const second = createExerciseStore({ set: seed, storage: suspendStorage(seed, last, () => undefined) });
    expect(second.getState().progress).toEqual(first.getState().progress);
    // A reset task stays reset (its count of resets travels), so a resumed session cannot undo it.
    first.getState().resetSet(['grant-type']);
    const third = createExerciseStore({ set: seed, storage: suspendStorage(seed, written.at(-1) ?? '', () => undefined) });
    expect(third.getState().progress).toEqual(first.getState().progress);
    expect(written.at(-1)).toMatch(/^c1\|r1;/);
  });

  it('resumes a bank per blank and an option placed in two blanks (reusable on its own), by the option\'s index among all the task\'s options', () => {
    const set: ExerciseSet = {
      formatVersion: 1,
      id: 'banks',
      title: 'Banks',
      subject: 'Tests',
      tasks: [
        {
          id: 'query',
          difficulty: 'easy',
          prompt: 'Read, then read again.',
          language: 'sql',
          code: '[[1]] a [[2]] t; [[3]] b',
          options: ['SELECT', 'UPDATE', 'FROM', 'INTO'],
          answers: { '1': 'SELECT', '2': 'FROM', '3': 'SELECT' },
          groups: [
            { blanks: [1, 3], options: ['SELECT', 'UPDATE'] },
            { blanks: [2], options: ['FROM', 'INTO'] },
          ],
          reusableOptions: ['SELECT'],
        },
      ],
    };
    const written: string[] = [];
    const first = createExerciseStore({ set, storage: suspendStorage(set, '', (s) => written.push(s)) });
    first.getState().place('query', 1, 'SELECT');
    first.getState().place('query', 3, 'SELECT');
    first.getState().place('query', 2, 'INTO');
    // Refused: blank 2's group does not offer UPDATE, so nothing changes and nothing is written.
    first.getState().place('query', 2, 'UPDATE');
    first.getState().check('query');
    expect(written.at(-1)).toBe('c1|a1.0.0,3,0.0,3,0');
    const second = createExerciseStore({ set, storage: suspendStorage(set, written.at(-1) ?? '', () => undefined) });
    expect(second.getState().progress).toEqual(first.getState().progress);
    expect(second.getState().progress.query?.placements).toEqual({ 1: 'SELECT', 2: 'INTO', 3: 'SELECT' });
  });
});
