// @vitest-environment node
// The Today page's rules: days in a row practised and mastery over the recent past.
import fc from 'fast-check';
import { daysInARow, mastery, MASTERY_DAYS } from './today.ts';

describe('daysInARow', () => {
  it.each<[string, number[], number, number]>([
    ['nothing practised', [], 100, 0],
    ['today only', [100], 100, 1],
    ['yesterday only: still alive until today ends', [99], 100, 1],
    ['three days ending today', [98, 99, 100], 100, 3],
    ['three days ending yesterday', [97, 98, 99], 100, 3],
    ['a gap breaks it', [96, 98, 99, 100], 100, 3],
    ['the day before yesterday alone is broken', [98], 100, 0],
    ['the same day many times counts once', [100, 100, 99, 99], 100, 2],
    ['a day after today (clock set back) counts as today', [99, 101], 100, 2],
    ['only future days (clock set back a week) count as today', [107, 108], 100, 1],
  ])('%s', (_, days, today, expected) => {
    expect(daysInARow(days, today)).toBe(expected);
  });

  it('never throws, is never negative and never more than the distinct days practised', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), fc.integer({ min: -1000, max: 1000 }), (days, today) => {
        const n = daysInARow(days, today);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(new Set(days).size);
      }),
    );
  });

  it('practising today never shortens the streak', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 })), fc.integer({ min: 0, max: 60 }), (days, today) => {
        expect(daysInARow([...days, today], today)).toBeGreaterThanOrEqual(daysInARow(days, today));
      }),
    );
  });
});

describe('mastery', () => {
  const today = 500;
  it.each<[string, { day: number; c: Record<string, boolean> }[], { right: number; total: number }]>([
    ['no checks', [], { right: 0, total: 0 }],
    ['every blank of every check in the window', [{ day: today, c: { 1: true, 2: false } }, { day: today - 1, c: { 1: true, 2: true } }], { right: 3, total: 4 }],
    ['the oldest day of the window counts', [{ day: today - MASTERY_DAYS + 1, c: { 1: true } }], { right: 1, total: 1 }],
    ['the day before the window does not', [{ day: today - MASTERY_DAYS, c: { 1: true } }], { right: 0, total: 0 }],
    ['a check dated after today (clock set back) counts', [{ day: today + 3, c: { 1: false } }], { right: 0, total: 1 }],
  ])('%s', (_, checks, expected) => {
    expect(mastery(checks, today)).toEqual(expected);
  });

  it('right is never more than total', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 400, max: 600 }), c: fc.dictionary(fc.constantFrom('1', '2', '3'), fc.boolean()) })), (checks) => {
        const { right, total } = mastery(checks, today);
        expect(right).toBeLessThanOrEqual(total);
      }),
    );
  });
});
