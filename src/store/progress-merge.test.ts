// @vitest-environment node
// Merging progress from another browser, each kind of entry by its own rule.
import fc from 'fast-check';
import { isWhole, kindOf, mergeEntry, mergeLogs, type EntryKind } from './progress-merge.ts';

const snapshot = (tasks: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ v: 2, tasks, ...extra });
const solved = (attemptsUsed: number) => ({ placements: { 1: 'a' }, attemptsUsed, hintsShown: 0, status: 'solved', lastCheck: null });
/** A flashcard as src/store/memory.ts stores it, last rated at `last`. */
const card = (last: number, due: number) => ({ due, stab: 1, diff: 5, state: 2, reps: 1, lapses: 0, last, days: 1, log: [[last, 3]] });
const active = (attemptsUsed: number) => ({ placements: {}, attemptsUsed, hintsShown: 0, status: 'active', lastCheck: null });

describe('kindOf', () => {
  it.each<[string, unknown, EntryKind]>([
    ['codeblanks:v2:intro:intro:practice', snapshot({}), 'snapshot'],
    ['codeblanks:v1:intro:abc123', { tasks: {} }, 'snapshot'],
    ['codeblanks:v2:intro:log', {}, 'log'],
    ['codeblanks:v2:mode:intro', 'typed', 'mode'],
    ['codeblanks:v2:challenge', { v: 1, bests: {} }, 'challenge'],
    ['codeblanks:v2:cards', { v: 1, cards: {} }, 'schedule'],
    ['codeblanks:v2:something-new', { x: 1 }, 'other'],
  ])('%s is a %s entry', (key, value, kind) => {
    expect(kindOf(key, value)).toBe(kind);
  });
});

describe('mergeEntry: each kind by its rule', () => {
  it('snapshots never give back spent attempts nor unlock a finished task, from either side', () => {
    const mine = snapshot({ 'a@1': active(2), 'b@1': solved(1) });
    const theirs = snapshot({ 'a@1': active(1), 'b@1': active(2), 'c@1': active(1) });
    expect(mergeEntry('snapshot', mine, theirs)).toEqual(snapshot({ 'a@1': active(2), 'b@1': solved(1), 'c@1': active(1) }));
    expect(mergeEntry('snapshot', theirs, mine)).toEqual(snapshot({ 'a@1': active(2), 'b@1': solved(1), 'c@1': active(1) }));
  });

  it("snapshots keep an exam's results of both sides, each once, and the later round", () => {
    const r = (at: number) => ({ at, solved: 1, total: 2, ms: 1000 });
    const round = (startedAt: number) => ({ seed: 1, startedAt, limitMs: null, submittedAt: startedAt + 5 });
    const merged = mergeEntry('snapshot', snapshot({}, { round: round(10), history: [r(10), r(5)] }), snapshot({}, { round: round(20), history: [r(20), r(10)] }));
    expect(merged).toEqual(snapshot({}, { round: round(20), history: [r(20), r(10), r(5)] }));
  });

  it("snapshots keep the newest ten exam results of both sides together", () => {
    const r = (at: number) => ({ at, solved: 1, total: 2, ms: 1000 });
    const mine = snapshot({}, { history: [12, 10, 8, 6, 4, 2].map(r) });
    const theirs = snapshot({}, { history: [11, 9, 7, 5, 3, 1].map(r) });
    const expected = snapshot({}, { history: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(r) });
    expect(mergeEntry('snapshot', mine, theirs)).toEqual(expected);
    expect(mergeEntry('snapshot', theirs, mine)).toEqual(expected);
  });

  it('logs are a union of lines, identical lines once, in time order', () => {
    const mine = { 'intro/a@1': [{ t: 1, m: 'practice', h: 1 }, { t: 5, m: 'practice', h: 2 }] };
    const theirs = { 'intro/a@1': [{ t: 3, m: 'typed', h: 1 }, { t: 5, m: 'practice', h: 2 }], 'intro/b@1': [{ t: 2, m: 'practice', h: 1 }] };
    expect(mergeEntry('log', mine, theirs)).toEqual({
      'intro/a@1': [{ t: 1, m: 'practice', h: 1 }, { t: 3, m: 'typed', h: 1 }, { t: 5, m: 'practice', h: 2 }],
      'intro/b@1': [{ t: 2, m: 'practice', h: 1 }],
    });
  });

  it.each<[string, unknown, unknown]>([
    ["this browser's when present", 'typed', 'typed'],
    ["the file's when absent", undefined, 'order'],
  ])('the last mode is %s', (_, mine, expected) => {
    expect(mergeEntry('mode', mine, 'order')).toBe(expected);
  });

  it('flashcards keep, card by card, the one rated later', () => {
    const mine = { v: 1, cards: { x: card(300, 9), y: card(100, 1) } };
    const theirs = { v: 1, cards: { x: card(200, 5), y: card(200, 2), z: card(50, 3) } };
    expect(mergeEntry('schedule', mine, theirs)).toEqual({ v: 1, cards: { x: mine.cards.x, y: theirs.cards.y, z: theirs.cards.z } });
  });

  it('challenge bests keep the better per choice of sets: the higher score, then the faster round', () => {
    const best = (right: number, bonus: number, ms: number, at = 1) => ({ right, bonus, score: right + bonus, ms, at });
    const mine = { v: 1, bests: { 'a,b': best(6, 1, 90_000), a: best(3, 0, 60_000), c: best(4, 0, 50_000) } };
    const theirs = { v: 1, bests: { 'a,b': best(5, 0, 80_000, 2), a: best(4, 0, 70_000, 2), b: best(1, 0, 10_000, 2), c: best(3, 1, 40_000, 2) } };
    expect(mergeEntry('challenge', mine, theirs)).toEqual({ v: 1, bests: { 'a,b': mine.bests['a,b'], a: theirs.bests.a, b: theirs.bests.b, c: theirs.bests.c } });
  });

  it("other entries keep this browser's, and take the file's where absent", () => {
    expect(mergeEntry('other', { mine: 1 }, { theirs: 1 })).toEqual({ mine: 1 });
    expect(mergeEntry('other', undefined, { theirs: 1 })).toEqual({ theirs: 1 });
  });
});

