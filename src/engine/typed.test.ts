// @vitest-environment node
import fc from 'fast-check';
import validation from '@learninglocker/xapi-validation';
import type { Task } from '../schema/exercise-schema.ts';
import type { XapiInteraction } from './grading.ts';
import { TYPED_MAX, TYPO_MIN_LENGTH, gradeTyped, normalise, oneEditApart, typedInteraction, typedMistakes, typedXapi } from './typed.ts';

/** Three blanks; blank 2 accepts either of two answers; `==` and `===` are both options. */
function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'compare',
    difficulty: 'easy',
    prompt: 'Compare the values.',
    language: 'javascript',
    code: ['if (a [[1]] b) {', '  [[2]]("same", [[3]]);', '}'],
    options: ['===', '==', 'console.log', 'print', 'a', 'None'],
    answers: { '1': '===', '2': ['console.log', 'print'], '3': 'a' },
    mistakes: [
      { text: '== converts types first.', when: { '1': '==' } },
      { text: 'Python, not JavaScript.', when: { '2': 'print', '3': ['None'] } },
      { text: 'General advice, never matched.' },
    ],
    ...overrides,
  };
}

describe('normalise', () => {
  it.each([
    ['  value ', 'value', 'surrounding spaces'],
    ['\tvalue\n', 'value', 'surrounding tabs and newlines'],
    ['\u00a0value\u00a0', 'value', 'surrounding no-break spaces'],
    ['‘key’', "'key'", 'curly single quotes'],
    ['“key”', '"key"', 'curly double quotes'],
    ['„key“', '"key"', 'German low double quotes'],
    ['‚key‘', "'key'", 'German low single quotes'],
    ['«\u00a0key\u00a0»', '"key"', 'French guillemets with the keyboard\'s no-break spaces'],
    ['«\u202fkey\u202f»', '"key"', 'French guillemets with narrow no-break spaces'],
    ['«key»', '"key"', 'guillemets without spaces'],
    ['don’t', "don't", 'an apostrophe'],
    ['i—', 'i--', 'an em dash: smart punctuation made it from two hyphens'],
    ['a – b', 'a - b', 'an en dash: smart punctuation made it from a spaced hyphen'],
    ['…args', '...args', 'an ellipsis: smart punctuation made it from three dots'],
    ['a\u00a0b', 'a b', 'a no-break space inside'],
    ['cafe\u0301', 'café', 'a decomposed accent'],
  ])('%j becomes %j (%s)', (input, output) => {
    expect(normalise(input)).toBe(output);
  });

  it.each([
    ['a  b', 'spaces inside are kept: in a string literal they matter'],
    ['a\tb', 'a tab inside is kept'],
    ['Value', 'case is kept'],
    ['a-b', 'a hyphen is kept'],
    ['x => y', 'an arrow is kept'],
    ['`t`', 'backticks are kept'],
  ])('leaves %j alone (%s)', (input) => {
    expect(normalise(input)).toBe(input);
  });

  it('is idempotent and leaves no smart punctuation or surrounding space', () => {
    const smart = fc.constantFrom('‘', '’', '“', '”', '„', '‚', '«', '»', '—', '–', '…', '\u00a0', '\u202f', ' ', 'a', 'B', '-', '"', "'", '.');
    fc.assert(
      fc.property(fc.array(fc.oneof(smart, fc.string({ maxLength: 3 })), { maxLength: 12 }), (parts) => {
        const once = normalise(parts.join(''));
        expect(normalise(once)).toBe(once);
        expect(once).not.toMatch(/[‘’“”„‚«»—–…\u00a0\u202f]/);
        expect(once).toBe(once.trim());
      }),
    );
  });
});

