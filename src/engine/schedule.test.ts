import fc from 'fast-check';
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import { GRADES, preview, rate, replay, type Grade, type Schedule } from './schedule.ts';
import { daysUntil, localDay, nextDayStart } from './days.ts';
import { dueOn } from './due.ts';

const DAY = 86_400_000;
const T0 = new Date(2026, 11, 1, 10, 0).getTime();

describe('the schedule engine', () => {
  it.each([
    // grade, days until due for a new card, for a card rated Good 3 days earlier
    [1, 1, 1],
    [2, 2, 9],
    [3, 3, 14],
    [4, 8, 24],
  ] as const)('a new card rated %d is due in %d days; a Good card rated it three days on, in %d', (grade, first, second) => {
    expect(daysUntil(rate(undefined, grade, T0).due, T0)).toBe(first);
    const good = rate(undefined, 3, T0);
    const later = good.due;
    expect(daysUntil(rate(good, grade, later).due, later)).toBe(second);
  });

  it('schedules exactly as ts-fsrs\'s own scheduler (fsrs().next, short-term steps off, no fuzz)', () => {
    const full = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 * DAY }), fc.constantFrom<Grade>(1, 2, 3, 4)), { minLength: 1, maxLength: 10 }), (steps) => {
        let t = T0;
        let card: Card = createEmptyCard(new Date(t));
        let mine: Schedule | undefined;
        for (const [wait, g] of steps) {
          t += wait;
          card = full.next(card, new Date(t), g as FsrsGrade).card;
          mine = rate(mine, g, t);
          expect(mine.due).toBe(card.due.getTime());
          expect(mine.stab).toBeCloseTo(card.stability, 10);
          expect(mine.diff).toBeCloseTo(card.difficulty, 10);
          expect([mine.state, mine.reps, mine.lapses, mine.days]).toEqual([card.state, card.reps, card.lapses, card.scheduled_days]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a lapse when a card in review is rated Again', () => {
    const good = rate(undefined, 3, T0);
    const again = rate(good, 1, good.due);
    expect(again.lapses).toBe(1);
    expect(again.reps).toBe(2);
  });

  it('replays ratings to the same schedule as rating them one by one', () => {
    const one = rate(rate(undefined, 3, T0), 2, T0 + 3 * DAY);
    expect(replay([[T0, 3], [T0 + 3 * DAY, 2]])).toEqual(one);
    expect(replay([])).toBeUndefined();
  });

  it('rates at the last rating\'s time when the clock jumped back, losing nothing', () => {
    const good = rate(undefined, 3, T0 + 10 * DAY);
    const back = rate(good, 3, T0);
    expect(back.reps).toBe(2);
    expect(back.last).toBe(T0 + 10 * DAY);
    expect(back.due).toBeGreaterThan(T0 + 10 * DAY);
  });

  const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
  // Ratings at times that may go back (a clock that jumps) by up to 60 days.
  const ratings = fc.array(fc.tuple(fc.integer({ min: -60 * DAY, max: 60 * DAY }), grade), { maxLength: 12 });

  it('never schedules a card before the time it was rated, whatever the clock does', () => {
    fc.assert(
      fc.property(ratings, (rs) => {
        let s: Schedule | undefined;
        for (const [dt, g] of rs) {
          const now = T0 + dt;
          const next = rate(s, g, now);
          expect(next.due).toBeGreaterThanOrEqual(now);
          expect(next.due).toBeGreaterThan(next.last);
          expect(next.reps).toBe((s?.reps ?? 0) + 1);
          s = next;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('orders intervals Again <= Hard <= Good <= Easy from any state', () => {
    fc.assert(
      fc.property(ratings, fc.integer({ min: 0, max: 90 * DAY }), (rs, wait) => {
        const s = replay(rs.map(([dt, g]) => [T0 + dt, g] as const));
        const now = (s?.last ?? T0) + wait;
        const p = preview(s, now);
        const dues = GRADES.map((g) => p[g].due);
        expect([...dues].sort((a, b) => a - b)).toEqual(dues);
      }),
      { numRuns: 200 },
    );
  });
});

describe('local days', () => {
  it.each([
    [new Date(2026, 11, 1, 23, 59).getTime(), new Date(2026, 11, 2, 0, 1).getTime(), 1],
    [new Date(2026, 11, 1, 0, 1).getTime(), new Date(2026, 11, 1, 23, 59).getTime(), 0],
    [new Date(2026, 11, 5).getTime(), new Date(2026, 11, 1).getTime(), 0],
    [new Date(2026, 2, 28, 12).getTime(), new Date(2026, 2, 30, 12).getTime(), 2],
  ])('from %d to %d is %d days', (now, due, days) => {
    expect(daysUntil(due, now)).toBe(days);
  });

  it('names the local day and where it ends', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30).getTime())).toBe('2026-01-05');
    expect(nextDayStart(new Date(2026, 0, 5, 23, 30).getTime())).toBe(new Date(2026, 0, 6).getTime());
  });
});

describe('what is due on a day', () => {
  const s = (due: number) => ({ due, stab: 1 });
  it('counts what falls due before the local day ends, soonest first, per set', () => {
    const due = dueOn(
      { 'a/t@1#1': s(T0 + DAY), 'a/t@1#2': s(T0 + 5 * 3600_000), 'b/u@2#1': s(T0 - 3 * DAY), 'b/u@2#2': s(nextDayStart(T0)) },
      T0,
    );
    expect(due).toEqual({ count: 2, items: ['b/u@2#1', 'a/t@1#2'], bySet: { a: 1, b: 1 } });
  });

  it('leaves out what the caller skips', () => {
    expect(dueOn({ 'a/t@1': { due: T0, stab: 30 } }, T0, (x) => x.stab >= 21).count).toBe(0);
  });

  it('counts 5,000 cards quickly', () => {
    const many: Record<string, { due: number }> = {};
    for (let i = 0; i < 5000; i++) many[`set${i % 20}/t${i}@h#1`] = { due: T0 + (i % 10) * DAY };
    const start = performance.now();
    expect(dueOn(many, T0).count).toBe(500);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