describe('isWhole: what a file must hold to be imported', () => {
  it.each<[EntryKind, unknown, boolean]>([
    ['snapshot', snapshot({ 'a@1': solved(1) }), true],
    ['snapshot', snapshot({ 'a@1': { status: 'solved', attemptsUsed: -1 } }), false],
    ['snapshot', { v: 3, tasks: {} }, false],
    ['snapshot', snapshot({}, { history: 'x' }), false],
    ['log', { 'intro/a@1': [{ t: 1, m: 'practice', h: 1 }] }, true],
    ['log', { 'intro/a@1': [{ m: 'practice', h: 1 }] }, false],
    ['log', { 'intro/a@1': 'x' }, false],
    ['mode', 'practice', true],
    ['mode', '<script>', false],
    ['schedule', { v: 1, cards: { x: card(1, 2) } }, true],
    ['schedule', { v: 1, cards: { x: { due: 3 } } }, false],
    ['schedule', { v: 2, cards: {} }, false],
    ['challenge', { v: 1, bests: { a: { right: 1, bonus: 1, score: 2, ms: 5, at: 1 } } }, true],
    ['challenge', { v: 1, bests: { a: { right: 1, bonus: 1, score: 3, ms: 5, at: 1 } } }, false],
    ['challenge', { v: 2, bests: {} }, false],
  ])('%s %j: %s', (kind, value, whole) => {
    expect(isWhole(kind, value)).toBe(whole);
  });
});

