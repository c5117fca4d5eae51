import fc from 'fast-check';
import { everWrong } from './review-items.ts';
import { STABLE_DAYS, isStable, reviewRatings, reviewSchedule, reviewSchedules, type LogLine } from './review.ts';
import { daysUntil } from './days.ts';

const DAY = 86_400_000;
const T0 = new Date(2026, 11, 1, 10, 0).getTime();
const check = (t: number, s: boolean, m = 'practice'): LogLine => ({ t, m, s, c: { 1: s } });
const hint = (t: number): LogLine & { h: number } => ({ t, m: 'practice', h: 1 });

describe('review from the attempt log', () => {
  it.each([
    ['solved at the first check: Good', [check(T0, true)], [[T0, 3]]],
    ['wrong then solved: Hard, at the solving check', [check(T0, false), hint(T0 + 1), check(T0 + 2, true)], [[T0 + 2, 2]]],
    ['wrong and never solved: Again', [check(T0, false), check(T0 + 5, false)], [[T0 + 5, 1]]],
    ['a new day is a new sitting', [check(T0, false), check(T0 + DAY, true)], [[T0, 1], [T0 + DAY, 3]]],
    ['another mode is a new sitting', [check(T0, false), check(T0 + 1, true, 'typed')], [[T0, 1], [T0 + 1, 3]]],
    ['help alone is no rating', [hint(T0)], []],
  ] as const)('%s', (_name, lines, ratings) => {
    expect(reviewRatings(lines)).toEqual(ratings);
  });

  it('reviews only a task got wrong at least once', () => {
    expect(everWrong([check(T0, true), check(T0 + DAY, true)])).toBe(false);
    expect(reviewSchedule([check(T0, true)])).toBeUndefined();
    expect(reviewSchedules({ 'a/t@1': [check(T0, true)], 'b/u@2': [check(T0, false)] })).toEqual({ 'b/u@2': expect.objectContaining({ reps: 1 }) });
  });

  it('brings a task got wrong today back tomorrow, and one solved after a mistake in two days', () => {
    expect(daysUntil(reviewSchedule([check(T0, false)])!.due, T0)).toBe(1);
    expect(daysUntil(reviewSchedule([check(T0, false), check(T0 + 1, true)])!.due, T0)).toBe(2);
  });

  it(`lets a task leave review once its stability reaches ${STABLE_DAYS} days`, () => {
    let lines: LogLine[] = [check(T0, false)];
    let s = reviewSchedule(lines)!;
    expect(isStable(s)).toBe(false);
    while (!isStable(s)) {
      lines = [...lines, check(s.due, true, 'review')];
      s = reviewSchedule(lines)!;
    }
    expect(s.stab).toBeGreaterThanOrEqual(STABLE_DAYS);
    expect(lines.length).toBeLessThan(6);
    // A mistake later brings it back.
    expect(isStable(reviewSchedule([...lines, check(s.due, false, 'review')])!)).toBe(false);
  });

  it('never throws nor schedules before the last check, with lines out of time order', () => {
    const line = fc.record({ t: fc.integer({ min: T0 - 30 * DAY, max: T0 + 30 * DAY }), s: fc.boolean(), m: fc.constantFrom('practice', 'review', 'typed') });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 15 }), (raw) => {
        const lines = raw.map((l) => ({ ...l, c: { 1: l.s } }));
        const s = reviewSchedule(lines);
        if (!everWrong(lines)) expect(s).toBeUndefined();
        else expect(s!.due).toBeGreaterThan(Math.max(...reviewRatings(lines).map(([t]) => t)));
      }),
      { numRuns: 200 },
    );
  });
});
