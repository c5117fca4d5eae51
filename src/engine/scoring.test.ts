// @vitest-environment node
import fc from 'fast-check';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { FRESH_PROGRESS, type TaskProgress } from './grading.ts';
import { hashString, scoreSet } from './scoring.ts';
import { seededRandom, seededShuffle } from './seeded.ts';

const taskWithId = (id: string): Task => ({
  id,
  difficulty: 'easy',
  prompt: 'p',
  language: 'python',
  code: 'x = [[1]]',
  options: ['1', '2'],
  answers: { '1': '1' },
});

const set: ExerciseSet = {
  formatVersion: 1,
  id: 'scoring',
  title: 'Scoring',
  subject: 'Tests',
  tasks: ['a', 'b', 'c', 'd'].map(taskWithId),
};

const progress = (status: TaskProgress['status'], attemptsUsed: number, hintsShown = 0): TaskProgress => ({
  ...FRESH_PROGRESS,
  status,
  attemptsUsed,
  hintsShown,
});

describe('scoreSet', () => {
  it('counts a set nobody has touched as all open', () => {
    expect(scoreSet(set, {})).toEqual({ total: 4, solved: 0, failed: 0, open: 4, attemptsUsed: 0, hintsUsed: 0, complete: false, scaled: 0 });
  });

  it('counts solved, failed and open tasks, attempts and hints', () => {
    const score = scoreSet(set, { a: progress('solved', 1, 2), b: progress('failed', 3), c: progress('active', 1, 1) });
    expect(score).toEqual({ total: 4, solved: 1, failed: 1, open: 2, attemptsUsed: 5, hintsUsed: 3, complete: false, scaled: 0.25 });
  });

  it('counts a Common mistakes list opened for its advice as help used, with the hints', () => {
    const score = scoreSet(set, { a: { ...progress('solved', 1, 1), mistakesShown: true }, b: { ...progress('active', 0), mistakesShown: true } });
    expect(score.hintsUsed).toBe(3);
  });

  it('is complete once every task is solved or failed', () => {
    const score = scoreSet(set, { a: progress('solved', 1), b: progress('solved', 2), c: progress('failed', 3), d: progress('solved', 1) });
    expect(score.complete).toBe(true);
    expect(score.scaled).toBe(0.75);
  });

  it('ignores progress for tasks the set no longer has', () => {
    expect(scoreSet(set, { gone: progress('solved', 1) }).solved).toBe(0);
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => {
      const next = seededRandom(seed);
      return Array.from({ length: 5 }, next);
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const value of take(7)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('seededRandom is mulberry32', () => {
  it('gives the reference first value for seed 1', () => {
    expect(seededRandom(1)()).toBe(0.6270739405881613);
  });
});

describe('seededShuffle', () => {
  it('keeps the same order for the same seed from release to release', () => {
    // Pinned: a learner who comes back must see the options where they left them.
    expect(seededShuffle(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 2024)).toEqual(['h', 'a', 'b', 'c', 'f', 'd', 'e', 'g']);
  });

  it('reorders a list reproducibly without touching the input', () => {
    const input = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const once = seededShuffle(input, 2024);
    expect(seededShuffle(input, 2024)).toEqual(once);
    expect(once).not.toEqual(input);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('gives some other order for some other seed', () => {
    const input = Array.from({ length: 10 }, (_, i) => i);
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => seededShuffle(input, seed).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is a permutation and deterministic per seed, for any list and seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const shuffled = seededShuffle(items, seed);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(seededShuffle(items, seed)).toEqual(shuffled);
      }),
    );
  });

  it('puts every item first about equally often over many seeds', () => {
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed += 1) {
      const first = seededShuffle([0, 1, 2, 3], seed)[0] ?? 0;
      counts[first] = (counts[first] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });
});

describe('hashString', () => {
  it('matches the published FNV-1a values', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('tells apart texts that differ in one character', () => {
    expect(hashString('oauth2-client-credentials')).not.toBe(hashString('oauth2-client-credential'));
  });
});
