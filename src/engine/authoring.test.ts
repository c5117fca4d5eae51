import fc from 'fast-check';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { addDistractor, blankSelection, codeToTask, removeBlank } from './authoring.ts';
import { loadExerciseSet } from './load-set.ts';
import { codeLines, parseTemplate } from './template.ts';

const task = (over: Partial<Task> = {}): Task => ({
  id: 't',
  difficulty: 'easy',
  prompt: 'Fill in the blanks.',
  language: 'python',
  code: ['def add(a, b):', '    return a [[1]] b'],
  options: ['+', '-'],
  answers: { '1': '+' },
  ...over,
});

const setOf = (t: Task): ExerciseSet => ({ formatVersion: 1, id: 's', title: 'S', subject: 'X', tasks: [t] });

const ok = (result: ReturnType<typeof blankSelection>): Task => {
  if (!result.ok) throw new Error(result.reason);
  return result.task;
};

describe('blankSelection', () => {
  it.each([
    ['a span after the existing blank becomes [[2]]', 1, 19, 20, ['def add(a, b):', '    return a [[1]] [[2]]'], { '1': '+', '2': 'b' }, 2],
    ['a span before it becomes [[1]] and the old blank [[2]], its answer moving with it', 0, 4, 7, ['def [[1]](a, b):', '    return a [[2]] b'], { '1': 'add', '2': '+' }, 1],
    ['whitespace around the selection stays in the code', 1, 3, 11, ['def add(a, b):', '    [[1]] a [[2]] b'], { '1': 'return', '2': '+' }, 1],
  ])('%s', (_name, line, start, end, code, answers, blank) => {
    const result = blankSelection(task(), line, start, end);
    expect(result).toMatchObject({ ok: true, blank });
    const t = ok(result);
    expect(t.code).toEqual(code);
    expect(t.answers).toEqual(answers);
    expect(loadExerciseSet(setOf(t)).ok).toBe(true);
  });

  it('adds the text as an option once, and turns on reuse when two blanks need the same option', () => {
    const t = ok(blankSelection(task({ code: ['x = a + b + c'], answers: {}, options: [] }), 0, 6, 7));
    const both = ok(blankSelection(t, 0, 14, 15));
    expect(both.options).toEqual(['+']);
    expect(both.answers).toEqual({ '1': '+', '2': '+' });
    expect(both.reusableOptions).toBe(true);
    expect(loadExerciseSet(setOf(both)).ok).toBe(true);
  });

  it.each([
    ['an empty selection', 1, 5, 5, 'Select some code first'],
    ['a selection of spaces only', 1, 0, 4, 'Select some code first'],
    ['a selection that overlaps a blank', 1, 12, 16, 'The selection overlaps a blank: select code outside the blanks'],
    ['a line that does not exist', 5, 0, 1, 'There is no such line in the code'],
  ])('refuses %s', (_name, line, start, end, reason) => {
    expect(blankSelection(task(), line, start, end)).toEqual({ ok: false, reason });
  });

  it('keeps a task written as one string a string', () => {
    const t = ok(blankSelection(task({ code: 'x = [[1]]\ny = 2' }), 1, 4, 5));
    expect(t.code).toBe('x = [[1]]\ny = [[2]]');
  });
});

describe('removeBlank', () => {
  const three = task({
    code: ['x = [[1]] + [[2]]', 'y = [[3]]'],
    options: ['a', 'b', 'c', 'd'],
    answers: { '1': 'a', '2': 'b', '3': 'c' },
    mistakes: [
      { text: 'c is for y', when: { '2': 'c' } },
      { text: 'not b there', when: { '3': 'b' } },
      { text: 'two at once', when: { '1': 'b', '3': 'd' } },
    ],
  });

  it('puts the answer back, drops its option (keeping distractors), and renumbers answers and when keys', () => {
    const t = ok(removeBlank(three, 2));
    expect(t.code).toEqual(['x = [[1]] + b', 'y = [[2]]']);
    expect(t.answers).toEqual({ '1': 'a', '2': 'c' });
    // "b" is still named by a mistake on blank 3 (now 2), so it stays; "d" is a distractor.
    expect(t.options).toEqual(['a', 'b', 'c', 'd']);
    expect(t.mistakes).toEqual([
      { text: 'not b there', when: { '2': 'b' } },
      { text: 'two at once', when: { '1': 'b', '2': 'd' } },
    ]);
    expect(loadExerciseSet(setOf(t)).ok).toBe(true);
  });

  it('removes an option no other blank or mistake uses', () => {
    const t = ok(removeBlank(three, 1));
    expect(t.options).toEqual(['b', 'c', 'd']);
    expect(t.mistakes).toEqual([
      { text: 'c is for y', when: { '1': 'c' } },
      { text: 'not b there', when: { '2': 'b' } },
      { text: 'two at once', when: { '2': 'd' } },
    ]);
  });

  it('keeps a mistake shown always when its last condition goes', () => {
    const t = ok(removeBlank(task({ mistakes: [{ text: 'Read it twice', when: { '1': '-' }, always: true }] }), 1));
    expect(t.mistakes).toEqual([{ text: 'Read it twice', always: true }]);
  });

  it('refuses a blank the code does not have', () => {
    expect(removeBlank(task(), 4)).toEqual({ ok: false, reason: 'The code has no blank 4' });
  });

  it('takes the blank out of its group, renumbers the groups\' blanks and drops a removed option from the groups and the reusable list', () => {
    const grouped = task({
      code: ['x = [[1]] + [[2]]', 'y = [[3]]'],
      options: ['a', 'b', 'c', 'd'],
      answers: { '1': 'a', '2': 'b', '3': 'c' },
      groups: [
        { blanks: [1], options: ['a', 'd'] },
        { blanks: [2, 3], options: ['b', 'c', 'd'] },
      ],
      reusableOptions: ['d', 'a'],
    });
    const t = ok(removeBlank(grouped, 1));
    expect(t.code).toEqual(['x = a + [[1]]', 'y = [[2]]']);
    expect(t.options).toEqual(['b', 'c', 'd']);
    expect(t.groups).toEqual([{ blanks: [1, 2], options: ['b', 'c', 'd'] }]);
    expect(t.reusableOptions).toEqual(['d']);
    expect(loadExerciseSet(setOf(t))).toMatchObject({ ok: true });
  });

  it('renumbers a group when a new blank comes before its blank', () => {
    const grouped = task({ code: ['x = a + [[1]]'], options: ['b', 'c'], answers: { '1': 'b' }, groups: [{ blanks: [1], options: ['b', 'c'] }] });
    const t = ok(blankSelection(grouped, 0, 4, 5));
    expect(t.code).toEqual(['x = [[1]] + [[2]]']);
    expect(t.groups).toEqual([{ blanks: [2], options: ['b', 'c'] }]);
  });
});

