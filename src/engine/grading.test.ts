// @vitest-environment node
import fc from 'fast-check';
import type { Task } from '../schema/exercise-schema.ts';
import {
  PRACTICE,
  FRESH_PROGRESS,
  alreadyChecked,
  attemptsLeft,
  check,
  clear,
  feedbackFor,
  helpUsed,
  listedMistakes,
  matchMistakes,
  maxAttemptsFor,
  move,
  place,
  readiness,
  resetPlacements,
  revealHint,
  revealMistakes,
  solutionOf,
  type Change,
  type CheckOutcome,
  type Placements,
  type TaskProgress,
} from './grading.ts';

/** Three blanks, two on one line; blank 2 accepts either of two options. */
function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'dict-read',
    difficulty: 'easy',
    prompt: 'Read the values.',
    language: 'python',
    code: ['value = data[[[1]]]', 'print([[2]], [[3]])'],
    options: ['"key"', 'value', 'data', 'key', 'items'],
    answers: { '1': '"key"', '2': ['value', 'data'], '3': 'key' },
    hints: ['First hint.', 'Second hint.'],
    mistakes: [
      { text: 'The bare name is a variable, not the key.', when: { '1': 'key' } },
      { text: 'Both wrong together.', when: { '1': 'items', '3': ['value', 'data'] } },
      { text: 'General advice, never matched.' },
    ],
    ...overrides,
  };
}

const progressWith = (placements: Placements, extra: Partial<TaskProgress> = {}): TaskProgress => ({ ...FRESH_PROGRESS, placements, ...extra });

function ok(change: Change): TaskProgress {
  if (!change.ok) throw new Error(`expected the change to be accepted, got ${change.reason}`);
  return change.progress;
}

function graded(outcome: CheckOutcome) {
  if (outcome.kind !== 'graded') throw new Error(`expected a graded check, got ${outcome.reason}`);
  return outcome;
}

const task = makeTask();
const full: Placements = { 1: '"key"', 2: 'value', 3: 'key' };

describe('place', () => {
  it.each<[string, Placements, number, string, Placements]>([
    ['fills an empty blank from the bank', {}, 1, '"key"', { 1: '"key"' }],
    ['replaces a blank\'s option; the old one returns to the bank', { 1: 'key' }, 1, '"key"', { 1: '"key"' }],
    ['moves an option that another blank holds, emptying that blank', { 1: 'key' }, 3, 'key', { 3: 'key' }],
    ['swaps when the option comes from another blank and the target is full', { 1: 'key', 3: 'value' }, 3, 'key', { 1: 'value', 3: 'key' }],
    ['changes nothing when the blank already holds the option', { 2: 'data' }, 2, 'data', { 2: 'data' }],
  ])('%s', (_name, before, blank, option, after) => {
    expect(ok(place(task, progressWith(before), blank, option)).placements).toEqual(after);
  });

  it('lets a reusable option fill several blanks at once', () => {
    const reusable = makeTask({ reusableOptions: true });
    let progress = ok(place(reusable, FRESH_PROGRESS, 1, 'key'));
    progress = ok(place(reusable, progress, 3, 'key'));
    expect(progress.placements).toEqual({ 1: 'key', 3: 'key' });
    // Filling a full blank replaces its option and leaves the other copies alone.
    expect(ok(place(reusable, progress, 3, 'data')).placements).toEqual({ 1: 'key', 3: 'data' });
  });

  it.each<[string, TaskProgress, number, string, string]>([
    ['a blank the code does not have', FRESH_PROGRESS, 4, 'key', 'unknown-blank'],
    ['an option the task does not offer', FRESH_PROGRESS, 1, 'nope', 'unknown-option'],
    ['a solved task', progressWith(full, { status: 'solved' }), 1, 'key', 'locked'],
    ['a failed task', progressWith({}, { status: 'failed' }), 1, 'key', 'locked'],
  ])('refuses %s', (_name, progress, blank, option, reason) => {
    expect(place(task, progress, blank, option)).toEqual({ ok: false, reason });
  });

  it('leaves the progress it was given untouched', () => {
    const before = progressWith({ 1: 'key' });
    place(task, before, 3, 'key');
    expect(before.placements).toEqual({ 1: 'key' });
  });
});