/** The optimal-string-alignment distance, by the textbook table: the reference oneEditApart must agree with. */
function osa(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

describe('oneEditApart', () => {
  it.each([
    ['return', 'retrun', true, 'two adjacent characters swapped'],
    ['return', 'retur', true, 'one deleted'],
    ['return', 'returnn', true, 'one inserted'],
    ['return', 'rezurn', true, 'one substituted'],
    ['return', 'return', false, 'equal'],
    ['return', 'rteurn', true, 'swapped near the start'],
    ['return', 'retunr', true, 'swapped at the end'],
    ['return', 'rteunr', false, 'two swaps'],
    ['abc', 'cba', false, 'a swap across a gap'],
    ['aab', 'ab', true, 'a doubled letter dropped'],
    ['😀x', 'x', true, 'an astral character counts as one'],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(oneEditApart(a, b)).toBe(expected);
    expect(oneEditApart(b, a)).toBe(expected);
  });

  it('agrees with the optimal-string-alignment distance being 1', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '😀'), maxLength: 7 });
    fc.assert(fc.property(text, text, (a, b) => oneEditApart(a, b) === (osa(a, b) === 1)), { numRuns: 2000 });
  });
});

describe('gradeTyped', () => {
  const right = { 1: '===', 2: 'console.log', 3: 'a' };

  it('grades the accepted answers right, any of a blank\'s alternatives', () => {
    expect(gradeTyped(makeTask(), right)).toEqual({ correct: { 1: true, 2: true, 3: true } });
    expect(gradeTyped(makeTask(), { ...right, 2: 'print' }).correct[2]).toBe(true);
  });

  it('forgives surrounding spaces and smart punctuation, on either side', () => {
    const task = makeTask({ code: 'x = [[1]]', options: ['"hi"', '“bye”'], answers: { '1': ['"hi"', '“bye”'] } });
    expect(gradeTyped(task, { 1: '  “hi” ' }).correct[1]).toBe(true);
    expect(gradeTyped(task, { 1: '"bye"' }).correct[1]).toBe(true);
  });

  it.each([
    ['Console.log', 'case', 'only the capitals differ'],
    ['CONSOLE.LOG', 'case', 'all capitals'],
    ['consol.log', 'typo', 'one character dropped'],
    ['consloe.log', 'typo', 'two characters swapped'],
    ['console.logg', 'typo', 'one too many'],
    ['prnt', 'typo', 'one edit from the other accepted answer'],
    ['console .log', 'typo', 'one space too many inside'],
    ['Consol.log', undefined, 'case and a typo together'],
    ['cnsole.lgo', undefined, 'two edits'],
    ['', undefined, 'nothing typed'],
  ])('%j is wrong, noted %j (%s)', (typed, note, _why) => {
    const graded = gradeTyped(makeTask(), { ...right, 2: typed });
    expect(graded.correct[2]).toBe(false);
    expect(graded.notes?.[2]).toBe(note);
  });

  it(`gives no typo note for an answer under ${TYPO_MIN_LENGTH} characters, and one from ${TYPO_MIN_LENGTH}`, () => {
    const task = (answer: string, options: string[] = [answer]) => makeTask({ code: '[[1]]', options, answers: { '1': answer }, mistakes: [] });
    expect(gradeTyped(task('x'), { 1: 'y' }).notes).toBeUndefined();
    expect(gradeTyped(task('is'), { 1: 'in' }).notes).toBeUndefined();
    expect(gradeTyped(task('=='), { 1: '=' }).notes).toBeUndefined();
    expect(gradeTyped(task('len'), { 1: 'lne' }).notes).toEqual({ 1: 'typo' });
    expect(gradeTyped(task('===', ['===']), { 1: '==' }).notes).toEqual({ 1: 'typo' });
    // A one-letter answer still gets the capitals note: that is not a guess at a slip.
    expect(gradeTyped(task('x'), { 1: 'X' }).notes).toEqual({ 1: 'case' });
  });

  it('gives no typo note when the text typed is another of the task\'s options: a choice, not a slip', () => {
    const graded = gradeTyped(makeTask(), { ...right, 1: '==' });
    expect(graded.correct[1]).toBe(false);
    expect(graded.notes).toBeUndefined();
  });

  it('any accepted answer, padded and with its quotes curled, is right; any one edit of it is wrong with a note', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'C', '"', "'", '.', '_'), minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(word, fc.constantFrom('', ' ', '  ', '\u00a0'), fc.nat(), fc.constantFrom('a', 'z', '_'), (answer, pad, at, extra) => {
        const task = makeTask({ code: '[[1]]', options: [answer], answers: { '1': answer }, mistakes: [] });
        const curled = answer.replace(/"/g, '“').replace(/'/g, '’');
        expect(gradeTyped(task, { 1: pad + curled + pad })).toEqual({ correct: { 1: true } });
        const chars = [...answer];
        const i = at % (chars.length + 1);
        const inserted = [...chars.slice(0, i), extra, ...chars.slice(i)].join('');
        const graded = gradeTyped(task, { 1: inserted });
        expect(graded.correct[1]).toBe(false);
        const expected = chars.length >= TYPO_MIN_LENGTH ? 'typo' : answer.toLowerCase() === inserted.toLowerCase() ? 'case' : undefined;
        expect(graded.notes?.[1]).toBe(expected);
      }),
    );
  });

  it('a case change of a lettered answer is wrong with the capitals note', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'x', '_', '1'), minLength: 1, maxLength: 8 }).filter((s) => /[a-z]/.test(s)), (answer) => {
        const task = makeTask({ code: '[[1]]', options: [answer], answers: { '1': answer }, mistakes: [] });
        expect(gradeTyped(task, { 1: answer.toUpperCase() })).toEqual({ correct: { 1: false }, notes: { 1: 'case' } });
      }),
    );
  });
});

