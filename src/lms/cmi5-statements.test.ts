// @vitest-environment node
import { readFileSync } from 'node:fs';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { selectXapi } from '../engine/select.ts';
import { typedXapi } from '../engine/typed.ts';
import { answeredStatement, moveOnStatements, type Launch } from './cmi5-statements.ts';

describe('moveOnStatements: what counts towards moving on is what the AU sends', () => {
  it.each([
    ['Completed', true, false],
    ['Passed', false, true],
    ['CompletedAndPassed', true, true],
    ['CompletedOrPassed', true, true],
    ['NotApplicable', false, false],
    [undefined, true, true],
    ['SomethingElse', true, true],
  ])('moveOn %s: completed %s, passed or failed %s', (moveOn, completed, judged) => {
    expect(moveOnStatements(moveOn)).toEqual({ completed, judged });
  });
});

describe('answeredStatement: the interaction of the package\'s mode', () => {
  const set = JSON.parse(readFileSync(new URL('../../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8')) as ExerciseSet;
  const task = set.tasks[0] as Task;
  const launch = { actor: { mbox: 'mailto:a@example.com' }, activityId: 'https://lms.example/au', registration: '00000000-0000-4000-8000-000000000000', sessionId: 's', contextTemplate: {} } as unknown as Launch;
  const definition = (statement: Record<string, unknown>) => (statement.object as { definition: Record<string, unknown> }).definition;
  const response = (statement: Record<string, unknown>) => (statement.result as { response: string }).response;

  it.each([
    ['the bank (practice, study, exam)', undefined, 'fill-in', 'client_credentials', ['client_credentials']],
    ['Type it', typedXapi(task, { 1: 'client_credentials' }), 'fill-in', 'client_credentials', ['{case_matters=true}client_credentials']],
    ['Pick', selectXapi(task, { 1: 'client_credentials' }), 'matching', `1[.]o${task.options.indexOf('client_credentials') + 1}`, [`1[.]o${task.options.indexOf('client_credentials') + 1}`]],
  ] as const)('%s: %s', (_, mapped, type, answer, pattern) => {
    const statement = answeredStatement(launch, set, task, ['client_credentials'], ['client_credentials'], true, new Date(0), mapped);
    expect(definition(statement)).toMatchObject({ interactionType: type, correctResponsesPattern: pattern });
    expect(response(statement)).toBe(answer);
    if (type === 'matching') expect(definition(statement)).toHaveProperty('target');
  });
});
