// @vitest-environment node
// Export progress to one file, import it into another browser: nothing lost, a bad file changes nothing.
import { memoryStorage } from '../test-support/memory-storage.ts';
import v1Fixture from './fixtures/v1-saved-progress.json' with { type: 'json' };
import v2Fixture from './fixtures/v2-saved-progress.json' with { type: 'json' };
import { exportProgress, importProgress, PROGRESS_FORMAT, readProgressFile } from './progress-file.ts';

/** A browser's storage as today's build writes it: a snapshot, a log, the last mode, an exam, format 1. */
function browserA() {
  const s = memoryStorage();
  s.setItem('codeblanks:v2:intro:intro:practice', JSON.stringify({ v: 2, tasks: { 'a@1': { placements: { 1: 'x' }, attemptsUsed: 2, hintsShown: 1, status: 'solved', lastCheck: null } } }));
  s.setItem('codeblanks:v2:intro:log', JSON.stringify({ 'intro/a@1': [{ t: 1000, m: 'practice', r: { 1: 'y' }, c: { 1: false }, s: false }, { t: 2000, m: 'practice', r: { 1: 'x' }, c: { 1: true }, s: true }] }));
  s.setItem('codeblanks:v2:mode:intro', 'practice');
  s.setItem('codeblanks:v2:intro:intro:exam', JSON.stringify({ v: 2, tasks: {}, round: { seed: 3, startedAt: 10, limitMs: null, submittedAt: 20 }, history: [{ at: 20, solved: 1, total: 2, ms: 10 }] }));
  s.setItem('codeblanks:v1:old:abc', JSON.stringify({ tasks: { t1: { placements: {}, attemptsUsed: 1, hintsShown: 0, status: 'active', lastCheck: null } } }));
  s.setItem('codeblanks:v2:cards', JSON.stringify({ v: 1, cards: { 'intro/a@1#1': { due: 5000, stab: 2, diff: 5, state: 2, reps: 1, lapses: 0, last: 3000, days: 2, log: [[3000, 3]] } } }));
  s.setItem('someone-else', 'not ours');
  return s;
}

const file = (entries: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ format: PROGRESS_FORMAT, version: 1, exportedAt: 0, entries, ...extra });

