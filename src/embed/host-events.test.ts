// @vitest-environment node
import { loadExerciseSet } from '../engine/load-set.ts';
import { FRESH_PROGRESS, type TaskProgress } from '../engine/grading.ts';
import type { ExerciseEvent } from '../store/events.ts';
import { embedProgress, hostEvents } from './host-events.ts';

const loaded = loadExerciseSet({
  formatVersion: 1,
  id: 'pair',
  title: 'Pair',
  subject: 'Test',
  tasks: ['one', 'two'].map((id) => ({ id, difficulty: 'easy', prompt: 'p', language: 'javascript', code: ['[[1]]'], options: ['a', 'b'], answers: { 1: 'a' } })),
});
if (!loaded.ok) throw new Error('fixture set is invalid');
const set = loaded.set;
const ended = (status: 'solved' | 'failed', attemptsUsed = 1): TaskProgress => ({ ...FRESH_PROGRESS, status, attemptsUsed, placements: { 1: 'a' } });
const base = { setId: 'pair', mode: 'practice', taskNumber: 1, time: 42 } as const;
const solvedOne: ExerciseEvent = { type: 'solved', ...base, taskId: 'one', attemptsUsed: 1, hintsUsed: 0, response: { 1: 'a' } };

describe('hostEvents', () => {
  test.each<[string, ExerciseEvent]>([
    ['placed', { type: 'placed', ...base, taskId: 'one', blank: 1, option: 'a', from: null, replaced: null }],
    ['checked', { type: 'checked', ...base, taskId: 'one', correct: true, blanks: [{ blank: 1, option: 'a', correct: true }], attemptsUsed: 1, attemptsLeft: 2, mistakes: [] }],
    ['check-refused', { type: 'check-refused', ...base, taskId: 'one', emptyBlanks: [1] }],
    ['hint', { type: 'hint', ...base, taskId: 'one', hint: 1, hints: 1, text: 'look' }],
    ['reset', { type: 'reset', setId: 'pair', mode: 'practice', taskIds: ['two'], time: 42 }],
  ])('passes %s through as it is', (_type, event) => {
    expect(hostEvents(event, set, {}, undefined)).toEqual([event]);
  });

  test('keeps selections inside', () => {
    expect(hostEvents({ type: 'selected', ...base, taskId: 'one', blank: 1, option: null }, set, {}, undefined)).toEqual([]);
  });

  test("drops the store's own set-level completed (the embed reports its own)", () => {
    const score = { total: 2, solved: 2, failed: 0, open: 0, attemptsUsed: 2, hintsUsed: 0, complete: true, scaled: 1 };
    expect(hostEvents({ type: 'completed', setId: 'pair', mode: 'practice', time: 1, score }, set, {}, undefined)).toEqual([]);
  });

  test('where feedback waits for a submission (an exam), the last answer completes nothing and the submission completes the set', () => {
    const score = { total: 1, solved: 1, failed: 0, open: 0, attemptsUsed: 1, hintsUsed: 0, complete: true, scaled: 1 };
    expect(hostEvents(solvedOne, set, { one: ended('solved') }, ['one'], 'submit')).toEqual([solvedOne]);
    const submitted = { type: 'completed', setId: 'pair', mode: 'exam', time: 50, score } as const;
    expect(hostEvents(submitted, set, { one: ended('solved') }, ['one'], 'submit')).toEqual([submitted]);
  });

  test('a task ending while others are open is just that', () => {
    expect(hostEvents(solvedOne, set, { one: ended('solved') }, undefined)).toEqual([solvedOne]);
  });

  test('the last shown task ending completes the instance, scored over the shown tasks', () => {
    expect(hostEvents(solvedOne, set, { one: ended('solved') }, ['one'])).toEqual([
      solvedOne,
      { type: 'completed', setId: 'pair', mode: 'practice', time: 42, score: { total: 1, solved: 1, failed: 0, open: 0, attemptsUsed: 1, hintsUsed: 0, complete: true, scaled: 1 } },
    ]);
  });

  test('with every task shown, completed comes when the whole set has ended', () => {
    const events = hostEvents(solvedOne, set, { one: ended('solved'), two: ended('failed', 3) }, undefined);
    expect(events.map((e) => e.type)).toEqual(['solved', 'completed']);
    expect(events[1]).toMatchObject({ score: { total: 2, solved: 1, failed: 1, attemptsUsed: 4, complete: true, scaled: 0.5 } });
  });
});

describe('embedProgress', () => {
  test('reports the shown tasks with their number in the set', () => {
    expect(embedProgress(set, { two: ended('failed', 3) }, ['two'])).toEqual({
      setId: 'pair',
      score: { total: 1, solved: 0, failed: 1, open: 0, attemptsUsed: 3, hintsUsed: 0, complete: true, scaled: 0 },
      tasks: [{ id: 'two', number: 2, status: 'failed', attemptsUsed: 3, hintsUsed: 0 }],
    });
  });

  test('an untouched set is all open', () => {
    const report = embedProgress(set, {}, undefined);
    expect(report.score).toMatchObject({ total: 2, open: 2, complete: false });
    expect(report.tasks.map((t) => [t.id, t.number, t.status])).toEqual([
      ['one', 1, 'active'],
      ['two', 2, 'active'],
    ]);
  });
});