// Logs as fast-check draws them: a few items, lines with few distinct times so ties and duplicates occur.
const line = fc.oneof(
  fc.record({ t: fc.integer({ min: 0, max: 5 }), m: fc.constantFrom('practice', 'typed'), h: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ t: fc.integer({ min: 0, max: 5 }), m: fc.constant('practice'), r: fc.constant({ 1: 'a' }), c: fc.dictionary(fc.constantFrom('1', '2'), fc.boolean()), s: fc.boolean() }),
);
const log = fc.dictionary(fc.constantFrom('s/a@1', 's/b@1', 't/a@2'), fc.array(line, { maxLength: 6 }));
const key = (l: unknown) => JSON.stringify(l);

describe('mergeLogs: properties', () => {
  it('never loses a line of either side', () => {
    fc.assert(
      fc.property(log, log, (a, b) => {
        const merged = mergeLogs(a, b);
        for (const side of [a, b]) for (const [item, lines] of Object.entries(side)) for (const l of lines) expect(merged[item]!.map(key)).toContain(key(l));
      }),
    );
  });
  it('is commutative and idempotent', () => {
    fc.assert(
      fc.property(log, log, (a, b) => {
        const ab = mergeLogs(a, b);
        expect(mergeLogs(b, a)).toEqual(ab);
        expect(mergeLogs(ab, b)).toEqual(ab);
        expect(mergeLogs(ab, ab)).toEqual(ab);
      }),
    );
  });
  it('keeps each item in time order', () => {
    fc.assert(
      fc.property(log, log, (a, b) => {
        for (const lines of Object.values(mergeLogs(a, b))) expect(lines.map((l) => l.t)).toEqual(lines.map((l) => l.t).sort((x, y) => (x as number) - (y as number)));
      }),
    );
  });
});

const record = fc.oneof(
  fc.record({ placements: fc.constant({}), attemptsUsed: fc.integer({ min: 0, max: 3 }), hintsShown: fc.integer({ min: 0, max: 2 }), status: fc.constantFrom('active', 'solved', 'failed'), lastCheck: fc.constant(null) }),
  fc.record({ resets: fc.integer({ min: 1, max: 2 }) }),
);
const snap = fc.dictionary(fc.constantFrom('a@1', 'b@1', 'c@1'), record).map((tasks) => snapshot(tasks));
const strength = (r: Record<string, unknown> | undefined) => [r?.resets ?? 0, r?.status === 'active' || !r?.status ? 0 : 1, r?.attemptsUsed ?? 0, r?.hintsShown ?? 0];
const atLeast = (a: unknown[], b: unknown[]) => {
  const i = a.findIndex((x, j) => x !== b[j]);
  return i < 0 || (a[i] as number) > (b[i] as number);
};

describe('snapshot merge: properties', () => {
  it('is idempotent, and merging the same file twice changes nothing more', () => {
    fc.assert(
      fc.property(snap, snap, (a, b) => {
        expect(mergeEntry('snapshot', a, a)).toEqual(a);
        const ab = mergeEntry('snapshot', a, b);
        expect(mergeEntry('snapshot', ab, b)).toEqual(ab);
      }),
    );
  });
  it('keeps every task of either side, each at least as far on as on either side (no attempt given back)', () => {
    fc.assert(
      fc.property(snap, snap, (a, b) => {
        const merged = mergeEntry('snapshot', a, b) as { tasks: Record<string, Record<string, unknown>> };
        for (const side of [a, b])
          for (const [id, r] of Object.entries(side.tasks)) expect(atLeast(strength(merged.tasks[id]), strength(r as Record<string, unknown>))).toBe(true);
      }),
    );
  });
  it('is commutative up to the records that tie on every rule', () => {
    fc.assert(
      fc.property(snap, snap, (a, b) => {
        const ab = (mergeEntry('snapshot', a, b) as { tasks: Record<string, Record<string, unknown>> }).tasks;
        const ba = (mergeEntry('snapshot', b, a) as { tasks: Record<string, Record<string, unknown>> }).tasks;
        expect(Object.keys(ab).sort()).toEqual(Object.keys(ba).sort());
        for (const id of Object.keys(ab)) expect(strength(ab[id])).toEqual(strength(ba[id]));
      }),
    );
  });
});
