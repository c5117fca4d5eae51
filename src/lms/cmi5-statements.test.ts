// @vitest-environment node
import { moveOnStatements } from './cmi5-statements.ts';

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
