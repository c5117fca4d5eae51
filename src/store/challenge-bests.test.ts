// @vitest-environment node
import { BESTS_KEY, mergeBests, parseBests, readBests, recordBest } from './challenge-bests.ts';
import { memoryStorage } from '../test-support/memory-storage.ts';

const result = (score: number, ms = 1000, at = 1) => ({ right: score, bonus: 0, score, ms, at });

describe('challenge personal bests', () => {
  it('keeps the best per choice of sets, and says when a round beats it', () => {
    const storage = memoryStorage();
    expect(recordBest(storage, 'a', result(5))).toEqual({ best: result(5), isNew: true });
    expect(recordBest(storage, 'a', result(4, 1, 2))).toEqual({ best: result(5), isNew: false });
    expect(recordBest(storage, 'a,b', result(3))).toMatchObject({ isNew: true });
    expect(recordBest(storage, 'a', result(7, 1, 3))).toMatchObject({ isNew: true });
    expect(readBests(storage)).toEqual({ a: result(7, 1, 3), 'a,b': result(3) });
    expect(JSON.parse(storage.getItem(BESTS_KEY)!).v).toBe(1);
  });

  it.each([
    ['not JSON', '{', {}],
    ['a damaged best left out', JSON.stringify({ v: 1, bests: { a: result(2), b: { score: 'x' }, c: { ...result(2), score: 9 } } }), { a: result(2) }],
    ['another version', JSON.stringify({ v: 2, bests: { a: result(2) } }), null],
  ])('reads %s without throwing', (_, raw, expected) => {
    expect(parseBests(raw)).toEqual(expected);
  });

  it('never overwrites an entry of a newer version', () => {
    const storage = memoryStorage();
    const newer = JSON.stringify({ v: 2, bests: {} });
    storage.setItem(BESTS_KEY, newer);
    recordBest(storage, 'a', result(5));
    expect(storage.getItem(BESTS_KEY)).toBe(newer);
  });

  it('a merge keeps the better of each side', () => {
    expect(mergeBests({ a: result(5), b: result(1) }, { a: result(4), b: result(2), c: result(3) })).toEqual({ a: result(5), b: result(2), c: result(3) });
  });
});
