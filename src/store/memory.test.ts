import { CARDS_KEY, cardId, mergeCards, newerCard, readCards, saveCard, type CardRecord } from './memory.ts';
import { readAllLogs } from './logs.ts';
import { dueToday } from './memory-due.ts';
import { appendLog, logKeyFor, type KeyValueStorage } from './persistence.ts';
import type { Task } from '../schema/exercise-schema.ts';

const DAY = 86_400_000;
const T0 = new Date(2026, 11, 1, 10, 0).getTime();

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

const card = (due: number, last = T0, log: CardRecord['log'] = [[T0, 3]]): CardRecord => ({ due, stab: 2.3, diff: 5, state: 2, reps: log.length, lapses: 0, last, days: 3, log });
const task: Task = { id: 'loop', difficulty: 'easy', prompt: 'p', language: 'python', code: 'for [[1]] in [[2]]:', options: ['x', 'xs'], answers: { '1': 'x', '2': 'xs' } };

describe('flashcard storage', () => {
  it('keys a card by its set, task, task content and blank', () => {
    expect(cardId('s', task, 2)).toMatch(/^s\/loop@[0-9a-z]+#2$/);
    expect(cardId('s', { ...task, prompt: 'other' }, 2)).not.toBe(cardId('s', task, 2));
  });

  it('saves a card and reads it back', () => {
    const storage = memoryStorage();
    expect(saveCard(storage, 's/t@1#1', card(T0 + DAY))).toBe(true);
    expect(readCards(storage)).toEqual({ cards: { 's/t@1#1': card(T0 + DAY) }, damaged: false, writable: true });
  });

  it('leaves out a damaged card but keeps it in storage when saving another', () => {
    const storage = memoryStorage({ [CARDS_KEY]: JSON.stringify({ v: 1, cards: { 's/bad#1': { due: 'soon' }, 's/t@1#1': card(T0) } }) });
    expect(readCards(storage)).toEqual({ cards: { 's/t@1#1': card(T0) }, damaged: true, writable: true, unread: ['s/bad#1'] });
    saveCard(storage, 's/t@1#2', card(T0 + DAY));
    expect(saveCard(storage, 's/bad#1', card(T0 + DAY))).toBe(false);
    expect(JSON.parse(storage.getItem(CARDS_KEY)!).cards['s/bad#1']).toEqual({ due: 'soon' });
  });

  it.each([
    ['not JSON', '{oops'],
    ['a newer format', JSON.stringify({ v: 2, cards: {} })],
    ['not an object', '[]'],
  ])('never overwrites an entry that is %s', (_name, raw) => {
    const storage = memoryStorage({ [CARDS_KEY]: raw });
    expect(readCards(storage)).toEqual({ cards: {}, damaged: true, writable: false });
    expect(saveCard(storage, 's/t@1#1', card(T0))).toBe(false);
    expect(storage.getItem(CARDS_KEY)).toBe(raw);
  });

  it('reads nothing, and throws nothing, from a storage that throws', () => {
    const broken = { ...memoryStorage(), getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); } };
    expect(readCards(broken)).toEqual({ cards: {}, damaged: false, writable: false });
    expect(saveCard(broken, 'a/b#1', card(T0))).toBe(false);
    expect(dueToday(broken, T0).cards.count).toBe(0);
  });

  it('merges by the record rated last, then the one rated more often', () => {
    const old = card(T0, T0);
    const newer = card(T0 + DAY, T0 + 1);
    expect(newerCard(old, newer)).toBe(newer);
    expect(newerCard(newer, old)).toBe(newer);
    const more = card(T0, T0, [[T0 - DAY, 1], [T0, 3]]);
    expect(mergeCards({ a: old, b: old }, { a: more, c: old })).toEqual({ a: more, b: old, c: old });
  });
});

describe('what is due today, across sets', () => {
  it('reads and counts 5,000 stored cards of 20 sets, five ratings each, well within the Today page budget', () => {
    const cards: Record<string, CardRecord> = {};
    const log: CardRecord['log'] = [[T0 - 40 * DAY, 3], [T0 - 37 * DAY, 3], [T0 - 30 * DAY, 2], [T0 - 20 * DAY, 3], [T0 - 5 * DAY, 4]];
    for (let i = 0; i < 5000; i++) cards[`set-${i % 20}/task-${i}@abc123#${(i % 3) + 1}`] = card(T0 + (i % 10) * DAY, T0 - 5 * DAY, log);
    const storage = memoryStorage({ [CARDS_KEY]: JSON.stringify({ v: 1, cards }) });
    const start = performance.now();
    const due = dueToday(storage, T0);
    const ms = performance.now() - start;
    expect(due.cards.count).toBe(500);
    expect(due.cards.bySet['set-0']).toBe(250);
    console.info(`5,000 cards read and counted in ${ms.toFixed(1)} ms`);
    // The Today page's budget is 500 ms to paint at 4x CPU.
    expect(ms).toBeLessThan(250);
  });

  it('counts due cards and the tasks got wrong in any set, whose review is due', () => {
    const storage = memoryStorage();
    saveCard(storage, 'a/t@1#1', card(T0 + 2 * 3600_000));
    saveCard(storage, 'b/t@1#1', card(T0 + 3 * DAY));
    appendLog(storage, logKeyFor('a'), 'a/t@1', { t: T0 - DAY, m: 'practice', r: { 1: 'x' }, c: { 1: false }, s: false });
    appendLog(storage, logKeyFor('b'), 'b/u@2', { t: T0 - DAY, m: 'typed', r: { 1: 'x' }, c: { 1: true }, s: true });
    appendLog(storage, logKeyFor('c'), 'c/v@3', { t: T0, m: 'exam', r: { 1: 'x' }, c: { 1: false }, s: false });
    const due = dueToday(storage, T0);
    expect(due.cards).toEqual({ count: 1, items: ['a/t@1#1'], bySet: { a: 1 } });
    // c's mistake today comes back tomorrow.
    expect(due.reviews).toEqual({ count: 1, items: ['a/t@1'], bySet: { a: 1 } });
    expect(dueToday(storage, T0 + DAY).reviews.items).toEqual(['a/t@1', 'c/v@3']);
  });

  it('joins an item logged under two storage keys in time order', () => {
    const storage = memoryStorage();
    appendLog(storage, logKeyFor('host'), 'a/t@1', { t: T0 + 5, m: 'practice', r: {}, c: { 1: true }, s: true });
    appendLog(storage, logKeyFor('a'), 'a/t@1', { t: T0, m: 'practice', r: {}, c: { 1: false }, s: false });
    storage.setItem('codeblanks:v2:other', '{}');
    expect(readAllLogs(storage)['a/t@1']!.map((l) => l.t)).toEqual([T0, T0 + 5]);
  });
});