describe('move', () => {
  it.each<[string, Placements, number, number, Placements]>([
    ['moves to an empty blank, emptying the source', { 1: 'key' }, 1, 3, { 3: 'key' }],
    ['swaps with a full blank', { 1: 'key', 3: '"key"' }, 1, 3, { 1: '"key"', 3: 'key' }],
    ['does nothing from an empty blank', { 3: 'key' }, 1, 3, { 3: 'key' }],
    ['does nothing onto itself', { 1: 'key' }, 1, 1, { 1: 'key' }],
  ])('%s', (_name, before, from, to, after) => {
    expect(ok(move(task, progressWith(before), from, to)).placements).toEqual(after);
  });

  it('moves a reusable option rather than copying it', () => {
    const reusable = makeTask({ reusableOptions: true });
    expect(ok(move(reusable, progressWith({ 1: 'key' }), 1, 2)).placements).toEqual({ 2: 'key' });
  });

  it('refuses an unknown blank at either end, and a locked task', () => {
    expect(move(task, progressWith({ 1: 'key' }), 1, 9)).toEqual({ ok: false, reason: 'unknown-blank' });
    expect(move(task, progressWith({ 1: 'key' }), 9, 1)).toEqual({ ok: false, reason: 'unknown-blank' });
    expect(move(task, progressWith(full, { status: 'solved' }), 1, 2)).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('clear', () => {
  it('empties a blank and leaves the others', () => {
    expect(ok(clear(task, progressWith({ 1: 'key', 2: 'data' }), 1)).placements).toEqual({ 2: 'data' });
  });

  it('accepts clearing an empty blank without change', () => {
    const progress = progressWith({ 2: 'data' });
    expect(ok(clear(task, progress, 1))).toBe(progress);
  });

  it('refuses a locked task and an unknown blank', () => {
    expect(clear(task, progressWith(full, { status: 'failed' }), 1)).toEqual({ ok: false, reason: 'locked' });
    expect(clear(task, FRESH_PROGRESS, 0)).toEqual({ ok: false, reason: 'unknown-blank' });
  });
});

describe('readiness', () => {
  it('lists the empty blanks in reading order', () => {
    expect(readiness(task, progressWith({ 2: 'value' }))).toEqual({ ready: false, empty: [1, 3] });
  });

  it('is ready once every blank holds an option, right or wrong', () => {
    expect(readiness(task, progressWith({ 1: 'items', 2: 'key', 3: '"key"' }))).toEqual({ ready: true });
  });
});

describe('check', () => {
  it('refuses an incomplete attempt with the empty blanks, using no attempt', () => {
    expect(check(task, progressWith({ 1: '"key"' }), 3)).toEqual({ kind: 'refused', reason: 'incomplete', empty: [2, 3] });
  });

  it('grades each blank, uses one attempt and keeps the task open while attempts remain', () => {
    const outcome = graded(check(task, progressWith({ 1: 'key', 2: 'data', 3: 'value' }), 3));
    expect(outcome.record.correct).toEqual({ 1: false, 2: true, 3: false });
    expect(outcome.solved).toBe(false);
    expect(outcome.attemptsLeft).toBe(2);
    expect(outcome.progress).toMatchObject({ attemptsUsed: 1, status: 'active', lastCheck: outcome.record });
  });

  it('accepts any option in a list of right answers', () => {
    expect(graded(check(task, progressWith({ ...full, 2: 'data' }), 3)).solved).toBe(true);
    expect(graded(check(task, progressWith({ ...full, 2: 'value' }), 3)).solved).toBe(true);
  });

  it('marks the task solved, which locks it against more checks and placements', () => {
    const outcome = graded(check(task, progressWith(full), 3));
    expect(outcome.progress.status).toBe('solved');
    expect(check(task, outcome.progress, 3)).toEqual({ kind: 'refused', reason: 'locked' });
    expect(place(task, outcome.progress, 1, 'key')).toEqual({ ok: false, reason: 'locked' });
  });

  it('marks the task failed when the last attempt is wrong, and then takes no more checks', () => {
    const wrong = progressWith({ ...full, 1: 'key' }, { attemptsUsed: 2 });
    const outcome = graded(check(task, wrong, 3));
    expect(outcome.progress).toMatchObject({ status: 'failed', attemptsUsed: 3 });
    expect(outcome.attemptsLeft).toBe(0);
    expect(check(task, outcome.progress, 3)).toEqual({ kind: 'refused', reason: 'locked' });
    expect(move(task, outcome.progress, 1, 2)).toEqual({ ok: false, reason: 'locked' });
  });

  it('refuses when the attempts are already used up, even if the status still says active', () => {
    expect(check(task, progressWith(full, { attemptsUsed: 3 }), 3)).toEqual({ kind: 'refused', reason: 'locked' });
  });

  it('solves on the last attempt rather than failing', () => {
    expect(graded(check(task, progressWith(full, { attemptsUsed: 2 }), 3)).progress.status).toBe('solved');
  });

  it('reports the mistakes whose every condition holds', () => {
    expect(graded(check(task, progressWith({ 1: 'key', 2: 'value', 3: '"key"' }), 3)).record.matchedMistakes).toEqual([0]);
    expect(graded(check(task, progressWith({ 1: 'items', 2: 'key', 3: 'data' }), 3)).record.matchedMistakes).toEqual([1]);
    // Only half of mistake 1 holds here: blank 3 is right.
    expect(graded(check(task, progressWith({ 1: 'items', 2: 'data', 3: 'key' }), 3)).record.matchedMistakes).toEqual([]);
  });

  it('never changes the placements it grades', () => {
    const placements = { 1: 'key', 2: 'data', 3: 'value' };
    const outcome = graded(check(task, progressWith(placements), 3));
    expect(outcome.progress.placements).toEqual(placements);
    expect(outcome.record.placements).toEqual(placements);
  });
});

describe('checking the same answer again', () => {
  const wrong: Placements = { 1: 'key', 2: 'data', 3: 'value' };
  const once = graded(check(task, progressWith(wrong), 3)).progress;

  it.each<[string, TaskProgress, CheckOutcome['kind'], number]>([
    ['the answer just graded (a double click, or Check again) is refused and spends nothing', once, 'refused', 1],
    ['one blank changed is graded', ok(place(task, once, 1, '"key"')), 'graded', 2],
    ['changed and changed back is the graded answer again: refused', ok(place(task, ok(place(task, once, 1, 'items')), 1, 'key')), 'refused', 1],
    ['the same options moved between blanks is a new answer', ok(move(task, once, 2, 3)), 'graded', 2],
  ])('%s', (_name, progress, kind, attemptsUsed) => {
    const outcome = check(task, progress, 3);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'refused') expect(outcome).toEqual({ kind: 'refused', reason: 'unchanged' });
    expect(outcome.kind === 'graded' ? outcome.progress.attemptsUsed : progress.attemptsUsed).toBe(attemptsUsed);
  });

  it.each<[string, TaskProgress, boolean]>([
    ['nothing checked yet', progressWith(wrong), false],
    ['the graded answer', once, true],
    ['after Reset', resetPlacements(once), false],
    ['a blank emptied', ok(clear(task, once, 2)), false],
    ['another option in a blank', ok(place(task, once, 2, 'value')), false],
  ])('alreadyChecked: %s', (_name, progress, expected) => {
    expect(alreadyChecked(progress)).toBe(expected);
  });
});

describe('listedMistakes and revealMistakes', () => {
  const advised = makeTask({
    mistakes: [
      { text: 'The bare name is a variable, not the key.', when: { '1': 'key' } },
      { text: 'Both wrong together.', when: { '1': 'items', '3': ['value', 'data'] } },
      { text: 'General advice, listed early.', always: true },
      { text: 'General advice, kept for the end.' },
    ],
  });
  const lastCheckOf = (placements: Placements, extra: Partial<TaskProgress> = {}) => graded(check(advised, progressWith(placements, extra), 3)).progress;
  const texts = (progress: TaskProgress) => listedMistakes(advised, progress).map((m) => `${m.matched ? '* ' : ''}${m.text}`);

  it.each<[string, TaskProgress, string[]]>([
    ['an open task never checked: only the `always` advice', FRESH_PROGRESS, ['General advice, listed early.']],
    [
      'after a wrong check: the matched mistake first, then the `always` advice; no other wrong option is named',
      lastCheckOf({ 1: 'key', 2: 'data', 3: 'value' }),
      ['* The bare name is a variable, not the key.', 'General advice, listed early.'],
    ],
    [
      'once the task ends: every mistake, the learner\'s first',
      lastCheckOf({ 1: 'key', 2: 'data', 3: 'value' }, { attemptsUsed: 2 }),
      ['* The bare name is a variable, not the key.', 'Both wrong together.', 'General advice, listed early.', 'General advice, kept for the end.'],
    ],
    [
      'solved: every mistake, none marked',
      lastCheckOf(full),
      ['The bare name is a variable, not the key.', 'Both wrong together.', 'General advice, listed early.', 'General advice, kept for the end.'],
    ],
  ])('%s', (_name, progress, expected) => {
    expect(texts(progress)).toEqual(expected);
  });

  it('without `always`, an open task lists nothing before a check', () => {
    expect(listedMistakes(task, FRESH_PROGRESS)).toEqual([]);
  });

  it.each<[string, Task, TaskProgress, boolean]>([
    ['advice no check gave counts as help', advised, FRESH_PROGRESS, true],
    ['only what the check already showed does not', task, lastCheckOf({ 1: 'key', 2: 'data', 3: 'value' }), false],
    ['nothing listed does not', task, FRESH_PROGRESS, false],
    ['an ended task does not', advised, progressWith(full, { status: 'solved' }), false],
  ])('revealMistakes: %s', (_name, t, progress, counts) => {
    const after = revealMistakes(t, progress);
    expect(after.mistakesShown === true).toBe(counts);
    if (!counts) expect(after).toBe(progress);
  });

  it('counts once, however often the list is opened, and helpUsed adds it to the hints', () => {
    const opened = revealMistakes(advised, progressWith({}, { hintsShown: 2 }));
    expect(revealMistakes(advised, opened)).toBe(opened);
    expect(helpUsed(opened)).toBe(3);
    expect(helpUsed(progressWith({}, { hintsShown: 2 }))).toBe(2);
  });
});

describe('matchMistakes', () => {
  it('never matches a mistake without conditions, nor one naming an empty blank', () => {
    expect(matchMistakes(task, { 3: 'value' })).toEqual([]);
  });
});

describe('feedbackFor', () => {
  it('keeps a blank\'s mark while it holds the graded option, and drops it when that changes', () => {
    const after = graded(check(task, progressWith({ 1: 'key', 2: 'data', 3: 'value' }), 3)).progress;
    expect(feedbackFor(after, 1)).toBe(false);
    expect(feedbackFor(after, 2)).toBe(true);
    const changed = ok(place(task, after, 1, '"key"'));
    expect(feedbackFor(changed, 1)).toBeUndefined();
    expect(feedbackFor(changed, 2)).toBe(true);
    expect(feedbackFor(FRESH_PROGRESS, 1)).toBeUndefined();
  });
});

describe('revealHint', () => {
  it('reveals hints one at a time, in order, until none are left', () => {
    const first = revealHint(task, FRESH_PROGRESS);
    expect(first).toMatchObject({ ok: true, hint: 'First hint.', index: 0 });
    if (!first.ok) return;
    const second = revealHint(task, first.progress);
    expect(second).toMatchObject({ ok: true, hint: 'Second hint.', index: 1 });
    if (!second.ok) return;
    expect(second.progress.hintsShown).toBe(2);
    expect(revealHint(task, second.progress)).toEqual({ ok: false, reason: 'none-left' });
  });

  it('has none to give when the task has no hints', () => {
    expect(revealHint(makeTask({ hints: undefined }), FRESH_PROGRESS)).toEqual({ ok: false, reason: 'none-left' });
  });

  it('refuses when the rules allow no hints, and on a locked task', () => {
    expect(revealHint(task, FRESH_PROGRESS, { ...PRACTICE, hintsAllowed: false })).toEqual({ ok: false, reason: 'not-allowed' });
    expect(revealHint(task, progressWith(full, { status: 'solved' }))).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('resetPlacements', () => {
  it('empties every blank but keeps the attempts and hints used', () => {
    const progress = progressWith({ 1: 'key', 2: 'data' }, { attemptsUsed: 2, hintsShown: 1 });
    expect(resetPlacements(progress)).toEqual({ ...progress, placements: {} });
  });

  it('leaves a locked task as it is', () => {
    const solved = progressWith(full, { status: 'solved', attemptsUsed: 1 });
    expect(resetPlacements(solved)).toBe(solved);
  });
});

describe('attempt limits and the key', () => {
  it('takes the task\'s limit over the set\'s, and the set\'s over the rules\' default', () => {
    expect(maxAttemptsFor(makeTask({ maxAttempts: 5 }), 2)).toBe(5);
    expect(maxAttemptsFor(task, 2)).toBe(2);
    expect(maxAttemptsFor(task, undefined)).toBe(PRACTICE.defaultAttempts);
  });

  it('never counts attempts left below zero', () => {
    expect(attemptsLeft(progressWith({}, { attemptsUsed: 1 }), 3)).toBe(2);
    expect(attemptsLeft(progressWith({}, { attemptsUsed: 5 }), 3)).toBe(0);
  });

  it('shows the first accepted option of each blank as the solution', () => {
    expect(solutionOf(task)).toEqual({ 1: '"key"', 2: 'value', 3: 'key' });
  });
});

// --- Properties: whatever a learner does, the rules hold. ---

type Command =
  | { readonly kind: 'place'; readonly blank: number; readonly option: number }
  | { readonly kind: 'move'; readonly from: number; readonly to: number }
  | { readonly kind: 'clear'; readonly blank: number }
  | { readonly kind: 'check' }
  | { readonly kind: 'hint' }
  | { readonly kind: 'reset' };

const MAX_OPTIONS = 6;

/** A task with 1 to 4 blanks spread over lines, 1 to 6 options, and answers drawn from the options. */
const taskArb = fc
  .record({
    blanks: fc.integer({ min: 1, max: 4 }),
    options: fc.integer({ min: 1, max: MAX_OPTIONS }),
    reusable: fc.boolean(),
    picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    perLine: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ blanks, options, reusable, picks, perLine }): Task => {
    const names = Array.from({ length: options }, (_, i) => `opt${i}`);
    const numbers = Array.from({ length: blanks }, (_, i) => i + 1);
    const code: string[] = [];
    for (let i = 0; i < numbers.length; i += perLine) code.push(numbers.slice(i, i + perLine).map((n) => `x${n} = [[${n}]]`).join('; '));
    const answers = Object.fromEntries(numbers.map((n) => [String(n), names[(picks[n - 1] ?? 0) % options] ?? 'opt0']));
    return { ...makeTask(), code, options: names, answers, reusableOptions: reusable, mistakes: [] };
  });

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), blank: fc.integer({ min: 0, max: 5 }), option: fc.integer({ min: 0, max: MAX_OPTIONS }) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.integer({ min: 0, max: 5 }), to: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('clear' as const), blank: fc.integer({ min: 0, max: 5 }) }),
  fc.constant({ kind: 'check' as const }),
  fc.constant({ kind: 'hint' as const }),
  fc.constant({ kind: 'reset' as const }),
);

function apply(t: Task, progress: TaskProgress, command: Command, max: number): TaskProgress {
  switch (command.kind) {
    case 'place': {
      const change = place(t, progress, command.blank, `opt${command.option}`);
      return change.ok ? change.progress : progress;
    }
    case 'move': {
      const change = move(t, progress, command.from, command.to);
      return change.ok ? change.progress : progress;
    }
    case 'clear': {
      const change = clear(t, progress, command.blank);
      return change.ok ? change.progress : progress;
    }
    case 'check': {
      const outcome = check(t, progress, max);
      return outcome.kind === 'graded' ? outcome.progress : progress;
    }
    case 'hint': {
      const outcome = revealHint(t, progress);
      return outcome.ok ? outcome.progress : progress;
    }
    case 'reset':
      return resetPlacements(progress);
  }
}

describe('grading properties', () => {
  const scenario = fc.tuple(taskArb, fc.array(commandArb, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }));

  it('keeps a non-reusable option in at most one blank, and only real options in real blanks', () => {
    fc.assert(
      fc.property(scenario, ([t, commands, max]) => {
        let progress = FRESH_PROGRESS;
        for (const command of commands) {
          progress = apply(t, progress, command, max);
          const held = Object.values(progress.placements);
          if (!t.reusableOptions) expect(new Set(held).size).toBe(held.length);
          for (const option of held) expect(t.options).toContain(option);
          for (const blank of Object.keys(progress.placements)) expect(Object.keys(t.answers)).toContain(blank);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never uses more attempts than allowed, and a finished task never changes again', () => {
    fc.assert(
      fc.property(scenario, ([t, commands, max]) => {
        let progress = FRESH_PROGRESS;
        for (const command of commands) {
          const before = progress;
          progress = apply(t, progress, command, max);
          expect(progress.attemptsUsed).toBeLessThanOrEqual(max);
          expect(attemptsLeft(progress, max)).toBeGreaterThanOrEqual(0);
          if (before.status !== 'active') expect(progress).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grading never changes the placements, and uses exactly one attempt or none', () => {
    fc.assert(
      fc.property(scenario, ([t, commands, max]) => {
        let progress = FRESH_PROGRESS;
        for (const command of commands) {
          const outcome = check(t, progress, max);
          if (outcome.kind === 'graded') {
            expect(outcome.progress.placements).toEqual(progress.placements);
            expect(outcome.progress.attemptsUsed).toBe(progress.attemptsUsed + 1);
            expect(outcome.solved).toBe(Object.values(outcome.record.correct).every(Boolean));
          }
          progress = apply(t, progress, command, max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('checking twice without a change never uses more attempts than checking once', () => {
    fc.assert(
      fc.property(scenario, ([t, commands, max]) => {
        let progress = FRESH_PROGRESS;
        for (const command of commands) {
          progress = apply(t, progress, command, max);
          const once = apply(t, progress, { kind: 'check' }, max);
          const twice = apply(t, once, { kind: 'check' }, max);
          expect(twice).toBe(once);
          expect(twice.attemptsUsed).toBeLessThanOrEqual(progress.attemptsUsed + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('solves any task by placing its solution', () => {
    fc.assert(
      fc.property(taskArb, (t) => {
        // Without reuse, two blanks that need the same option cannot both be right: the validator refuses such tasks.
        const needed = Object.values(t.answers).map(String);
        fc.pre(t.reusableOptions === true || new Set(needed).size === needed.length);
        let progress = FRESH_PROGRESS;
        for (const [blank, option] of Object.entries(solutionOf(t))) progress = ok(place(t, progress, Number(blank), option));
        expect(graded(check(t, progress, 1)).solved).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
