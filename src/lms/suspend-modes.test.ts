// @vitest-environment node
// suspend_data for the modes a package runs besides practice (src/lms/config.ts): Type it's text, Pick's
// choices, line order's arrangement and aids, an exam's round; each round trip, the seed sets' fullest
// progress within SCORM 1.2's 4,096 characters, and damaged text read as "start afresh", never a throw.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import type { CheckRecord } from '../engine/grading.ts';
import { MODES } from '../engine/modes.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import { puzzleOf, encodePlaced } from '../engine/parsons.ts';
import { typedInteraction } from '../engine/typed.ts';
import { selectInteraction, setPart } from '../engine/select.ts';
import { createExerciseStore } from '../store/exercise-store.ts';
import { itemKey, type Round, type RoundResult, type SavedTask } from '../store/persistence.ts';
import { SCORM12_SUSPEND_LIMIT, decodeSuspended, encodeProgress, suspendStorage } from './suspend.ts';

const folder = new URL('../../exercises/', import.meta.url);
const seedSets = readdirSync(folder)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as ExerciseSet);
const seed = seedSets.find((s) => s.id === 'oauth2-client-credentials') as ExerciseSet;
const blanks = (task: Task) => blanksOf(parseTemplate(task.code));

/** The parts a mode's answer has and a value each may hold: blanks (any text, or an option), or line order's places. */
function partsOf(task: Task, mode: string): { slots: readonly number[]; value: fc.Arbitrary<string> } {
  if (mode === 'order') {
    const puzzle = puzzleOf(task);
    const lines = puzzle?.lines ?? [{ id: 'l1' }];
    const value = fc.record({ id: fc.constantFrom(...lines.map((l) => l.id)), indent: fc.nat(3) }).map((placed) => encodePlaced({ indent: puzzle?.indent ?? false }, placed));
    return { slots: Array.from({ length: puzzle?.solution.length ?? 1 }, (_, i) => i + 1), value };
  }
  // Typed text is anything, separators, percent signs and non-Latin letters included.
  return { slots: blanks(task), value: fc.oneof(fc.constantFrom(...task.options), fc.string({ maxLength: 30 }), fc.constantFrom('a.b;c|d,e+f~g%h', 'été ß 漢字', '~0', '')) };
}

