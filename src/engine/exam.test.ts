// @vitest-environment node
import fc from 'fast-check';
import type { Task } from '../schema/exercise-schema.ts';
import { FRESH_PROGRESS, type TaskProgress } from './grading.ts';
import {
  EXAM_LIMITS,
  answerSaved,
  clockText,
  examTaskView,
  filledCode,
  optionOrder,
  seededOrder,
  taskOrder,
  timeLeft,
  timeUp,
  timerCue,
  unansweredCount,
} from './exam.ts';
import { HISTORY_SIZE, elapsedMs, keepRecent, retakeSeed, roundResult, type RoundResult } from './round.ts';

const MIN = 60_000;

const task = (id: string, options = ['a', 'b', 'c', 'd', 'e']): Task => ({
  id,
  difficulty: 'easy',
  prompt: 'p',
  language: 'python',
  code: 'x = [[1]] + [[2]]',
  options,
  answers: { '1': 'a', '2': ['b', 'c'] },
});

const progress = (status: TaskProgress['status'], attemptsUsed: number, placements: TaskProgress['placements'] = {}): TaskProgress => ({
  ...FRESH_PROGRESS,
  status,
  attemptsUsed,
  placements,
});

const sorted = <T>(items: readonly T[]) => [...items].map((x) => JSON.stringify(x)).sort();

describe('seededOrder', () => {
  it('is a permutation of the items', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        expect(sorted(seededOrder(items, seed))).toEqual(sorted(items));
      }),
    );
  });

  it('gives the same order for the same seed, and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer(), (items, seed) => {
        const copy = [...items];
        expect(seededOrder(items, seed)).toEqual(seededOrder(copy, seed));
        expect(items).toEqual(copy);
      }),
    );
  });

  it('reaches other orders with other seeds', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => seededOrder(items, seed).join('')));
    expect(orders.size).toBeGreaterThan(40);
  });

  it('puts each item first about as often as any other', () => {
    const firsts = new Map<string, number>();
    for (let seed = 0; seed < 4000; seed += 1) {
      const first = seededOrder(['a', 'b', 'c', 'd'], seed)[0] as string;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(count).toBeGreaterThan(850);
    expect(firsts.size).toBe(4);
  });
});

describe('taskOrder and optionOrder', () => {
  const tasks = ['t1', 't2', 't3', 't4', 't5'].map((id) => task(id));

  it('orders tasks and options the same way for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(taskOrder(tasks, seed).map((t) => t.id)).toEqual(taskOrder(tasks, seed).map((t) => t.id));
        expect(optionOrder(tasks[0] as Task, seed)).toEqual(optionOrder(tasks[0] as Task, seed));
        expect(sorted(optionOrder(tasks[0] as Task, seed))).toEqual(sorted(tasks[0]?.options ?? []));
      }),
    );
  });

  it('shuffles two tasks with the same options apart', () => {
    const differs = Array.from({ length: 20 }, (_, seed) => optionOrder(task('x'), seed).join() !== optionOrder(task('y'), seed).join());
    expect(differs.filter(Boolean).length).toBeGreaterThan(15);
  });

  it("keeps a task's option order whatever the other tasks are", () => {
    expect(optionOrder(task('t2'), 7)).toEqual(optionOrder(tasks[1] as Task, 7));
  });
});

describe('retakeSeed', () => {
  it.each([
    ['the first round', null, 5],
    ['a single task', 3, 1],
    ['no tasks', 3, 0],
  ])('takes the candidate as it is for %s', (_, previous, count) => {
    expect(retakeSeed(previous, 42, count)).toBe(42);
  });

  it('always gives a different task order from the last round when there are two or more tasks', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 2, max: 12 }), (previous, candidate, count) => {
        const ids = Array.from({ length: count }, (_, i) => i);
        expect(seededOrder(ids, retakeSeed(previous, candidate, count))).not.toEqual(seededOrder(ids, previous));
      }),
    );
  });
});

describe('the clock', () => {
  const round = { startedAt: 1_000_000, limitMs: 10 * MIN };

  it.each([
    ['at the start', 1_000_000, 10 * MIN, false],
    ['halfway', 1_000_000 + 5 * MIN, 5 * MIN, false],
    ['one ms before the end', 1_000_000 + 10 * MIN - 1, 1, false],
    ['at the end', 1_000_000 + 10 * MIN, 0, true],
    ['long after the end', 1_000_000 + 90 * MIN, 0, true],
    ['with the clock set back before the start', 1_000_000 - 3 * MIN, 10 * MIN, false],
  ])('%s', (_, now, left, up) => {
    expect(timeLeft(round, now)).toBe(left);
    expect(timeUp(round, now)).toBe(up);
  });

  it('has no time left and is never up without a limit', () => {
    expect(timeLeft({ startedAt: 0, limitMs: null }, 10 ** 12)).toBeNull();
    expect(timeUp({ startedAt: 0, limitMs: null }, 10 ** 12)).toBe(false);
    expect(elapsedMs({ startedAt: 0, limitMs: null }, 5 * MIN)).toBe(5 * MIN);
  });

  it('never gives a negative time, nor more than the limit, whatever the clock does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.option(fc.nat({ max: 60 * MIN })), fc.integer({ min: -(2 ** 42), max: 2 ** 42 }), (startedAt, limitMs, jump) => {
        const clock = { startedAt, limitMs };
        const now = startedAt + jump;
        const spent = elapsedMs(clock, now);
        expect(spent).toBeGreaterThanOrEqual(0);
        if (limitMs !== null) {
          const left = timeLeft(clock, now) as number;
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(limitMs);
          expect(left + spent).toBe(limitMs);
          expect(timeUp(clock, now)).toBe(left === 0);
        }
      }),
    );
  });

  it('offers off, 10, 20 and 30 minutes', () => {
    expect(EXAM_LIMITS).toEqual([null, 10, 20, 30]);
  });
});

