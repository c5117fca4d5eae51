// @vitest-environment node
import { readFileSync } from 'node:fs';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { SetScore } from '../engine/scoring.ts';
import { orderInteraction, puzzleOf } from '../engine/parsons.ts';
import { selectInteraction } from '../engine/select.ts';
import { typedInteraction } from '../engine/typed.ts';
import { interactionResult, interactionSetup, scoreData, sessionTime, type XapiOf } from './scorm-data.ts';

const set = JSON.parse(readFileSync(new URL('../../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8')) as ExerciseSet;
const score = (solved: number, failed: number, total = 5): SetScore => ({
  total,
  solved,
  failed,
  open: total - solved - failed,
  attemptsUsed: 0,
  hintsUsed: 0,
  complete: solved + failed === total,
  scaled: solved / total,
});
const asObject = (pairs: readonly (readonly [string, string])[]) => Object.fromEntries(pairs);

describe('SCORM data', () => {
  it('declares one fill-in interaction per task, in the set order, with the answer key as its pattern', () => {
    const setup = asObject(interactionSetup(set, '2004'));
    expect(setup['cmi.interactions.0.id']).toBe('grant-type');
    expect(setup['cmi.interactions.4.id']).toBe('requests-post');
    expect(setup['cmi.interactions.4.type']).toBe('fill-in');
    expect(setup['cmi.interactions.4.correct_responses.0.pattern']).toBe('client_credentials[,]your_client_id[,]your_client_secret');
    expect(setup['cmi.interactions.0.description']).toBe(set.tasks[0]?.prompt);
    expect(Object.keys(asObject(interactionSetup(set, '1.2'))).some((k) => k.endsWith('description'))).toBe(false);
  });

  it.each([
    ['1.2', true, { 'cmi.interactions.4.student_response': 'a[,]b[,]c', 'cmi.interactions.4.result': 'correct' }],
    ['1.2', false, { 'cmi.interactions.4.student_response': 'a[,]b[,]c', 'cmi.interactions.4.result': 'wrong' }],
    ['2004', true, { 'cmi.interactions.4.learner_response': 'a[,]b[,]c', 'cmi.interactions.4.result': 'correct' }],
    ['2004', false, { 'cmi.interactions.4.learner_response': 'a[,]b[,]c', 'cmi.interactions.4.result': 'incorrect' }],
  ] as const)('SCORM %s, a result that is right: %s', (version, correct, expected) => {
    expect(asObject(interactionResult(set, version, 'requests-post', { 1: 'a', 2: 'b', 3: 'c' }, correct))).toEqual(expected);
  });

  const pick = `1[.]o${(set.tasks[0]?.options.indexOf('client_credentials') ?? 0) + 1}`;
  const solution = puzzleOf(set.tasks[4]!)?.solution ?? [];
  it.each([
    ['typed', '2004', typedInteraction.xapi, 'fill-in', '{case_matters=true}client_credentials', { 1: 'client_credentials' }, 'client_credentials'],
    ['typed', '1.2', typedInteraction.xapi, 'fill-in', 'client_credentials', { 1: 'client_credentials' }, 'client_credentials'],
    ['pick', '2004', selectInteraction.xapi, 'matching', pick, { 1: 'client_credentials' }, pick],
    ['pick', '1.2', selectInteraction.xapi, 'matching', pick.replace('[.]', '.'), { 1: 'client_credentials' }, pick.replace('[.]', '.')],
  ] as const)('%s, SCORM %s: the first task is a %s interaction, pattern %j', (_, version, xapi, type, pattern, response, written) => {
    const setup = asObject(interactionSetup(set, version, xapi as XapiOf));
    expect(setup['cmi.interactions.0.type']).toBe(type);
    expect(setup['cmi.interactions.0.correct_responses.0.pattern']).toBe(pattern);
    const result = asObject(interactionResult(set, version, 'grant-type', response, true, xapi as XapiOf));
    expect(result[version === '1.2' ? 'cmi.interactions.0.student_response' : 'cmi.interactions.0.learner_response']).toBe(written);
  });

  it.each([
    ['2004', '[,]'],
    ['1.2', ','],
  ] as const)('line order, SCORM %s: a sequencing interaction of line ids joined by %j', (version, delimiter) => {
    expect(solution.length).toBeGreaterThan(2);
    const setup = asObject(interactionSetup(set, version, orderInteraction.xapi as XapiOf));
    expect(setup['cmi.interactions.4.type']).toBe('sequencing');
    expect(setup['cmi.interactions.4.correct_responses.0.pattern']).toBe(solution.join(delimiter));
    const response = Object.fromEntries(solution.map((id, i) => [i + 1, id]));
    const result = asObject(interactionResult(set, version, 'requests-post', response, true, orderInteraction.xapi as XapiOf));
    expect(Object.values(result)).toContain(solution.join(delimiter));
  });

  it.each([
    ['1.2', score(2, 1), { 'cmi.core.score.raw': '40', 'cmi.core.score.max': '100', 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend' }],
    ['1.2', score(4, 1), { 'cmi.core.score.raw': '80', 'cmi.core.lesson_status': 'passed', 'cmi.core.exit': '' }],
    ['1.2', score(3, 2), { 'cmi.core.score.raw': '60', 'cmi.core.lesson_status': 'failed', 'cmi.core.exit': '' }],
    ['2004', score(2, 1), { 'cmi.score.raw': '2', 'cmi.score.max': '5', 'cmi.score.scaled': '0.4', 'cmi.progress_measure': '0.6', 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.exit': 'suspend' }],
    ['2004', score(4, 1), { 'cmi.score.scaled': '0.8', 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.exit': 'normal' }],
    ['2004', score(1, 2, 3), { 'cmi.score.scaled': '0.3333', 'cmi.progress_measure': '1', 'cmi.success_status': 'failed' }],
  ] as const)('SCORM %s reports %o with mastery 0.8', (version, given, expected) => {
    expect(asObject(scoreData(version, given, 0.8))).toMatchObject(expected);
  });

  it('writes the session time as each version wants it', () => {
    expect(sessionTime('1.2', 3723_450)).toEqual(['cmi.core.session_time', '01:02:03.45']);
    expect(sessionTime('2004', 3723_450)).toEqual(['cmi.session_time', 'PT3723.45S']);
  });
});
