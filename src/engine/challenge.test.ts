import fc from 'fast-check';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { BONUS_STEP_MS, CHALLENGE_LIMIT_MS, CHALLENGE_SIZE, beats, challengeScore, choiceKey, drawChallenge } from './challenge.ts';

const makeSet = (id: string, n: number): ExerciseSet =>
  ({
    formatVersion: 1,
    id,
    title: id,
    subject: id,
    tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, difficulty: 'easy', prompt: 'p', language: 'python', code: ['[[1]]'], options: ['a', 'b'], answers: { 1: 'a' } }) as Task),
  }) as ExerciseSet;

describe('drawing a round', () => {
  it.each([
    ['one set of 5', [5], 5],
    ['one set of 14', [14], 10],
    ['two sets of 5', [5, 5], 10],
    ['three sets of 6', [6, 6, 6], 10],
    ['a set of 2 and one of 20', [2, 20], 10],
    ['no set', [], 0],
  ])('%s gives %i tasks', (_, sizes, expected) => {
    expect(drawChallenge(sizes.map((n, i) => makeSet(`s${i}`, n)), 1)).toHaveLength(expected);
  });

  it('is the same for the same seed, and a set chosen twice counts once', () => {
    const sets = [makeSet('a', 4), makeSet('b', 4)];
    expect(drawChallenge(sets, 7)).toEqual(drawChallenge(sets, 7));
    expect(drawChallenge([...sets, sets[0]!], 7)).toEqual(drawChallenge(sets, 7));
  });

  const sizes = fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 });
  it('takes each task at most once, min(10, all tasks) of them, from the sets chosen', () => {
    fc.assert(
      fc.property(sizes, fc.integer(), (ns, seed) => {
        const sets = ns.map((n, i) => makeSet(`s${i}`, n));
        const drawn = drawChallenge(sets, seed);
        const keys = drawn.map((d) => `${d.set.id}/${d.task.id}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(drawn.length).toBe(Math.min(CHALLENGE_SIZE, ns.reduce((a, b) => a + b, 0)));
        for (const d of drawn) expect(sets).toContain(d.set);
      }),
    );
  });

  it('interleaves: no two in a row from one set while another still has tasks, and the sets share evenly', () => {
    fc.assert(
      fc.property(sizes, fc.integer(), (ns, seed) => {
        const sets = ns.map((n, i) => makeSet(`s${i}`, n));
        const drawn = drawChallenge(sets, seed);
        const count = (id: string, upTo = drawn.length) => drawn.slice(0, upTo).filter((d) => d.set.id === id).length;
        for (let i = 1; i < drawn.length; i += 1) {
          const same = drawn[i]!.set.id === drawn[i - 1]!.set.id;
          // The same set twice in a row only when every other set was used up before.
          if (same) for (const s of sets) if (s.id !== drawn[i]!.set.id) expect(count(s.id, i)).toBe(s.tasks.length);
        }
        // A set with tasks left never has two fewer than another.
        for (const a of sets) for (const b of sets) if (count(a.id) < a.tasks.length) expect(count(b.id) - count(a.id)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('the score', () => {
  it.each([
    // right, ms taken, right + bonus
    [10, 0, 10, 20],
    [10, 60_000, 8, 18],
    [10, 60_001, 7, 17],
    [3, 0, 3, 6],
    [0, 0, 0, 0],
    [10, CHALLENGE_LIMIT_MS, 0, 10],
    [10, CHALLENGE_LIMIT_MS + 5000, 0, 10],
    [5, -60_000, 5, 10],
  ])('%i right in %i ms: bonus %i, score %i', (right, ms, bonus, score) => {
    expect(challengeScore(right, ms)).toEqual({ right, bonus, score });
  });

  it('the bonus is never negative, never more than the right answers, and never grows with time spent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), (right, ms, more) => {
        const a = challengeScore(right, ms);
        expect(a.bonus).toBeGreaterThanOrEqual(0);
        expect(a.bonus).toBeLessThanOrEqual(right);
        expect(a.bonus).toBeLessThanOrEqual(CHALLENGE_LIMIT_MS / BONUS_STEP_MS);
        expect(challengeScore(right, ms + more).bonus).toBeLessThanOrEqual(a.bonus);
      }),
    );
  });
});

describe('personal bests', () => {
  const best = (score: number, ms: number) => ({ right: score, bonus: 0, score, ms, at: 1 });
  it.each([
    [best(5, 100), undefined, true],
    [best(6, 900), best(5, 100), true],
    [best(5, 90), best(5, 100), true],
    [best(5, 100), best(5, 100), false],
    [best(4, 1), best(5, 100), false],
  ])('%j beats %j: %s', (a, b, expected) => {
    expect(beats(a, b)).toBe(expected);
  });

  it('are kept per choice of sets, whatever the order they were picked in', () => {
    expect(choiceKey(['sql-joins', 'bash-pipelines', 'sql-joins'])).toBe('bash-pipelines,sql-joins');
  });
});