describe('export and import', () => {
  it('carries every codeblanks entry, and only those, into an empty browser exactly', () => {
    const a = browserA();
    const { text, name, entries } = exportProgress(a, Date.UTC(2026, 11, 1, 12));
    expect(name).toBe('codeblanks-progress-2026-12-01.json');
    expect(entries).toBe(6);
    const b = memoryStorage();
    expect(importProgress(b, text)).toEqual({ ok: true, written: 6, unchanged: 0, unreadable: 0 });
    const expected = new Map(a.data);
    expected.delete('someone-else');
    expect(b.data).toEqual(expected);
  });

  it.each([
    ["this build's (format 2's fixture)", v2Fixture.localStorage],
    ["the previous build's (format 1's fixture, for the other browser's build to migrate)", v1Fixture.localStorage],
  ])('carries progress saved by %s exactly', (_, saved: Record<string, string>) => {
    const a = memoryStorage();
    for (const [key, value] of Object.entries(saved)) a.setItem(key, value);
    const b = memoryStorage();
    expect(importProgress(b, exportProgress(a, 0).text)).toMatchObject({ ok: true, written: Object.keys(saved).length });
    expect(b.data).toEqual(a.data);
  });

  it('importing the same file again changes nothing', () => {
    const a = browserA();
    const { text } = exportProgress(a, 0);
    const before = new Map(a.data);
    expect(importProgress(a, text)).toEqual({ ok: true, written: 0, unchanged: 6, unreadable: 0 });
    expect(a.data).toEqual(before);
  });

  it("merges into a browser with progress of its own: both sides' lines, the further record, its own last mode", () => {
    const a = browserA();
    const b = memoryStorage();
    b.setItem('codeblanks:v2:intro:intro:practice', JSON.stringify({ v: 2, tasks: { 'a@1': { placements: {}, attemptsUsed: 1, hintsShown: 0, status: 'active', lastCheck: null }, 'b@1': { resets: 1 } } }));
    b.setItem('codeblanks:v2:intro:log', JSON.stringify({ 'intro/b@1': [{ t: 1500, m: 'typed', h: 1 }] }));
    b.setItem('codeblanks:v2:mode:intro', 'typed');
    expect(importProgress(b, exportProgress(a, 0).text)).toMatchObject({ ok: true, written: 5 });
    expect(JSON.parse(b.getItem('codeblanks:v2:intro:intro:practice')!).tasks).toEqual({
      'a@1': { placements: { 1: 'x' }, attemptsUsed: 2, hintsShown: 1, status: 'solved', lastCheck: null },
      'b@1': { resets: 1 },
    });
    const log = JSON.parse(b.getItem('codeblanks:v2:intro:log')!);
    expect(Object.keys(log).sort()).toEqual(['intro/a@1', 'intro/b@1']);
    expect(log['intro/a@1']).toHaveLength(2);
    expect(b.getItem('codeblanks:v2:mode:intro')).toBe('typed');
  });

  it.each<[string, string, RegExp]>([
    ['a cut-off file', file({}).slice(0, 30), /damaged: it is not complete JSON/],
    ['JSON of something else', JSON.stringify({ hello: 1 }), /not a codeblanks progress file/],
    ['a newer version', file({}, { version: 2 }), /newer version of codeblanks/],
    ['an unknown version', file({}, { version: '1' }), /unknown version/],
    ['no entries', JSON.stringify({ format: PROGRESS_FORMAT, version: 1 }), /no entries/],
    ['a foreign key', file({ 'other:x': 1 }), /damaged: "other:x"/],
    ['a damaged record among good ones', file({ 'codeblanks:v2:mode:intro': 'pick', 'codeblanks:v2:intro:intro:practice': { v: 2, tasks: { 'a@1': { status: 'solved' } } } }), /saved progress "v2:intro:intro:practice" cannot be read/],
    ['a damaged log', file({ 'codeblanks:v2:intro:log': { 'intro/a@1': [{ t: 'soon' }] } }), /attempt log/],
    ['flashcards of a newer format', file({ 'codeblanks:v2:cards': { v: 2, cards: {} } }), /schedule "v2:cards" cannot be read/],
  ])('refuses %s, saying why, and changes nothing', (_, text, message) => {
    const a = browserA();
    const before = new Map(a.data);
    const result = importProgress(a, text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toMatch(/Nothing was changed\.$/);
    expect(a.data).toEqual(before);
  });

  it('puts back what it wrote when storage fills up halfway', () => {
    const text = exportProgress(browserA(), 0).text;
    const b = memoryStorage();
    b.setItem('codeblanks:v2:mode:intro', 'typed');
    let writes = 0;
    const setItem = b.setItem.bind(b);
    b.setItem = (k, v) => {
      if (++writes > 3) throw new DOMException('full', 'QuotaExceededError');
      setItem(k, v);
    };
    const result = importProgress(b, text);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/no room/) });
    expect([...b.data]).toEqual([['codeblanks:v2:mode:intro', 'typed']]);
  });

  it("leaves alone an entry of this browser it cannot read, and says so", () => {
    const b = memoryStorage();
    b.setItem('codeblanks:v2:intro:log', '{broken');
    const result = importProgress(b, exportProgress(browserA(), 0).text);
    expect(result).toMatchObject({ ok: true, unreadable: 1 });
    expect(b.getItem('codeblanks:v2:intro:log')).toBe('{broken');
  });

  it('refuses when storage cannot be read at all', () => {
    expect(importProgress(memoryStorage({ failGet: true }), file({ 'codeblanks:v2:mode:x': 'pick' }))).toMatchObject({ ok: false });
  });

  it('reads its own export back whole', () => {
    const read = readProgressFile(exportProgress(browserA(), 0).text);
    expect(read.ok && read.entries.map(([key, kind]) => [key, kind])).toEqual([
      ['codeblanks:v1:old:abc', 'snapshot'],
      ['codeblanks:v2:cards', 'schedule'],
      ['codeblanks:v2:intro:intro:exam', 'snapshot'],
      ['codeblanks:v2:intro:intro:practice', 'snapshot'],
      ['codeblanks:v2:intro:log', 'log'],
      ['codeblanks:v2:mode:intro', 'mode'],
    ]);
  });
});
