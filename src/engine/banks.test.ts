// @vitest-environment node
// The format's extensions as the engine honours them in every mode: a bank per blank (groups), options
// that are reusable while the others fill one blank (a list in reusableOptions), typed answers that
// ignore case. Tables for the rules, fast-check for what must hold whatever the learner does.
import fc from 'fast-check';
import type { Task } from '../schema/exercise-schema.ts';
import { FRESH_PROGRESS, check, move, offered, place, reusable, solutionOf, type Change, type Placements, type TaskProgress } from './grading.ts';
import { SELECT, selectXapi, setPart } from './select.ts';
import { gradeTyped, typedMistakes, typedXapi } from './typed.ts';
import { buildPuzzle } from './parsons.ts';
import { loadExerciseSet } from './load-set.ts';

/** SELECT [[1]] FROM t [[2]] [[3]] = 1: blanks 1 and 3 share a bank, blank 2 has its own; "0" and "1" are unlimited. */
const task: Task = {
  id: 'query',
  difficulty: 'easy',
  prompt: 'Read the row whose id is 1.',
  language: 'sql',
  code: ['SELECT [[1]]', 'FROM t', 'WHERE [[2]]', '  AND [[3]] = 1;'],
  options: ['*', 'id', 'name', '0', '1'],
  answers: { '1': '*', '2': 'id', '3': 'name' },
  groups: [
    { blanks: [1, 3], options: ['*', 'id', 'name'] },
    { blanks: [2], options: ['id', '0', '1'] },
  ],
  reusableOptions: ['0', '1'],
};
const progressWith = (placements: Placements): TaskProgress => ({ ...FRESH_PROGRESS, placements });
const placed = (change: Change): Placements => {
  if (!change.ok) throw new Error(`refused: ${change.reason}`);
  return change.progress.placements;
};

describe('offered: the options a blank offers', () => {
  it.each([
    [1, ['*', 'id', 'name']],
    [2, ['id', '0', '1']],
    [3, ['*', 'id', 'name']],
  ])('blank %i offers its group\'s options', (blank, options) => {
    expect(offered(task, blank)).toEqual(options);
  });

  it('a blank in no group, and every blank of a task without groups, offers every option', () => {
    expect(offered({ ...task, groups: [{ blanks: [1], options: ['*'] }] }, 2)).toBe(task.options);
    expect(offered({ ...task, groups: undefined }, 1)).toBe(task.options);
  });
});

describe('reusable: which options fill any number of blanks', () => {
  it.each<[Task['reusableOptions'], string, boolean]>([
    [undefined, '0', false],
    [false, '0', false],
    [true, 'id', true],
    [['0', '1'], '0', true],
    [['0', '1'], 'id', false],
    [[], '0', false],
  ])('reusableOptions %j: %s is reusable: %s', (reusableOptions, option, expected) => {
    expect(reusable({ ...task, reusableOptions }, option)).toBe(expected);
  });
});