describe('timerCue', () => {
  it.each([
    ['crossing 5 minutes', 5 * MIN + 1, 5 * MIN, 5],
    ['crossing 1 minute', 61_000, 59_000, 1],
    ['jumping past both', 6 * MIN, 30_000, 1],
    ['staying above 5 minutes', 7 * MIN, 6 * MIN, null],
    ['staying between cues', 4 * MIN, 3 * MIN, null],
    ['already below 1 minute', 50_000, 40_000, null],
    ['the clock going back up', 4 * MIN, 6 * MIN, null],
  ])('%s', (_, before, after, cue) => {
    expect(timerCue(before, after)).toBe(cue);
  });
});

describe('clockText', () => {
  it.each([
    [10 * MIN, '10:00'],
    [9 * MIN + 59_001, '10:00'],
    [65_000, '1:05'],
    [999, '0:01'],
    [0, '0:00'],
    [-5, '0:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(clockText(ms)).toBe(text);
  });
});

describe('roundResult', () => {
  it('counts solved tasks out of every task the round played, untouched ones included', () => {
    const result = roundResult([progress('solved', 1), progress('failed', 1), undefined, progress('active', 0, { 1: 'a' }), progress('solved', 1)], { startedAt: 1000, limitMs: null }, 1000 + 7 * MIN);
    expect(result).toEqual({ at: 1000 + 7 * MIN, solved: 2, total: 5, ms: 7 * MIN });
  });

  it('ends a round submitted after its limit at the limit', () => {
    expect(roundResult([progress('solved', 1)], { startedAt: 1000, limitMs: 10 * MIN }, 1000 + 60 * MIN)).toEqual({ at: 1000 + 10 * MIN, solved: 1, total: 1, ms: 10 * MIN });
  });

  it('takes no time when the clock went back before the start', () => {
    expect(roundResult([], { startedAt: 5000, limitMs: 10 * MIN }, 1000)).toEqual({ at: 1000, solved: 0, total: 0, ms: 0 });
  });
});

describe('keepRecent', () => {
  const result = (at: number): RoundResult => ({ at, solved: 1, total: 2, ms: 1 });

  it('puts the new result first', () => {
    expect(keepRecent([result(2), result(1)], result(3)).map((r) => r.at)).toEqual([3, 2, 1]);
  });

  it('keeps the ten newest', () => {
    const history = Array.from({ length: 10 }, (_, i) => result(10 - i));
    expect(keepRecent(history, result(11)).map((r) => r.at)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });

  it('never keeps more than the size, keeps the new one first and the rest in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), fc.nat(), (ats, at) => {
        const history = ats.map(result);
        const kept = keepRecent(history, result(at));
        expect(kept.length).toBe(Math.min(HISTORY_SIZE, history.length + 1));
        expect(kept[0]).toEqual(result(at));
        expect(kept.slice(1)).toEqual(history.slice(0, kept.length - 1));
      }),
    );
  });
});

describe('answerSaved and unansweredCount', () => {
  it.each([
    ['an untouched task', undefined, false],
    ['blanks filled but not saved', progress('active', 0, { 1: 'a' }), false],
    ['a saved right answer', progress('solved', 1), true],
    ['a saved wrong answer', progress('failed', 1), true],
  ])('%s', (_, p, saved) => {
    expect(answerSaved(p)).toBe(saved);
  });

  it('counts the tasks without a saved answer', () => {
    expect(unansweredCount([undefined, progress('active', 0, { 1: 'a' }), progress('failed', 1), progress('solved', 1)])).toBe(2);
  });
});

describe('examTaskView', () => {
  const t = task('t');
  const wrong: TaskProgress = {
    ...progress('failed', 1, { 1: 'b', 2: 'c' }),
    hintsShown: 1,
    lastCheck: { placements: { 1: 'b', 2: 'c' }, correct: { 1: false, 2: true }, matchedMistakes: [0] },
  };
  const right: TaskProgress = { ...progress('solved', 1, { 1: 'a', 2: 'b' }), lastCheck: { placements: { 1: 'a', 2: 'b' }, correct: { 1: true, 2: true }, matchedMistakes: [] } };

  it.each([
    ['untouched', undefined, false],
    ['filled, not saved', progress('active', 0, { 1: 'a' }), false],
    ['saved wrong', wrong, true],
    ['saved right', right, true],
  ])('shows no marks, hints or mistakes before submission (%s)', (_, p, saved) => {
    expect(examTaskView(t, p, false)).toEqual({ submitted: false, saved, locked: saved, marks: false, hints: false, mistakes: false });
  });

  it.each([
    ['right', right, 'right', { 1: 'a', 2: 'b' }],
    ['wrong', wrong, 'wrong', { 1: 'b', 2: 'c' }],
    ['filled but never saved', progress('active', 0, { 1: 'a' }), 'unanswered', { 1: 'a' }],
    ['untouched', undefined, 'unanswered', {}],
  ])('after submission shows a %s task with its answer and the solution', (_, p, outcome, answer) => {
    expect(examTaskView(t, p, true)).toEqual({ submitted: true, outcome, answer, solution: { 1: 'a', 2: 'b' }, locked: true, marks: true, hints: false, mistakes: true });
  });
});

describe('filledCode', () => {
  it('fills every blank, keeps escaped brackets, and marks a blank with nothing in it', () => {
    expect(filledCode({ code: ['a = [[1]]', 'b = \\[[0]] + [[2]] + [[1]]'] }, { 1: 'x' })).toBe('a = x\nb = [[0]] + ___ + x');
  });
});