const recordFor = (task: Task, mode: string): fc.Arbitrary<SavedTask> => {
  const { slots, value } = partsOf(task, mode);
  const placements = fc.tuple(...slots.map(() => fc.option(value, { nil: undefined }))).map((values) =>
    Object.fromEntries(slots.flatMap((slot, i) => (values[i] === undefined ? [] : [[slot, values[i] as string]]))),
  );
  const graded = fc.option(
    fc.record({ values: fc.tuple(...slots.map(() => value)), marks: fc.tuple(...slots.map(() => fc.boolean())), mistakes: fc.uniqueArray(fc.nat(task.mistakes?.length ?? 3), { maxLength: 3 }) }).map(
      ({ values, marks, mistakes }): CheckRecord => ({
        placements: Object.fromEntries(slots.map((slot, i) => [slot, values[i] as string])),
        correct: Object.fromEntries(slots.map((slot, i) => [slot, marks[i] as boolean])),
        matchedMistakes: mistakes,
      }),
    ),
    { nil: null },
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.nat(40).map((resets): SavedTask => ({ resets })) },
    {
      weight: 5,
      arbitrary: fc
        .record({
          resets: fc.option(fc.nat(40), { nil: undefined }),
          mistakesShown: fc.boolean(),
          placements,
          lastCheck: graded,
          attemptsUsed: fc.integer({ min: 0, max: 10 }),
          hintsShown: fc.integer({ min: 0, max: task.hints?.length ?? 0 }),
          status: fc.constantFrom('active' as const, 'solved' as const, 'failed' as const),
          aids: fc.option(fc.uniqueArray(fc.constantFrom('d1', 'd2', 'i3', 'x.y'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        })
        .map(({ resets, mistakesShown, aids, ...rest }): SavedTask => ({ ...(resets === undefined ? {} : { resets }), ...rest, ...(mistakesShown ? { mistakesShown } : {}), ...(aids ? { aids } : {}) })),
    },
  );
};

const setProgress = (set: ExerciseSet, mode: string) =>
  fc.tuple(...set.tasks.map((task) => fc.option(recordFor(task, mode), { nil: undefined }))).map((all) =>
    Object.fromEntries(set.tasks.flatMap((task, i) => (all[i] ? [[itemKey(task), all[i]]] : []))),
  );

const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const roundArb: fc.Arbitrary<Round> = fc.record({ seed: fc.nat(), startedAt: time, limitMs: fc.option(fc.nat(7_200_000), { nil: null }), submittedAt: fc.option(time, { nil: null }) });
const resultArb: fc.Arbitrary<RoundResult> = fc.record({ at: time, solved: fc.nat(50), total: fc.nat(50), ms: fc.nat(7_200_000) });

const MODES_RUN = ['typed', 'pick', 'order', 'exam', 'study'] as const;

describe('suspend_data in each mode a package runs', () => {
  // The bank's modes (study, exam) store options only: their records are practice's, checked by suspend.test.ts.
  it.each((['typed', 'pick', 'order'] as const).flatMap((mode) => seedSets.map((set) => [mode, set.id, set] as const)))('%s, %s: any progress comes back exactly as it was saved', (mode, _, set) => {
    fc.assert(
      fc.property(setProgress(set, mode), (tasks) => {
        expect(decodeSuspended(set, encodeProgress(set, tasks, mode), mode)).toEqual({ tasks, rounds: {} });
      }),
      { numRuns: 60 },
    );
  });

  it('exam: the round and the newest three results come back as they were saved', () => {
    fc.assert(
      fc.property(fc.option(roundArb, { nil: null }), fc.array(resultArb, { maxLength: 10 }), (round, history) => {
        const expected = round || history.length ? { round, history: history.slice(0, 3) } : {};
        expect(decodeSuspended(seed, encodeProgress(seed, {}, 'exam', { round, history }), 'exam')).toEqual({ tasks: {}, rounds: expected });
      }),
    );
  });

  it.each(MODES_RUN.flatMap((mode) => seedSets.map((set) => [mode, set.id, set] as const)))('%s, %s: the fullest progress fits in 4,096 characters', (mode, _, set) => {
    // Every part answered wrongly with text the length of its answer plus a typo (typed) or the last option,
    // a graded check, ten attempts, every hint, 99 resets, the mistakes opened, three aids, and an exam's round.
    const tasks = Object.fromEntries(
      set.tasks.map((task) => {
        const { slots } = partsOf(task, mode);
        const puzzle = puzzleOf(task);
        const valueFor = (slot: number): string =>
          mode === 'typed'
            ? `${String(task.answers[String(slot)] ?? '').replace(/,/g, '')}x`
            : mode === 'order'
              ? encodePlaced({ indent: puzzle?.indent ?? false }, { id: `l${puzzle?.lines.length ?? 1}`, indent: 2 })
              : (task.options.at(-1) as string);
        const placements = Object.fromEntries(slots.map((slot) => [slot, valueFor(slot)]));
        const record: SavedTask = {
          resets: 99,
          placements,
          attemptsUsed: 10,
          hintsShown: task.hints?.length ?? 0,
          status: 'failed',
          lastCheck: { placements, correct: Object.fromEntries(slots.map((s) => [s, false])), matchedMistakes: (task.mistakes ?? []).map((_m, i) => i) },
          mistakesShown: true,
          ...(mode === 'order' ? { aids: ['d1', 'd2', 'i1'] } : {}),
        };
        return [itemKey(task), record];
      }),
    );
    const rounds = mode === 'exam' ? { round: { seed: 2 ** 31, startedAt: Date.now(), limitMs: 3_600_000, submittedAt: Date.now() }, history: Array.from({ length: 10 }, () => ({ at: Date.now(), solved: 40, total: 40, ms: 3_600_000 })) } : {};
    const encoded = encodeProgress(set, tasks, mode, rounds);
    expect(encoded.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(decodeSuspended(set, encoded, mode)?.tasks).toHaveProperty(Object.keys(tasks)[0] as string);
  });

  it.each([
    ['typed', 'c1|a0.0.~%E0%A4.', 'a malformed escape'],
    ['typed', 'c1|a0.0.~x..', 'marks missing (another mode\'s record)'],
    ['typed', 'c1|a0.0.~x.~x..1.', 'marks for fewer parts than the check graded'],
    ['typed', 'c1|a0.0.~x.~x..2..', 'a mark that is not 0 or 1'],
    ['order', 'c1|a0.0.~l1...zz,.', 'a mistake index that is not a number'],
    ['practice', 'c1|a0.0.0...1..', 'another mode\'s fields in practice'],
    ['exam', 'c1|a0.0.0.|1.2|', 'a round missing its fields'],
    ['exam', 'c1|a0.0.0.|1.2..|x', 'a result that is not four numbers'],
    ['exam', 'c1|a0.0.0.|1.2..', 'a round without its results field'],
    ['pick', 'c1|a0.0.0..|||', 'too many sections'],
  ])('%s: reads %j (%s) as nothing to resume, never throwing', (mode, text) => {
    expect(decodeSuspended(seed, text, mode)).toBeNull();
  });

  it.each(MODES_RUN)('%s: whatever the LMS hands back, a suspend storage starts afresh without throwing', (mode) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `c1|${s}`), fc.constantFrom('c1|a0.0.~%.', 'c1|s1.0.2.2..1..|', 'c1||||')), (text) => {
        const storage = suspendStorage(seed, text, () => undefined, undefined, mode);
        expect(() => storage.getItem('anything')).not.toThrow();
      }),
    );
  });

  it('typed: a store on a suspend storage resumes its typed text and its graded check', () => {
    const written: string[] = [];
    const options = { set: seed, rules: MODES.typed, interaction: typedInteraction };
    const first = createExerciseStore({ ...options, storage: suspendStorage(seed, '', (s) => written.push(s), undefined, 'typed') });
    const type = (taskId: string, blank: number, text: string) => first.getState().respond(taskId, (task, progress) => setPart(task, progress, blank, text, typedInteraction));
    type('grant-type', 1, 'Client_Credentials');
    first.getState().check('grant-type');
    type('requests-post', 2, 'your client id; "quoted"');
    expect(written.at(-1)).toMatch(/^c1\|a1\.0\.~Client_Credentials\.~Client_Credentials\.\.0\.\.;;;;a0\.0\.,~your%20client%20id%3B%20%22quoted%22,\./);
    const second = createExerciseStore({ ...options, storage: suspendStorage(seed, written.at(-1) ?? '', () => undefined, undefined, 'typed') });
    const { notes: _notes, ...check } = first.getState().progress['grant-type']?.lastCheck ?? {};
    expect(second.getState().progress['grant-type']).toEqual({ ...first.getState().progress['grant-type'], lastCheck: check });
    expect(second.getState().progress['requests-post']).toEqual(first.getState().progress['requests-post']);
  });

  it('pick: a choice travels as the option\'s index', () => {
    const written: string[] = [];
    const store = createExerciseStore({ set: seed, rules: MODES.pick, interaction: selectInteraction, storage: suspendStorage(seed, '', (s) => written.push(s), undefined, 'pick') });
    store.getState().respond('grant-type', (task, progress) => setPart(task, progress, 1, task.options[2] as string, selectInteraction));
    expect(written.at(-1)).toBe('c1|a0.0.2.....');
    const again = createExerciseStore({ set: seed, rules: MODES.pick, interaction: selectInteraction, storage: suspendStorage(seed, written.at(-1) ?? '', () => undefined, undefined, 'pick') });
    expect(again.getState().progress).toEqual(store.getState().progress);
  });
});