describe('the bank with groups and unlimited options', () => {
  it.each<[string, Placements, number, string, Placements | string]>([
    ['an option its group offers goes in', {}, 1, '*', { 1: '*' }],
    ['an option outside the blank\'s group is refused', {}, 1, '0', 'unknown-option'],
    ['an option outside the blank\'s group is refused, even one of the task', {}, 2, 'name', 'unknown-option'],
    ['a single-use option placed elsewhere moves', { 1: 'id' }, 3, 'id', { 3: 'id' }],
    ['a single-use option moved onto a full blank swaps when the source offers the target\'s option', { 1: 'id', 3: 'name' }, 3, 'id', { 1: 'name', 3: 'id' }],
    ['a single-use option moved from another group leaves it empty when its group lacks the displaced option', { 2: 'id', 1: '*' }, 1, 'id', { 1: 'id' }],
    ['an unlimited option placed elsewhere is copied', { 2: '0' }, 2, '1', { 2: '1' }],
  ])('%s', (_name, before, blank, option, expected) => {
    const change = place(task, progressWith(before), blank, option);
    if (typeof expected === 'string') expect(change).toEqual({ ok: false, reason: expected });
    else expect(placed(change)).toEqual(expected);
  });

  it('an unlimited option stays where it is when placed in a second blank', () => {
    const both = { ...task, code: ['[[1]] [[2]]'], answers: { '1': '0', '2': '0' }, groups: undefined };
    expect(placed(place(both, progressWith({ 1: '0' }), 2, '0'))).toEqual({ 1: '0', 2: '0' });
    // ...while a single-use one moves.
    expect(placed(place(both, progressWith({ 1: 'id' }), 2, 'id'))).toEqual({ 2: 'id' });
  });

  it('a drag from blank to blank is refused where the target does not offer the option', () => {
    expect(move(task, progressWith({ 1: '*' }), 1, 2)).toEqual({ ok: false, reason: 'unknown-option' });
    expect(placed(move(task, progressWith({ 1: '*', 3: 'name' }), 1, 3))).toEqual({ 1: 'name', 3: '*' });
    // id is offered by both groups; the * it displaces goes back to the bank, as blank 2 does not offer it.
    expect(placed(move(task, progressWith({ 2: 'id', 1: '*' }), 2, 1))).toEqual({ 1: 'id' });
  });
});

describe('Pick lists each blank\'s group', () => {
  it('accepts an option only in a blank that offers it', () => {
    expect(SELECT.accepts?.(task, 2, '0')).toBe(true);
    expect(SELECT.accepts?.(task, 1, '0')).toBe(false);
    expect(setPart(task, FRESH_PROGRESS, 1, '0', SELECT)).toEqual({ ok: false, reason: 'unknown-option' });
    expect(placed(setPart(task, FRESH_PROGRESS, 2, '0', SELECT))).toEqual({ 2: '0' });
  });

  it('describes the pairs to xAPI by the option\'s place among all the task\'s options', () => {
    expect(selectXapi(task, { 1: '*', 2: '0', 3: 'name' }).response).toBe('1[.]o1[,]2[.]o4[,]3[.]o3');
  });
});

describe('Type it with ignoreCase', () => {
  const typed: Task = { ...task, groups: undefined, answers: { '1': '*', '2': 'id', '3': 'Name' }, mistakes: [{ text: 'Not the key.', when: { '2': 'NAME' } }] };
  it.each<[string, boolean | undefined, string, boolean, string | undefined]>([
    ['exact', undefined, 'Name', true, undefined],
    ['wrong case, case counts', undefined, 'NAME', false, 'case'],
    ['wrong case, case ignored: right, and no note', true, 'NAME', true, undefined],
    ['a typo, case ignored: still noted', true, 'nmae', false, 'typo'],
    ['wrong, case ignored', true, 'title', false, undefined],
  ])('%s', (_name, ignoreCase, text, right, note) => {
    const graded = gradeTyped({ ...typed, ignoreCase }, { 1: '*', 2: 'id', 3: text });
    expect(graded.correct[3]).toBe(right);
    expect(graded.notes?.[3]).toBe(note);
  });

  it('matches a mistake whatever the case, when case is ignored', () => {
    expect(typedMistakes(typed, { 2: 'name' })).toEqual([]);
    expect(typedMistakes({ ...typed, ignoreCase: true }, { 2: 'name' })).toEqual([0]);
  });

  it('tells xAPI whether case matters', () => {
    expect(typedXapi(typed, {}).correctResponsesPattern[0]).toBe('{case_matters=true}*[,]id[,]Name');
    expect(typedXapi({ ...typed, ignoreCase: true }, {}).correctResponsesPattern[0]).toBe('{case_matters=false}*[,]id[,]Name');
  });
});