describe('addDistractor and codeToTask', () => {
  it('adds a trimmed option once', () => {
    expect(addDistractor(task(), ' * ')).toMatchObject({ ok: true, task: { options: ['+', '-', '*'] } });
    expect(addDistractor(task(), '-')).toEqual({ ok: false, reason: '"-" is already an option' });
    expect(addDistractor(task(), '  ')).toEqual({ ok: false, reason: 'Write the distractor first' });
  });

  it('starts a task from pasted code, escaping what would read as a blank', () => {
    const t = codeToTask('\r\nm = a[[1]]\r\nr = "\\[["\r\n\r\n', 'python', 'paste');
    expect(t).toMatchObject({ id: 'paste', language: 'python', options: [], answers: {} });
    expect(t.code).toEqual(['m = a\\[[1]]', 'r = "\\\\[["']);
    expect(parseTemplate(t.code).lines.map((segments) => segments.map((s) => (s.kind === 'text' ? s.text : '?')).join(''))).toEqual(['m = a[[1]]', 'r = "\\[["']);
  });
});

describe('properties', () => {
  // Lines of code-like text without backslashes or brackets, so every selection is blankable.
  const line = fc.stringMatching(/^[a-z =+(),.:0-9]{1,30}$/);
  const code = fc.array(line, { minLength: 1, maxLength: 6 });
  /** A task whose code has at least one non-space character, and a selection inside one of its lines. */
  const spans = (lines: string[]) =>
    fc.array(
      fc.tuple(fc.nat({ max: lines.length - 1 }), fc.nat({ max: 40 }), fc.nat({ max: 40 })),
      { minLength: 1, maxLength: 5 },
    );

  const blankMany = (start: Task, picks: [number, number, number][]): Task => {
    let t = start;
    for (const [l, a, b] of picks) {
      const source = codeLines(t.code)[l] ?? '';
      const r = blankSelection(t, l, Math.min(a, source.length), Math.min(b, source.length));
      if (r.ok) t = r.task;
    }
    return t;
  };

  it('blanking a selection and removing that blank restores the code', () => {
    fc.assert(
      fc.property(code.chain((lines) => fc.tuple(fc.constant(lines), spans(lines))), ([lines, picks]) => {
        const before = blankMany(codeToTask(lines.join('\n'), 'python'), picks.slice(1));
        const [l, a, b] = picks[0] ?? [0, 0, 0];
        const result = blankSelection(before, l, a, b);
        fc.pre(result.ok);
        if (!result.ok || result.blank === undefined) return;
        const after = removeBlank(result.task, result.blank);
        expect(after.ok && after.task.code).toEqual(before.code);
        expect(after.ok && after.task.answers).toEqual(before.answers);
      }),
    );
  });

  it('renumbering keeps each answer on the same text, and a task with blanks always loads', () => {
    fc.assert(
      fc.property(code.chain((lines) => fc.tuple(fc.constant(lines), spans(lines), fc.nat({ max: 5 }))), ([lines, picks, drop]) => {
        const blanked = blankMany(codeToTask(lines.join('\n'), 'python'), picks);
        const blanks = parseTemplate(blanked.code).occurrences.length;
        fc.pre(blanks > 1);
        const removed = removeBlank(blanked, (drop % blanks) + 1);
        if (!removed.ok) throw new Error(removed.reason);
        for (const t of [blanked, removed.task]) {
          expect(loadExerciseSet(setOf(t))).toMatchObject({ ok: true });
          // Filling every blank with its answer gives back the pasted code, so each answer sits where its text was.
          const filled = codeLines(t.code).map((source) => source.replace(/\[\[(\d+)\]\]/g, (_m, n: string) => String(t.answers[n])));
          expect(filled).toEqual(codeLines(codeToTask(lines.join('\n'), 'python').code));
        }
      }),
    );
  });
});
