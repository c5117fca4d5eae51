// The Today page's reading of storage: days in a row, mastery per set and flashcards due, in local days.
import { memoryStorage } from '../test-support/memory-storage.ts';
import { localDay, readToday } from './today.ts';

const at = (day: number, hour = 12) => new Date(2026, 11, day, hour).getTime();
const check = (t: number, c: Record<number, boolean>) => ({ t, m: 'practice', r: {}, c, s: Object.values(c).every(Boolean) });
const card = (due: number, log: [number, number][]) => ({ due, stab: 1, diff: 5, state: 2, reps: log.length, lapses: 0, last: log.at(-1)?.[0] ?? 0, days: 1, log });

function storage() {
  const s = memoryStorage();
  s.setItem('codeblanks:v2:intro:log', JSON.stringify({ 'intro/a@1': [check(at(8), { 1: true, 2: false }), check(at(9, 23), { 1: true, 2: true })], 'intro/b@1': [{ t: at(10, 0), m: 'typed', h: 1 }] }));
  s.setItem('codeblanks:v2:sql:log', JSON.stringify({ 'sql/q@9': [check(at(1), { 1: false })] }));
  s.setItem('codeblanks:v2:cards', JSON.stringify({ v: 1, cards: { 'cards/t@1#1': card(at(10, 9), [[at(7), 3], [at(8), 1]]), 'cards/t@1#2': card(at(12), [[at(8), 4]]) } }));
  s.setItem('codeblanks:v2:broken:log', '{not json');
  return s;
}

describe('readToday', () => {
  it('counts the days in a row from checks, help and flashcard ratings, in local days', () => {
    // Dec 7 (rating), 8, 9 (23:00), 10 (00:00): four days, ending today.
    expect(readToday(storage(), at(10, 18))).toMatchObject({ streak: 4, practisedToday: true });
    // The next day, not practised yet: still four until it ends.
    expect(readToday(storage(), at(11, 8))).toMatchObject({ streak: 4, practisedToday: false });
    expect(readToday(storage(), at(12, 8))).toMatchObject({ streak: 0, practisedToday: false });
  });

  it('survives a clock set back before the practice: no throw, practice counted as today', () => {
    expect(readToday(storage(), at(9, 1))).toMatchObject({ streak: 3, practisedToday: true });
  });

  it("gives each set's mastery over the last 14 days: checked blanks and flashcard ratings (Again is wrong)", () => {
    const { sets } = readToday(storage(), at(14));
    expect(Object.fromEntries(sets.map((s) => [s.setId, [s.right, s.total]]))).toEqual({ intro: [3, 4], sql: [0, 1], cards: [2, 3] });
    const later = readToday(storage(), at(22));
    expect(later.sets.find((s) => s.setId === 'sql')).toMatchObject({ right: 0, total: 0 });
  });

  it('counts the flashcards due by the end of the local day', () => {
    expect(readToday(storage(), at(10, 1)).cards).toMatchObject({ count: 1, bySet: { cards: 1 } });
    expect(readToday(storage(), at(12, 1)).cards).toMatchObject({ count: 2 });
  });

  it('reads nothing from storage that throws', () => {
    expect(readToday(memoryStorage({ failGet: true }), at(1))).toMatchObject({ streak: 0, sets: [] });
  });

  it('numbers local days one apart across a change of summer time', () => {
    expect(localDay(new Date(2026, 2, 30, 12).getTime()) - localDay(new Date(2026, 2, 29, 12).getTime())).toBe(1);
    expect(localDay(new Date(2026, 9, 26, 0, 30).getTime()) - localDay(new Date(2026, 9, 25, 23, 30).getTime())).toBe(1);
  });
});
