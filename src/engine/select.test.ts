// @vitest-environment node
import validation from '@learninglocker/xapi-validation';
import type { Task } from '../schema/exercise-schema.ts';
import type { XapiInteraction } from './grading.ts';
import { MAX_PATTERNS, combinations, selectInteraction, selectXapi } from './select.ts';

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

describe('Pick', () => {
  it('select accepts only the task\'s options, graded and matched exactly', () => {
    const task = makeTask();
    expect(selectInteraction.accepts!(task, 1, '==')).toBe(true);
    expect(selectInteraction.accepts!(task, 1, ' == ')).toBe(false);
    expect(selectInteraction.accepts!(task, 9, '==')).toBe(false);
    expect(selectInteraction.empty(task, { 1: '==' })).toEqual([2, 3]);
    expect(selectInteraction.grade(task, { 1: '==', 2: 'print', 3: 'a' })).toEqual({ correct: { 1: false, 2: true, 3: true } });
    expect(selectInteraction.mistakes(task, { 1: '==' })).toEqual([0]);
  });

  it('describes Pick as a matching of blanks to options', () => {
    const xapi = selectXapi(makeTask(), { 1: '==', 2: 'print', 3: 'a' });
    expect(xapi.interactionType).toBe('matching');
    expect(xapi.response).toBe('1[.]o2[,]2[.]o4[,]3[.]o5');
    expect(xapi.correctResponsesPattern).toEqual(['1[.]o1[,]2[.]o3[,]3[.]o5', '1[.]o1[,]2[.]o4[,]3[.]o5']);
    expect(xapi.source?.map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(xapi.target).toContainEqual({ id: 'o3', description: { und: 'console.log' } });
    expect(validateStatement(statement(xapi, false))).toEqual([]);
  });

  it('leaves an unanswered blank out of a matching response, and lists a repeated option once', () => {
    const task = makeTask({ options: ['a', 'b', 'a'] as [string, ...string[]], answers: { '1': 'a', '2': 'b', '3': 'a' } });
    const xapi = selectXapi(task, { 1: 'b' });
    expect(xapi.response).toBe('1[.]o2');
    expect(xapi.target?.map((t) => t.id)).toEqual(['o1', 'o2']);
    expect(xapi.correctResponsesPattern).toEqual(['1[.]o1[,]2[.]o2[,]3[.]o1']);
  });

  it(`caps the patterns at ${MAX_PATTERNS}, the key's first answers first`, () => {
    const many = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => `${i}${j}`));
    const all = combinations(many);
    expect(all).toHaveLength(MAX_PATTERNS);
    expect(all[0]).toEqual(['00', '10', '20', '30']);
    expect(new Set(all.map((c) => c.join())).size).toBe(MAX_PATTERNS);
  });
});