describe('typedMistakes', () => {
  it.each([
    [{ 1: '==' }, [0], 'the option named in `when`, typed'],
    [{ 1: ' == ' }, [0], 'typed with spaces around'],
    [{ 1: '=' }, [], 'another text'],
    [{ 2: 'print', 3: 'None' }, [1], 'every condition of a two-blank mistake'],
    [{ 2: 'print', 3: 'none' }, [], 'one condition off by case'],
    [{ 2: 'print' }, [], 'one condition unanswered'],
    [{}, [], 'nothing typed: a mistake without `when` never matches'],
  ])('%j matches %j (%s)', (response: Record<number, string>, matched: number[], _why: string) => {
    expect(typedMistakes(makeTask(), response)).toEqual(matched);
  });

  it('compares a `when` option written with smart quotes to straight ones typed', () => {
    const task = makeTask({ mistakes: [{ text: 'A string, not the name.', when: { '3': '‘a’' } }] });
    expect(typedMistakes(task, { 3: "'a'" })).toEqual([0]);
  });
});

describe('the interactions', () => {
  it('typed accepts any text up to the limit in a blank of the task', () => {
    expect(typedInteraction.accepts!(makeTask(), 1, 'anything at all')).toBe(true);
    expect(typedInteraction.accepts!(makeTask(), 1, 'x'.repeat(TYPED_MAX))).toBe(true);
    expect(typedInteraction.accepts!(makeTask(), 1, 'x'.repeat(TYPED_MAX + 1))).toBe(false);
    expect(typedInteraction.accepts!(makeTask(), 4, 'a')).toBe(false);
  });

  it('typed counts a blank holding only spaces as empty', () => {
    expect(typedInteraction.empty(makeTask(), { 1: '===', 2: '  ' })).toEqual([2, 3]);
    expect(typedInteraction.empty(makeTask(), { 1: '=', 2: 'x', 3: 'y' })).toEqual([]);
  });

});

// A CommonJS module whose `default` export is the validator: `(statement) => problems[]`.
const validateStatement = (typeof validation === 'function' ? validation : (validation as unknown as { default: typeof validation }).default) as (statement: unknown) => unknown[];

/** An `answered` statement around an interaction, as the product sends one. */
function statement(interaction: XapiInteraction, success: boolean) {
  const { response, ...definition } = interaction;
  return {
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: 'https://codeblanks.dev/sets/s/tasks/compare',
      definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', ...definition },
    },
    result: { response, success },
    timestamp: '2026-12-01T15:00:00.000Z',
  };
}

describe('xAPI', () => {
  it('describes Type it as a case-sensitive fill-in, one pattern per combination of answers', () => {
    const xapi = typedXapi(makeTask(), { 1: ' == ', 2: '‘print’', 3: 'a' });
    expect(xapi).toEqual({
      interactionType: 'fill-in',
      response: "==[,]'print'[,]a",
      correctResponsesPattern: ['{case_matters=true}===[,]console.log[,]a', '{case_matters=true}===[,]print[,]a'],
    });
    expect(validateStatement(statement(xapi, false))).toEqual([]);
  });
});
