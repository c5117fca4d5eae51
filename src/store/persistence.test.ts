// @vitest-environment node
// Saved progress, format 2: how records merge, what parses, the attempt log and the catalogue's summary.
import fc from 'fast-check';
import type { TaskProgress } from '../engine/grading.ts';
import { memoryStorage } from '../test-support/memory-storage.ts';
import { appendLog, mergeTasks, parseEntry, type SavedTask } from './persistence.ts';
import { readLog } from './logs.ts';
import { HISTORY, mergeHistory, mergeRounds, readRounds } from './rounds.ts';
import { summariseSaved } from './saved-summary.ts';

const task = (over: Partial<TaskProgress> & SavedTask = {}): SavedTask => ({
  placements: {},
  attemptsUsed: 0,
  hintsShown: 0,
  status: 'active',
  lastCheck: null,
  ...over,
});

/** Which side a one-record merge keeps. */
function winner(mine: SavedTask, theirs: SavedTask): 'mine' | 'theirs' {
  const merged = mergeTasks({ t: mine }, { t: theirs }).t;
  if (merged === mine) return 'mine';
  if (merged === theirs) return 'theirs';
  throw new Error('the merge made a record of its own');
}

describe('mergeTasks: each tie-break on its own', () => {
  // Each row differs from its opponent in the rule named and in what a weaker rule would decide the
  // other way, so the rule itself decides.
  it.each<[string, SavedTask, SavedTask, 'mine' | 'theirs']>([
    ['a finished task beats an active one with more attempts and hints (mine finished)', task({ status: 'solved', attemptsUsed: 1 }), task({ attemptsUsed: 2, hintsShown: 2 }), 'mine'],
    ['a finished task beats an active one with more attempts and hints (theirs finished)', task({ attemptsUsed: 2, hintsShown: 2 }), task({ status: 'failed', attemptsUsed: 1 }), 'theirs'],
    ['failed and solved are both finished: then more attempts decide', task({ status: 'failed', attemptsUsed: 3 }), task({ status: 'solved', attemptsUsed: 2 }), 'mine'],
    ['more attempts beat fewer, with fewer hints (mine more)', task({ attemptsUsed: 2 }), task({ attemptsUsed: 1, hintsShown: 2, mistakesShown: true }), 'mine'],
    ['more attempts beat fewer, with fewer hints (theirs more)', task({ attemptsUsed: 1, hintsShown: 2, mistakesShown: true }), task({ attemptsUsed: 2 }), 'theirs'],
    ['more hints beat fewer, the mistakes unopened (mine more)', task({ attemptsUsed: 1, hintsShown: 2 }), task({ attemptsUsed: 1, hintsShown: 1, mistakesShown: true }), 'mine'],
    ['more hints beat fewer, the mistakes unopened (theirs more)', task({ attemptsUsed: 1, hintsShown: 1, mistakesShown: true }), task({ attemptsUsed: 1, hintsShown: 2 }), 'theirs'],
    ['the common mistakes opened beat unopened (mine opened)', task({ hintsShown: 1, mistakesShown: true, placements: { 1: 'a' } }), task({ hintsShown: 1, placements: { 1: 'b' } }), 'mine'],
    ['the common mistakes opened beat unopened (theirs opened)', task({ hintsShown: 1, placements: { 1: 'a' } }), task({ hintsShown: 1, mistakesShown: false, placements: { 1: 'b' } }), 'theirs'],
    ['on a full tie the newer (theirs) wins', task({ attemptsUsed: 1, placements: { 1: 'a' } }), task({ attemptsUsed: 1, placements: { 1: 'b' } }), 'theirs'],
    ['on a full tie with the same content, mine is kept (same object: nothing re-renders)', task({ attemptsUsed: 1, placements: { 1: 'a' } }), task({ attemptsUsed: 1, placements: { 1: 'a' } }), 'mine'],
    ['more resets beat a finished task (a reset is deliberate; mine reset)', { resets: 1 }, task({ status: 'solved', attemptsUsed: 1 }), 'mine'],
    ['more resets beat a finished task (theirs reset)', task({ status: 'solved', attemptsUsed: 3, resets: 1 }), task({ resets: 2, placements: { 1: 'a' } }), 'theirs'],
    ['after a reset, progress made since beats the bare count of resets', { resets: 1 }, task({ resets: 1, attemptsUsed: 1 }), 'theirs'],
  ])('%s', (_rule, mine, theirs, expected) => {
    expect(winner(mine, theirs)).toBe(expected);
  });

  it('keeps records only one side has, from both sides', () => {
    const a = task({ attemptsUsed: 1 });
    const b = task({ hintsShown: 1 });
    expect(mergeTasks({ a }, { b })).toEqual({ a, b });
  });
});