describe('Line order draws wrong variants from the blank\'s group', () => {
  it('fills a blank with an option its group offers, never one from another group', () => {
    const puzzle = buildPuzzle(task);
    const lines = puzzle?.lines.map((line) => line.text) ?? [];
    // Blank 2's group offers id, 0 and 1: its wrong variant is "WHERE 0", never "WHERE *" (the task's first option).
    expect(lines).toContain('WHERE 0');
    expect(lines).not.toContain('WHERE *');
    expect(lines).toContain('SELECT id');
  });
});

describe('the validator takes a valid task with groups and unlimited options', () => {
  it('loads', () => {
    const set = { formatVersion: 1, id: 's', title: 'S', subject: 'S', tasks: [task] };
    expect(loadExerciseSet(set)).toMatchObject({ ok: true, warnings: [] });
  });
});

// Properties: whatever the learner does, a blank holds only what it offers, a single-use option sits in
// one blank at most, and the solution (answers among their groups' options, as the validator demands) solves.
const MAX = 6;
const taskArb = fc
  .record({
    blanks: fc.integer({ min: 1, max: 4 }),
    picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    grouped: fc.boolean(),
    reuse: fc.constantFrom<'none' | 'all' | 'some'>('none', 'all', 'some'),
  })
  .map(({ blanks, picks, grouped, reuse }): Task => {
    const names = Array.from({ length: MAX }, (_, i) => `o${i}`);
    const numbers = Array.from({ length: blanks }, (_, i) => i + 1);
    // Odd blanks answer from o0-o2, even ones from o3-o5; grouped, each parity offers only its half (plus o0 to both).
    const answers = Object.fromEntries(numbers.map((n) => [String(n), names[(n % 2 ? 0 : 3) + ((picks[n - 1] ?? 0) % 3)] as string]));
    const half = (odd: boolean) => ({ blanks: numbers.filter((n) => n % 2 === (odd ? 1 : 0)), options: [...new Set(['o0', ...names.slice(odd ? 0 : 3, odd ? 3 : 6)])] });
    const groups = grouped ? [half(true), half(false)].filter((g) => g.blanks.length > 0) : undefined;
    const reusableOptions = reuse === 'all' ? true : reuse === 'some' ? ['o0', 'o3'] : undefined;
    return { ...task, code: numbers.map((n) => `x = [[${n}]]`), options: names, answers, groups, reusableOptions };
  });
type Command = { kind: 'place'; blank: number; option: number } | { kind: 'move'; from: number; to: number };
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), blank: fc.integer({ min: 1, max: 4 }), option: fc.integer({ min: 0, max: MAX - 1 }) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.integer({ min: 1, max: 4 }), to: fc.integer({ min: 1, max: 4 }) }),
);

describe('bank properties with groups and unlimited options', () => {
  it('a blank holds only what it offers, and a single-use option sits in one blank at most', () => {
    fc.assert(
      fc.property(taskArb, fc.array(commandArb, { maxLength: 30 }), (t, commands) => {
        let progress = FRESH_PROGRESS;
        for (const c of commands) {
          const change = c.kind === 'place' ? place(t, progress, c.blank, `o${c.option}`) : move(t, progress, c.from, c.to);
          if (change.ok) progress = change.progress;
          const held = Object.entries(progress.placements);
          for (const [blank, option] of held) expect(offered(t, Number(blank))).toContain(option);
          const single = held.map(([, option]) => option).filter((option) => !reusable(t, option));
          expect(new Set(single).size).toBe(single.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('placing the solution solves any task the validator takes', () => {
    fc.assert(
      fc.property(taskArb, (t) => {
        fc.pre(loadExerciseSet({ formatVersion: 1, id: 's', title: 'S', subject: 'S', tasks: [t] }).ok);
        let progress = FRESH_PROGRESS;
        for (const [blank, option] of Object.entries(solutionOf(t))) {
          const change = place(t, progress, Number(blank), option);
          if (change.ok) progress = change.progress;
        }
        const outcome = check(t, progress, 1);
        expect(outcome.kind === 'graded' && outcome.solved).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
