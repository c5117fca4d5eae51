// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import type { FormatIssue } from '../schema/exercise-schema.ts';
import { checkPartialSet, checkSetRules, loadExerciseSet } from './load-set.ts';

/** A valid set as an author would write it, to break one rule at a time. */
function validSet() {
  return {
    $schema: './schema.json',
    formatVersion: 1,
    id: 'rules',
    title: 'Rules',
    subject: 'Tests',
    tasks: [
      {
        id: 'first',
        difficulty: 'easy',
        prompt: 'Fill the blanks.',
        language: 'python',
        code: ['x = [[1]]', 'y = f([[2]], [[3]])'] as string | string[],
        options: ['a', 'b', 'c', 'd'],
        answers: { '1': 'a', '2': ['b', 'd'], '3': 'c' } as Record<string, string | string[]>,
        mistakes: [{ text: 'Swapped.', when: { '3': 'b' } as Record<string, string | string[]> }],
        reusableOptions: undefined as boolean | undefined,
      },
    ],
  };
}
type Draft = ReturnType<typeof validSet>;
type Expected = Partial<FormatIssue> & { readonly messageContains: string };

function issuesOf(json: unknown): readonly FormatIssue[] {
  const result = loadExerciseSet(json);
  return result.ok ? result.warnings : result.issues;
}

describe('loadExerciseSet', () => {
  it('loads a valid set with no issues', () => {
    expect(loadExerciseSet(validSet())).toMatchObject({ ok: true, warnings: [] });
  });

  it('loads every set in exercises/ without errors or warnings', () => {
    const folder = new URL('../../exercises/', import.meta.url);
    const files = readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const file of files) {
      const result = loadExerciseSet(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
      expect({ file, issues: result.ok ? result.warnings : result.issues }).toEqual({ file, issues: [] });
    }
  });

  it('stops at the shape: a set with a shape error reports no rule issues', () => {
    const draft = validSet();
    const json = { ...draft, title: '', tasks: [{ ...draft.tasks[0], options: ['a', 'a'] }] };
    expect(issuesOf(json).map((i) => i.code)).toEqual(['shape-non_empty']);
  });

  it('leaves language names to the validator: a set in an unknown language loads with no issue', () => {
    const draft = validSet();
    draft.tasks[0]!.language = 'cobol';
    expect(loadExerciseSet(draft)).toMatchObject({ ok: true, warnings: [] });
  });

  it('refuses a set with a rule error', () => {
    const draft = validSet();
    draft.tasks[0]!.answers['1'] = 'z';
    expect(loadExerciseSet(draft).ok).toBe(false);
  });
});

describe('checkPartialSet: the rules of the parts whose shape is right, for a file whose shape is not', () => {
  const codes = (json: unknown) => checkPartialSet(json).map((i) => [i.code, i.path.join('.')]);

  it('checks a task whose code, options and answers parse, whatever else is wrong in it or the set', () => {
    const draft = validSet();
    const json = { ...draft, title: '', tasks: [{ ...draft.tasks[0], prompt: 7, hints: 'no', options: ['a', 'a', 'b', 'c'] }] };
    expect(codes(json)).toEqual([
      ['duplicate-option', 'tasks.0.options.1'],
      ['answer-not-an-option', 'tasks.0.answers.2.1'],
    ]);
  });

  it('skips a task whose code, options or answers are malformed, and still checks the others and their ids', () => {
    const draft = validSet();
    const good = draft.tasks[0]!;
    const json = { ...draft, tasks: [{ ...good, options: 'a' }, { ...good, answers: { ...good.answers, '4': ['a', 'b'] } }, { ...good, answers: 'a' }] };
    expect(codes(json)).toEqual([
      ['duplicate-task-id', 'tasks.1.id'],
      ['answer-without-blank', 'tasks.1.answers.4'],
      ['duplicate-task-id', 'tasks.2.id'],
    ]);
  });

  it('reads a reusableOptions of the wrong type as true, so the reuse rules guess nothing', () => {
    const draft = validSet();
    const json = { ...draft, tasks: [{ ...draft.tasks[0], options: ['a'], answers: { '1': 'a', '2': 'a', '3': 'a' }, mistakes: undefined, reusableOptions: 'yes' }] };
    expect(codes(json)).toEqual([]);
  });

  it('has nothing to say about something that is not a set', () => {
    expect(codes(null)).toEqual([]);
    expect(codes({ tasks: 'x' })).toEqual([]);
    expect(codes([1])).toEqual([]);
  });
});

