import fc from 'fast-check';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { MODES, MODE_IDS, isModeId, modeAvailable, modeTasks } from './modes.ts';
import { BANK, FRESH_PROGRESS, check, maxAttemptsFor, revealHint, type Interaction } from './grading.ts';
import { SELECT, setPart } from './select.ts';

const task = (id: string, code: string | string[], extra: Partial<Task> = {}): Task => ({
  id,
  difficulty: 'easy',
  prompt: 'p',
  language: 'python',
  code,
  options: ['a', 'b', 'c'],
  answers: { '1': 'a' },
  ...extra,
});
const set = (...tasks: Task[]): ExerciseSet => ({ formatVersion: 1, id: 's', title: 'S', subject: 'x', tasks });

describe('the modes as data', () => {
  it.each([
    // mode, attempts for a task that says 5, hints, mistakes, feedback
    ['practice', 5, true, true, 'check'],
    ['typed', 5, true, true, 'check'],
    ['pick', 5, true, true, 'check'],
    ['order', 5, true, true, 'check'],
    ['flashcards', 5, true, true, 'check'],
    ['review', 5, true, true, 'check'],
    ['exam', 1, false, false, 'submit'],
  ] as const)('%s: %d attempts where the task asks 5, hints %s, mistakes %s, feedback on %s', (id, attempts, hints, mistakes, feedback) => {
    const policy = MODES[id];
    expect(maxAttemptsFor(task('t', 'x = [[1]]', { maxAttempts: 5 }), undefined, policy)).toBe(attempts);
    expect(policy.hintsAllowed).toBe(hints);
    expect(policy.showMistakes).toBe(mistakes);
    expect(policy.feedback).toBe(feedback);
  });

  it('lists the modes in the picker order, practice first and the exam last', () => {
    expect(MODE_IDS).toEqual(['practice', 'study', 'typed', 'pick', 'order', 'flashcards', 'review', 'challenge', 'exam']);
    expect(isModeId('typed')).toBe(true);
    expect(isModeId('quiz')).toBe(false);
    expect(isModeId('toString')).toBe(false);
  });

  it('an exam gives no hint', () => {
    const t = task('t', 'x = [[1]]', { hints: ['h'] });
    expect(revealHint(t, FRESH_PROGRESS, MODES.exam)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(revealHint(t, FRESH_PROGRESS, MODES.practice)).toMatchObject({ ok: true });
  });
});

describe('which tasks a mode plays', () => {
  const short = task('short', 'x = [[1]]');
  const two = task('two', ['a = 1', '', 'b = [[1]]']);
  const three = task('three', ['def f():', '    y = 1', '    return [[1]]']);

  it.each([
    ['one-line tasks only', [short], []],
    ['two lines of code (blank lines do not count)', [two], []],
    ['three lines', [three], ['three']],
    ['a mix keeps the long ones, in order', [three, short, { ...three, id: 'again' }], ['three', 'again']],
  ])('line order with %s', (_, tasks, ids) => {
    const s = set(...tasks);
    expect(modeTasks(MODES.order, s).map((t) => t.id)).toEqual(ids);
    expect(modeAvailable(MODES.order, s)).toBe(ids.length > 0);
  });

  it('every other mode plays every task of every set, the same array', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(short, two, three), { minLength: 1, maxLength: 6 }), fc.constantFrom(...MODE_IDS.filter((m) => m !== 'order')), (tasks, mode) => {
        const s = set(...tasks);
        return modeTasks(MODES[mode], s) === s.tasks && modeAvailable(MODES[mode], s);
      }),
    );
  });
});

describe('one part at a time (a list per blank, typed text)', () => {
  const t = task('t', 'x = [[1]] + [[2]]', { answers: { '1': 'a', '2': 'b' } });

  it.each([
    ['an option in an empty blank', {}, 1, 'a', { 1: 'a' }],
    ['the same option in two blanks: no swap, each blank chooses alone', { 1: 'a' }, 2, 'a', { 1: 'a', 2: 'a' }],
    ['null empties the blank', { 1: 'a', 2: 'b' }, 1, null, { 2: 'b' }],
  ] as const)('%s', (_, placements, part, value, expected) => {
    const result = setPart(t, { ...FRESH_PROGRESS, placements }, part, value, SELECT);
    expect(result).toEqual({ ok: true, progress: { ...FRESH_PROGRESS, placements: expected } });
  });

  it.each([
    ['text that is not an option', 1, 'zzz', 'unknown-option'],
    ['a blank the task does not have', 3, 'a', 'unknown-blank'],
  ] as const)('refuses %s', (_, part, value, reason) => {
    expect(setPart(t, FRESH_PROGRESS, part, value, SELECT)).toEqual({ ok: false, reason });
  });

  it('refuses any change to an ended task', () => {
    expect(setPart(t, { ...FRESH_PROGRESS, status: 'solved' }, 1, 'a', SELECT)).toEqual({ ok: false, reason: 'locked' });
  });

  it('gives back the same progress when nothing changes', () => {
    const progress = { ...FRESH_PROGRESS, placements: { 1: 'a' } };
    expect(setPart(t, progress, 1, 'a', SELECT)).toEqual({ ok: true, progress });
  });
});

describe('check goes through the interaction', () => {
  const t = task('t', 'x = [[1]]');
  // An interaction that accepts any text and says "one character off" for a near miss.
  const typedLike: Interaction = {
    ...BANK,
    kind: 'typed',
    accepts: () => true,
    grade: (_, response) => ({ correct: { 1: response[1] === 'a' }, notes: response[1] === 'A' ? { 1: 'case' } : undefined }),
  };

  it('grades with the interaction and keeps its notes on the record', () => {
    const outcome = check(t, { ...FRESH_PROGRESS, placements: { 1: 'A' } }, 3, typedLike);
    expect(outcome).toMatchObject({ kind: 'graded', solved: false, record: { correct: { 1: false }, notes: { 1: 'case' } } });
  });

  it('no note, no notes key: a record is as small as before', () => {
    const outcome = check(t, { ...FRESH_PROGRESS, placements: { 1: 'a' } }, 3, typedLike);
    expect(outcome.kind === 'graded' && 'notes' in outcome.record).toBe(false);
  });

  it('an exam policy ends the task at its one check', () => {
    const max = maxAttemptsFor(t, 3, MODES.exam);
    const outcome = check(t, { ...FRESH_PROGRESS, placements: { 1: 'b' } }, max);
    expect(outcome).toMatchObject({ kind: 'graded', progress: { status: 'failed', attemptsUsed: 1 } });
  });
});
