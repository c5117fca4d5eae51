// @vitest-environment node
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseEvent } from '../store/events.ts';
import { correctPatterns, isoDuration, joinResponse, statementsFor, VERBS, type XapiClock, type XapiContext } from './xapi.ts';

const loaded = loadExerciseSet({
  formatVersion: 1,
  id: 'http-basics',
  title: 'HTTP basics',
  subject: 'HTTP',
  tasks: [
    {
      id: 'status-line',
      difficulty: 'easy',
      prompt: 'Complete the status line.',
      language: 'http',
      code: ['[[1]] [[2]] [[3]]'],
      options: ['HTTP/1.1', 'HTTP/2', '200', 'OK', 'Fine'],
      answers: { 1: ['HTTP/1.1', 'HTTP/2'], 2: '200', 3: 'OK' },
    },
    {
      id: 'method',
      difficulty: 'easy',
      prompt: 'Which method creates?',
      language: 'http',
      code: ['[[1]] /users HTTP/1.1'],
      options: ['POST', 'GET'],
      answers: { 1: 'POST' },
    },
  ],
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const set = loaded.set;
const context: XapiContext = { set, base: 'https://example.org/exercises/http-basics.json' };
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const base = { setId: 'http-basics', mode: 'practice', taskId: 'status-line', taskNumber: 1 } as const;

const placed = (time: number): ExerciseEvent => ({ type: 'placed', ...base, time, blank: 1, option: 'HTTP/2', from: null, replaced: null });

describe('isoDuration', () => {
  test.each([
    [0, 'PT0S'],
    [12340, 'PT12.34S'],
    [12345, 'PT12.35S'],
    [61000, 'PT61S'],
    [-5, 'PT0S'],
  ])('%i ms is %s', (ms, iso) => {
    expect(isoDuration(ms)).toBe(iso);
  });
});

describe('joinResponse', () => {
  test.each([
    [[1, 2, 3], { 1: 'a', 2: 'b', 3: 'c' }, 'a[,]b[,]c'],
    [[1, 2, 3], { 1: 'a', 3: 'c' }, 'a[,][,]c'],
    [[1], { 1: 'only' }, 'only'],
  ])('blanks %j with %j give %s', (blanks, placements, joined) => {
    expect(joinResponse(blanks, placements)).toBe(joined);
  });
});

describe('correctPatterns', () => {
  test('lists every accepted combination, the canonical one first', () => {
    expect(correctPatterns(set.tasks[0]!, [1, 2, 3])).toEqual(['HTTP/1.1[,]200[,]OK', 'HTTP/2[,]200[,]OK']);
  });
});

describe('statementsFor', () => {
  test.each<[string, ExerciseEvent, string | null]>([
    ['a placement is interacted', placed(T0), VERBS.interacted],
    ['a selection makes no statement', { type: 'selected', ...base, time: T0, blank: 1, option: null }, null],
    ['a hint makes no statement', { type: 'hint', ...base, time: T0, hint: 1, hints: 2, text: 'h' }, null],
    ['a refused check makes no statement', { type: 'check-refused', ...base, time: T0, emptyBlanks: [2] }, null],
    ['the set completing makes no statement of its own', { type: 'completed', setId: 'http-basics', mode: 'practice', time: T0, score: { total: 2, solved: 2, failed: 0, open: 0, attemptsUsed: 2, hintsUsed: 0, complete: true, scaled: 1 } }, null],
  ])('%s', (_name, event, verb) => {
    const { statements } = statementsFor(event, context, {});
    expect(statements.map((s) => s.verb.id)).toEqual(verb ? [verb] : []);
  });

  test('a wrong check is answered: response, score, no success, not complete, timed from the first interaction', () => {
    const clock = statementsFor(placed(T0), context, {}).started;
    const event: ExerciseEvent = {
      type: 'checked',
      ...base,
      time: T0 + 12_340,
      correct: false,
      blanks: [
        { blank: 1, option: 'HTTP/2', correct: true },
        { blank: 2, option: '200', correct: true },
        { blank: 3, option: 'Fine', correct: false },
      ],
      attemptsUsed: 1,
      attemptsLeft: 2,
      mistakes: [],
    };
    const [statement] = statementsFor(event, context, clock).statements;
    expect(statement).toEqual({
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      object: {
        objectType: 'Activity',
        id: 'https://example.org/exercises/http-basics.json#http-basics/status-line',
        definition: {
          name: { 'en-US': 'HTTP basics: task 1' },
          description: { 'en-US': 'Complete the status line.' },
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
          interactionType: 'fill-in',
          correctResponsesPattern: ['HTTP/1.1[,]200[,]OK', 'HTTP/2[,]200[,]OK'],
        },
      },
      result: {
        score: { min: 0, max: 3, raw: 2, scaled: 0.6667 },
        success: false,
        completion: false,
        duration: 'PT12.34S',
        response: 'HTTP/2[,]200[,]Fine',
      },
      context: {
        contextActivities: {
          parent: [{ objectType: 'Activity', id: 'https://example.org/exercises/http-basics.json#http-basics', definition: { name: { 'en-US': 'HTTP basics' } } }],
        },
        extensions: { 'https://codeblanks.dev/xapi/extensions/mode': 'practice' },
      },
      timestamp: '2026-01-05T09:00:12.340Z',
    });
  });

  test.each([
    ['the last wrong check completes the attempt without success', false, 0, { success: false, completion: true }],
    ['a right check succeeds and completes', true, 1, { success: true, completion: true }],
  ])('%s', (_name, correct, attemptsLeft, expected) => {
    const event: ExerciseEvent = {
      type: 'checked',
      ...base,
      time: T0,
      correct,
      blanks: [1, 2, 3].map((blank) => ({ blank, option: 'x', correct })),
      attemptsUsed: 3 - attemptsLeft,
      attemptsLeft,
      mistakes: [],
    };
    expect(statementsFor(event, context, {}).statements[0]?.result).toMatchObject(expected);
  });

  test.each<[string, 'solved' | 'failed', Record<number, string>, object]>([
    ['a solved task is completed with success and full score', 'solved', { 1: 'HTTP/1.1', 2: '200', 3: 'OK' }, { success: true, score: { min: 0, max: 3, raw: 3, scaled: 1 } }],
    ['a failed task is completed without success, scored on its last answers', 'failed', { 1: 'HTTP/2', 2: '200', 3: 'Fine' }, { success: false, score: { min: 0, max: 3, raw: 2, scaled: 0.6667 } }],
  ])('%s', (_name, type, response, expected) => {
    const clock: XapiClock = { 'status-line': T0 - 5_000 };
    const event: ExerciseEvent = { type, ...base, time: T0, attemptsUsed: 3, hintsUsed: 0, response };
    const [statement] = statementsFor(event, context, clock).statements;
    expect(statement?.verb.id).toBe(VERBS.completed);
    expect(statement?.result).toMatchObject({ ...expected, completion: true, duration: 'PT5S' });
  });

  test('the clock starts at the first interaction and is not moved by later ones', () => {
    const first = statementsFor({ type: 'selected', ...base, time: T0, blank: 1, option: null }, context, {}).started;
    const later = statementsFor(placed(T0 + 1000), context, first).started;
    expect(later).toEqual({ 'status-line': T0 });
    expect(statementsFor(placed(T0), { ...context }, { method: 1 }).started).toEqual({ method: 1, 'status-line': T0 });
  });

  test('puts the actor in when the host gives one, and leaves it out otherwise', () => {
    const actor = { objectType: 'Agent', mbox: 'mailto:ada@example.com' };
    expect(statementsFor(placed(T0), { ...context, actor }, {}).statements[0]?.actor).toEqual(actor);
    expect(statementsFor(placed(T0), context, {}).statements[0]).not.toHaveProperty('actor');
  });

  test('a reset makes no statement, and the reset tasks time their next attempt from their next interaction', () => {
    const next = statementsFor({ type: 'reset', setId: 'http-basics', mode: 'practice', taskIds: ['status-line'], time: T0 + 9000 }, context, { 'status-line': T0, method: T0 });
    expect(next).toEqual({ started: { method: T0 }, statements: [] });
  });

  test('an event for a task the set does not have makes no statement', () => {
    expect(statementsFor({ ...placed(T0), taskId: 'nope' } as ExerciseEvent, context, {}).statements).toEqual([]);
  });
});