const status = fc.constantFrom<TaskProgress['status']>('active', 'solved', 'failed');
const record: fc.Arbitrary<SavedTask> = fc.oneof(
  fc.record(
    {
      placements: fc.dictionary(fc.constantFrom('1', '2'), fc.constantFrom('a', 'b')),
      attemptsUsed: fc.nat(4),
      hintsShown: fc.nat(3),
      status,
      lastCheck: fc.constant(null),
      mistakesShown: fc.boolean(),
      resets: fc.nat(2),
    },
    { requiredKeys: ['placements', 'attemptsUsed', 'hintsShown', 'status', 'lastCheck'] },
  ),
  fc.record({ resets: fc.nat(2) }),
);
const records = fc.dictionary(fc.constantFrom('x@1', 'y@1', 'y@2', 'z@1'), record);
const finished = (r: SavedTask | undefined) => r?.status === 'solved' || r?.status === 'failed';

describe('mergeTasks: properties', () => {
  it('never gives back attempts: an open task keeps at least the attempts either side used (between records of the same resets)', () => {
    fc.assert(
      fc.property(records, records, (mine, theirs) => {
        const merged = mergeTasks(mine, theirs);
        for (const [id, m] of Object.entries(merged)) {
          const sides = [mine[id], theirs[id]].filter((r): r is SavedTask => !!r && (r.resets ?? 0) === (m.resets ?? 0));
          if (!finished(m)) for (const side of sides) expect(m.attemptsUsed ?? 0).toBeGreaterThanOrEqual(side.attemptsUsed ?? 0);
        }
      }),
    );
  });

  it('never unlocks a finished task unless it was started afresh since', () => {
    fc.assert(
      fc.property(records, records, (mine, theirs) => {
        const merged = mergeTasks(mine, theirs);
        for (const [id, m] of Object.entries(merged)) {
          for (const side of [mine[id], theirs[id]]) {
            if (finished(side) && (side?.resets ?? 0) === (m.resets ?? 0)) expect(finished(m)).toBe(true);
          }
          expect(m.resets ?? 0).toBe(Math.max(mine[id]?.resets ?? 0, theirs[id]?.resets ?? 0));
        }
      }),
    );
  });

  it('is idempotent: merging again with the same records changes nothing', () => {
    fc.assert(
      fc.property(records, records, (mine, theirs) => {
        expect(mergeTasks(mine, mine)).toEqual(mine);
        const once = mergeTasks(mine, theirs);
        expect(mergeTasks(once, theirs)).toEqual(once);
      }),
    );
  });

  it('loses no record: every key of either side is in the merge', () => {
    fc.assert(
      fc.property(records, records, (mine, theirs) => {
        expect(Object.keys(mergeTasks(mine, theirs)).sort()).toEqual([...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort());
      }),
    );
  });
});

describe('parseEntry', () => {
  const entry = (tasks: unknown, v: unknown = 2) => JSON.stringify({ v, tasks });

  it('accepts progress, a bare count of resets and the optional mistakesShown, and keeps them as saved', () => {
    const tasks = { 'a@1': task({ mistakesShown: true, resets: 2 }), 'b@1': { resets: 1 }, 'c@1': task({ status: 'solved', attemptsUsed: 1 }) };
    expect(parseEntry(entry(tasks))).toEqual({ tasks, damaged: false, rounds: {} });
  });

  it.each([
    ['mistakesShown not a boolean', task({ mistakesShown: 'yes' as unknown as boolean })],
    ['negative resets', { resets: -1 }],
    ['no status and no resets', { placements: {} }],
    ['negative attempts', task({ attemptsUsed: -1 })],
    ['an unknown status', { ...task(), status: 'won' }],
  ])('drops a damaged record (%s) and keeps the rest, saying it was damaged', (_what, bad) => {
    const good = task({ attemptsUsed: 1 });
    expect(parseEntry(entry({ 'bad@1': bad, 'good@1': good }))).toEqual({ tasks: { 'good@1': good }, damaged: true, rounds: {} });
  });

  it.each([
    ['not JSON', '{"v":2,'],
    ['another format', entry({}, 3)],
    ["format 1's shape", JSON.stringify({ tasks: {} })],
    ['tasks not an object', entry([])],
  ])('is null for an entry that is not format 2 at all (%s)', (_what, raw) => {
    expect(parseEntry(raw)).toBeNull();
  });

  it("reads format 1's entries when asked to", () => {
    expect(parseEntry(JSON.stringify({ tasks: { a: task() } }), 1)).toEqual({ tasks: { a: task() }, damaged: false, rounds: {} });
  });
});

describe('the attempt log', () => {
  it('appends lines per item, in order, and reads them back', () => {
    const storage = memoryStorage();
    appendLog(storage, 'log', 's/a@1', { t: 1, m: 'practice', r: { 1: 'x' }, c: { 1: false }, s: false });
    appendLog(storage, 'log', 's/b@1', { t: 2, m: 'practice', h: 1 });
    appendLog(storage, 'log', 's/a@1', { t: 3, m: 'exam', r: { 1: 'y' }, c: { 1: true }, s: true });
    expect(readLog(storage, 'log')).toEqual({
      's/a@1': [
        { t: 1, m: 'practice', r: { 1: 'x' }, c: { 1: false }, s: false },
        { t: 3, m: 'exam', r: { 1: 'y' }, c: { 1: true }, s: true },
      ],
      's/b@1': [{ t: 2, m: 'practice', h: 1 }],
    });
  });

  it.each([
    ['not JSON', '{"s/a@1": ['],
    ['not an object', '[1, 2]'],
    ['the item not a list', '{"s/a@1": 7}'],
  ])('leaves a log that does not read as one (%s) as it was', (_what, raw) => {
    const storage = memoryStorage();
    storage.setItem('log', raw);
    appendLog(storage, 'log', 's/a@1', { t: 1, m: 'practice', h: 1 });
    expect(storage.getItem('log')).toBe(raw);
  });

  it('a storage that refuses to write loses the line and throws nothing', () => {
    expect(() => appendLog(memoryStorage({ failSet: true }), 'log', 's/a@1', { t: 1, m: 'practice', h: 1 })).not.toThrow();
    expect(() => appendLog(null, 'log', 's/a@1', { t: 1, m: 'practice', h: 1 })).not.toThrow();
  });
});

describe('summariseSaved', () => {
  const storage = memoryStorage();
  storage.setItem(
    'k',
    JSON.stringify({ v: 2, tasks: { 'a@1': task({ status: 'solved' }), 'a@0': task({ status: 'solved' }), 'b@1': task({ status: 'failed' }), 'c@1': { resets: 1 } } }),
  );

  it("counts the named records only (the current content's)", () => {
    expect(summariseSaved(storage, 'k', ['a@1', 'b@1', 'c@1', 'd@1'])).toEqual({ solved: 1, failed: 1 });
  });

  it('is null when none of them is started: a count of resets is not a start', () => {
    expect(summariseSaved(storage, 'k', ['c@1', 'd@1'])).toBeNull();
    expect(summariseSaved(storage, 'missing')).toBeNull();
  });

  it('reads a format 1 entry when asked to', () => {
    storage.setItem('old', JSON.stringify({ tasks: { a: task({ status: 'solved' }), b: task() } }));
    expect(summariseSaved(storage, 'old')).toBeNull();
    expect(summariseSaved(storage, 'old', undefined, 1)).toEqual({ solved: 1, failed: 0 });
  });
});

describe('timed rounds in a snapshot', () => {
  const round = (startedAt: number, submittedAt: number | null = null) => ({ seed: 7, startedAt, limitMs: null, submittedAt });
  const result = (at: number) => ({ at, solved: 1, total: 2, ms: 10 });

  it.each([
    ['none on either side', null, null, null],
    ['only theirs', null, round(1), round(1)],
    ['the one started later wins', round(2), round(1), round(2)],
    ['…whichever side it is on', round(1), round(2), round(2)],
    ['the same round: the submitted one wins', round(1), round(1, 5), round(1, 5)],
    ['…and stays, when ours is', round(1, 5), round(1), round(1, 5)],
  ])('merging rounds: %s', (_, mine, theirs, expected) => {
    expect(mergeRounds(mine, theirs)).toEqual(expected);
  });

  it('merges results once each by time, newest first, the ten newest', () => {
    const mine = [5, 3, 1].map(result);
    expect(mergeHistory(mine, [])).toBe(mine);
    expect(mergeHistory(mine, [6, 3, 2].map(result)).map((r) => r.at)).toEqual([6, 5, 3, 2, 1]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { maxLength: 15 }), fc.uniqueArray(fc.nat(1000), { maxLength: 15 }), (a, b) => {
        const merged = mergeHistory(a.map(result), b.map(result)).map((r) => r.at);
        const all = [...new Set([...a, ...b])].sort((x, y) => y - x);
        return b.length === 0 ? merged.length === a.length : JSON.stringify(merged) === JSON.stringify(all.slice(0, HISTORY));
      }),
    );
  });

  it.each([
    ['a round with a negative start', { round: { seed: 1, startedAt: -1, limitMs: null, submittedAt: null } }],
    ['a round without a seed', { round: { startedAt: 1, limitMs: null, submittedAt: null } }],
    ['a result that is not one', { history: [{ at: 1, solved: 'all' }] }],
    ['results that are not a list', { history: 'best' }],
  ])('drops %s, keeps the tasks, and says the rounds were damaged', (_, extra) => {
    const parsed = parseEntry(JSON.stringify({ v: 2, tasks: { 'a@1': task() }, ...extra }));
    expect(parsed).toMatchObject({ tasks: { 'a@1': task() }, damaged: false });
    expect(readRounds(parsed!.rounds)).toEqual({ round: null, history: [], damaged: true });
  });

  it('keeps a good round and its results', () => {
    const good = { round: round(3, 9), history: [result(9)] };
    expect(readRounds(parseEntry(JSON.stringify({ v: 2, tasks: {}, ...good }))!.rounds)).toEqual({ ...good, damaged: false });
  });
});
