// @vitest-environment node
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { MODES, pickTasks, readAttributes, readSettings, type SettingsInput } from './settings.ts';

const attributes = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('readAttributes', () => {
  test.each([
    ['src alone: practice, light, every task', { src: '/exercises/a.json' }, { source: { src: '/exercises/a.json' }, task: undefined, mode: 'practice', theme: 'light', lang: undefined, storageKey: undefined }],
    ['a task number becomes a number', { src: 'a.json', task: '3' }, { task: 3 }],
    ['a task id stays a string', { src: 'a.json', task: ' grant-type ' }, { task: 'grant-type' }],
    ['an empty task means every task', { src: 'a.json', task: '' }, { task: undefined }],
    ['lang, storage-key and theme pass through', { src: 'a.json', lang: 'fr', 'storage-key': 'week-3', theme: 'auto' }, { lang: 'fr', storageKey: 'week-3', theme: 'auto' }],
    ['mode practice is accepted', { src: 'a.json', mode: 'practice', theme: 'dark' }, { mode: 'practice', theme: 'dark' }],
  ])('%s', (_name, values, expected) => {
    const result = readAttributes(attributes(values), null);
    expect(result).toMatchObject({ ok: true, settings: expected });
  });

  test.each([
    ['an unknown mode', { src: 'a.json', mode: 'quiz' }, `unknown mode "quiz": the modes are ${MODES.join(', ')}`],
    ['an unknown theme', { src: 'a.json', theme: 'sepia' }, 'unknown theme "sepia": use light, dark, auto'],
    ['task 0', { src: 'a.json', task: '0' }, 'task 0 is not a task number: tasks are numbered from 1'],
    ['no exercise at all', {}, 'no exercise: set src to the URL of an exercise set, or give the exercise inline'],
    ['a blank src', { src: '  ' }, 'no exercise: set src to the URL of an exercise set, or give the exercise inline'],
  ])('refuses %s with a message an author can act on', (_name, values, message) => {
    expect(readAttributes(attributes(values), null)).toEqual({ ok: false, message });
  });

  test('reads an inline exercise from its JSON text', () => {
    expect(readAttributes(attributes({}), '{"id": "x"}')).toMatchObject({ ok: true, settings: { source: { exercise: { id: 'x' } } } });
  });

  test('says so when the inline exercise is not JSON', () => {
    const result = readAttributes(attributes({}), '{ id: x }');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^the inline exercise is not JSON \(.+\)$/);
  });

  test('refuses src and an inline exercise together', () => {
    expect(readAttributes(attributes({ src: 'a.json' }), '{}')).toEqual({ ok: false, message: 'give the exercise either as src or inline, not both' });
  });
});

describe('readSettings (mount options)', () => {
  test.each<[string, SettingsInput, string]>([
    ['a fractional task', { src: 'a.json', task: 1.5 }, 'task 1.5 is not a task number (1, 2, 3…) or a task id'],
    ['a negative task', { src: 'a.json', task: -1 }, 'task -1 is not a task number (1, 2, 3…) or a task id'],
    ['both exercise and src', { src: 'a.json', exercise: {} }, 'give the exercise either as src or inline, not both'],
  ])('refuses %s', (_name, input, message) => {
    expect(readSettings(input)).toEqual({ ok: false, message });
  });

  test('takes an exercise object as it is; the set is validated when it loads', () => {
    const exercise = { formatVersion: 1 };
    expect(readSettings({ exercise, task: 2 })).toMatchObject({ ok: true, settings: { source: { exercise }, task: 2 } });
  });
});

describe('pickTasks', () => {
  const loaded = loadExerciseSet({
    formatVersion: 1,
    id: 'two',
    title: 'Two tasks',
    subject: 'Test',
    tasks: ['first', 'second'].map((id) => ({
      id,
      difficulty: 'easy',
      prompt: 'Pick a',
      language: 'javascript',
      code: ['[[1]]'],
      options: ['a', 'b'],
      answers: { 1: 'a' },
    })),
  });
  if (!loaded.ok) throw new Error('fixture set is invalid');
  const set: ExerciseSet = loaded.set;

  test.each([
    ['no task: every task', undefined, { ok: true, taskIds: undefined }],
    ['a 1-based number', 2, { ok: true, taskIds: ['second'] }],
    ['an id', 'first', { ok: true, taskIds: ['first'] }],
  ])('%s', (_name, task, expected) => {
    expect(pickTasks(set, task)).toEqual(expected);
  });

  test.each([
    [3, 'task "3" is not in the set "two", which has tasks 1 to 2: first, second'],
    ['third', 'task "third" is not in the set "two", which has tasks 1 to 2: first, second'],
  ])('a task the set does not have (%s) is a readable error', (task, message) => {
    expect(pickTasks(set, task)).toEqual({ ok: false, message });
  });
});