describe('checkSetRules: each rule, and where it points', () => {
  const cases: [string, (d: Draft) => void, Expected[]][] = [
    [
      'duplicate task id',
      (d) => d.tasks.push({ ...d.tasks[0]! }),
      [{ code: 'duplicate-task-id', path: ['tasks', 1, 'id'], messageContains: 'already used by task 1' }],
    ],
    [
      'duplicate option',
      (d) => d.tasks[0]!.options.push('b'),
      [{ code: 'duplicate-option', path: ['tasks', 0, 'options', 4], messageContains: 'Option "b" is listed twice (also option 2)' }],
    ],
    [
      'code without blanks',
      (d) => {
        d.tasks[0]!.code = 'print(items[0])';
        d.tasks[0]!.answers = {};
        d.tasks[0]!.mistakes = [];
      },
      [{ code: 'no-blanks', path: ['tasks', 0, 'code'], messageContains: 'no blanks' }],
    ],
    [
      'a blank used twice, pointing at the second [[n]] of the line',
      (d) => (d.tasks[0]!.code = ['x = [[1]]', 'y = f([[2]], [[3]], [[2]])']),
      [{ code: 'duplicate-blank', path: ['tasks', 0, 'code', 1], stringOffset: 20, messageContains: 'Blank [[2]] appears more than once' }],
    ],
    [
      'a gap in the numbering',
      (d) => {
        d.tasks[0]!.code = ['x = [[1]]', 'y = f([[2]], [[4]])'];
        d.tasks[0]!.answers = { '1': 'a', '2': 'b', '4': 'c' };
        d.tasks[0]!.mistakes = [];
      },
      [{ code: 'blank-gap', path: ['tasks', 0, 'code', 1], stringOffset: 13, messageContains: 'numbered 1 to 3 without gaps, but [[4]]' }],
    ],
    [
      'a blank without an answer, in code written as one string',
      (d) => (d.tasks[0]!.code = 'x = [[1]]\r\ny = f([[2]], [[3]], [[4]])'),
      [{ code: 'blank-without-answer', path: ['tasks', 0, 'code'], stringOffset: 11 + 20, messageContains: 'Blank [[4]] has no answer' }],
    ],
    [
      'a blank inside an array item that holds a line break',
      (d) => (d.tasks[0]!.code = ['x = [[1]]\ny = f([[2]], [[3]], [[5]])']),
      [
        { code: 'blank-gap', path: ['tasks', 0, 'code', 0], stringOffset: 10 + 20, messageContains: '[[5]]' },
        { code: 'blank-without-answer', path: ['tasks', 0, 'code', 0], stringOffset: 10 + 20, messageContains: 'Blank [[5]]' },
      ],
    ],
    [
      'an answer without a blank (the key is at fault)',
      (d) => (d.tasks[0]!.answers['7'] = 'd'),
      [{ code: 'answer-without-blank', path: ['tasks', 0, 'answers', '7'], atKey: true, messageContains: 'Answer "7" has no blank [[7]]' }],
    ],
    [
      'an answer that is not an option, inside a list',
      (d) => (d.tasks[0]!.answers['2'] = ['b', 'e']),
      [{ code: 'answer-not-an-option', path: ['tasks', 0, 'answers', '2', 1], messageContains: 'Answer "e" for blank 2 is not one of the options' }],
    ],
    [
      'too few options without reuse',
      (d) => {
        d.tasks[0]!.options = ['a', 'b'];
        d.tasks[0]!.answers = { '1': 'a', '2': 'b', '3': ['a', 'b'] };
        d.tasks[0]!.mistakes = [];
      },
      [{ code: 'too-few-options', path: ['tasks', 0, 'options'], messageContains: '3 blanks need at least 3 options' }],
    ],
    [
      'two blanks that both need one option, without reuse',
      (d) => (d.tasks[0]!.answers['3'] = 'a'),
      [{ code: 'answer-needs-reuse', path: ['tasks', 0, 'answers', '3'], messageContains: 'Blanks 1 and 3 both need "a"' }],
    ],
    [
      'a mistake naming a blank the code lacks (the key is at fault)',
      (d) => (d.tasks[0]!.mistakes = [{ text: 'x', when: { '9': 'b' } }]),
      [{ code: 'mistake-unknown-blank', path: ['tasks', 0, 'mistakes', 0, 'when', '9'], atKey: true, messageContains: 'blank 9' }],
    ],
    [
      'a mistake naming a right answer',
      (d) => (d.tasks[0]!.mistakes = [{ text: 'x', when: { '2': ['a', 'd'] } }]),
      [{ code: 'mistake-is-right', path: ['tasks', 0, 'mistakes', 0, 'when', '2', 1], messageContains: '"d", which is a right answer for blank 2' }],
    ],
    [
      'a mistake naming an option that does not exist',
      (d) => (d.tasks[0]!.mistakes = [{ text: 'x', when: { '1': 'nope' } }]),
      [{ code: 'mistake-unknown-option', path: ['tasks', 0, 'mistakes', 0, 'when', '1'], messageContains: '"nope", which is not one of the options' }],
    ],
  ];

  it.each(cases)('%s', (_name, breakIt, expected) => {
    const draft = validSet();
    breakIt(draft);
    const issues = issuesOf(draft);
    expect(issues).toHaveLength(expected.length);
    expected.forEach(({ messageContains, ...fields }, i) => {
      expect(issues[i]).toMatchObject({ severity: 'error', ...fields });
      expect(issues[i]?.message).toContain(messageContains);
    });
  });

  it('allows too few options and shared answers when options are reusable', () => {
    const draft = validSet();
    draft.tasks[0]!.options = ['a', 'b'];
    draft.tasks[0]!.answers = { '1': 'a', '2': 'a', '3': 'b' };
    draft.tasks[0]!.mistakes = [];
    draft.tasks[0]!.reusableOptions = true;
    expect(issuesOf(draft)).toEqual([]);
  });

  it('accepts literal [[ in code: numpy indexing and the \\[[ escape are not blanks', () => {
    const draft = validSet();
    draft.tasks[0]!.code = ['rows = a[[0, 2]]', 'x = a\\[[1]] + [[1]]', 'y = f([[2]], [[3]])'];
    expect(issuesOf(draft)).toEqual([]);
  });

  it('works on typed data as well, for callers that parsed already', () => {
    const result = loadExerciseSet(validSet());
    expect(result.ok && checkSetRules(result.set)).toEqual([]);
  });
});
