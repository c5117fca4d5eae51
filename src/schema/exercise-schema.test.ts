// @vitest-environment node
import { parseExerciseShape, type FormatIssue } from './exercise-schema.ts';

function validSet(): Record<string, unknown> & { tasks: Record<string, unknown>[] } {
  return {
    $schema: './schema.json',
    formatVersion: 1,
    id: 'shape',
    title: 'Shape',
    subject: 'Tests',
    estimatedMinutes: 5,
    maxAttempts: 3,
    tasks: [
      {
        id: 'first',
        difficulty: 'easy',
        prompt: 'Fill it.',
        language: 'python',
        code: ['x = [[1]]'],
        options: ['a', 'b'],
        answers: { '1': 'a' },
        hints: ['A hint.'],
        mistakes: [{ text: 'Wrong.', when: { '1': 'b' } }],
        explanation: 'Because.',
        maxAttempts: 2,
        reusableOptions: false,
      },
    ],
  };
}
type Draft = ReturnType<typeof validSet>;
const task = (d: Draft) => d.tasks[0] as Record<string, unknown>;

describe('parseExerciseShape', () => {
  it('accepts a set that uses every key, and trims its text', () => {
    const draft = validSet();
    task(draft).prompt = '  Fill it.  ';
    const result = parseExerciseShape(draft);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.tasks[0]?.prompt).toBe('Fill it.');
  });

  it('accepts code as one string', () => {
    const draft = validSet();
    task(draft).code = 'x = [[1]]\ny = 2';
    expect(parseExerciseShape(draft).ok).toBe(true);
  });

  const cases: [string, (d: Draft) => unknown, Omit<FormatIssue, 'severity'>][] = [
    [
      'an unknown key, at the key',
      (d) => ({ ...d, titel: 'x' }),
      { code: 'unknown-key', path: ['titel'], atKey: true, message: 'Unknown key "titel" in the set (allowed: $schema, formatVersion, id, title, subject, estimatedMinutes, maxAttempts, tasks)' },
    ],
    [
      'an unknown key in a mistake',
      (d) => {
        task(d).mistakes = [{ text: 'x', wehn: {} }];
        return d;
      },
      { code: 'unknown-key', path: ['tasks', 0, 'mistakes', 0, 'wehn'], atKey: true, message: 'Unknown key "wehn" in a mistake (allowed: text, when, always)' },
    ],
    [
      'a missing key, at the object that lacks it',
      (d) => {
        delete task(d).prompt;
        return d;
      },
      { code: 'missing-key', path: ['tasks', 0], message: 'Missing "prompt" in a task' },
    ],
    [
      'a task that is not an object',
      (d) => ({ ...d, tasks: ['grant-type'] }),
      { code: 'shape-strict_object', path: ['tasks', 0], message: 'A task must be an object' },
    ],
    ['a set that is not an object', () => 'hello', { code: 'shape-strict_object', path: [], message: 'The set must be an object' }],
    // Valibot alone would call the items of an array unknown keys "0", "1"...: one clear issue instead.
    ['a set that is an array', (d) => [d, d], { code: 'not-an-object', path: [], message: 'The set must be an object, not an array' }],
    ['an empty array for the set', () => [], { code: 'not-an-object', path: [], message: 'The set must be an object, not an array' }],
    [
      'a task that is an array',
      (d) => ({ ...d, tasks: [[d.tasks[0]]] }),
      { code: 'not-an-object', path: ['tasks', 0], message: 'A task must be an object, not an array' },
    ],
    ['a formatVersion from the future', (d) => ({ ...d, formatVersion: 2 }), { code: 'shape-literal', path: ['formatVersion'], message: 'formatVersion must be 1' }],
    ['an id that is not a slug', (d) => ({ ...d, id: 'My Set' }), { code: 'shape-regex', path: ['id'], message: 'Set id must be a slug: lowercase letters, digits and single hyphens (like "grant-type")' }],
    ['maxAttempts 0', (d) => ({ ...d, maxAttempts: 0 }), { code: 'shape-min_value', path: ['maxAttempts'], message: 'maxAttempts must be at least 1' }],
    [
      'maxAttempts 11 on a task',
      (d) => {
        task(d).maxAttempts = 11;
        return d;
      },
      { code: 'shape-max_value', path: ['tasks', 0, 'maxAttempts'], message: 'maxAttempts must be at most 10' },
    ],
    ['maxAttempts 2.5', (d) => ({ ...d, maxAttempts: 2.5 }), { code: 'shape-integer', path: ['maxAttempts'], message: 'maxAttempts must be a whole number' }],
    [
      'an unknown difficulty',
      (d) => {
        task(d).difficulty = 'expert';
        return d;
      },
      { code: 'shape-picklist', path: ['tasks', 0, 'difficulty'], message: 'difficulty must be "easy", "medium" or "hard"' },
    ],
    [
      'a prompt of spaces',
      (d) => {
        task(d).prompt = '   ';
        return d;
      },
      { code: 'shape-non_empty', path: ['tasks', 0, 'prompt'], message: 'prompt must not be empty' },
    ],
    [
      'options that are not a list',
      (d) => {
        task(d).options = 'a, b';
        return d;
      },
      { code: 'shape-array', path: ['tasks', 0, 'options'], message: 'options must be an array of strings' },
    ],
    [
      'an answer key that is not a blank number, at the key',
      (d) => {
        task(d).answers = { one: 'a' };
        return d;
      },
      { code: 'shape-regex', path: ['tasks', 0, 'answers', 'one'], atKey: true, message: 'answers keys must be blank numbers like "1"' },
    ],
    [
      'an answer that is an empty list',
      (d) => {
        task(d).answers = { '1': [] };
        return d;
      },
      { code: 'shape-non_empty', path: ['tasks', 0, 'answers', '1'], message: 'An answer must list at least one option' },
    ],
    [
      'code that is a number',
      (d) => {
        task(d).code = 42;
        return d;
      },
      { code: 'shape-union', path: ['tasks', 0, 'code'], message: 'code must be a string or an array of lines' },
    ],
    [
      'reusableOptions as a string',
      (d) => {
        task(d).reusableOptions = 'yes';
        return d;
      },
      { code: 'shape-union', path: ['tasks', 0, 'reusableOptions'], message: 'reusableOptions must be true, false or a list of options' },
    ],
    ['no tasks', (d) => ({ ...d, tasks: [] }), { code: 'shape-non_empty', path: ['tasks'], message: 'tasks must not be empty' }],
  ];

  it.each(cases)('reports %s', (_name, breakIt, expected) => {
    const result = parseExerciseShape(breakIt(validSet()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([{ severity: 'error', ...expected }]);
  });

  it('reports every problem of a file at once, not only the first', () => {
    const draft = { ...validSet(), title: '', maxAttempts: 0 };
    delete task(draft).language;
    const result = parseExerciseShape(draft);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['shape-non_empty', 'shape-min_value', 'missing-key']);
  });
});
