// @vitest-environment node
// Line order's statements: a sequencing interaction over the pool lines, checked with an LRS's own validator.
import validate from '@learninglocker/xapi-validation';
import seedJson from '../../exercises/oauth2-client-credentials.json';
import { loadExerciseSet } from '../engine/load-set.ts';
import { modeTasks, MODES } from '../engine/modes.ts';
import { orderInteraction, placedList, puzzleOf, solutionResponse, toResponse } from '../engine/parsons.ts';
import type { ExerciseEvent } from '../store/events.ts';
import { statementsFor, VERBS, type XapiContext } from './xapi.ts';

const loaded = loadExerciseSet(seedJson);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const set = { ...loaded.set, tasks: [...modeTasks(MODES.order, loaded.set)] };
const context: XapiContext = {
  set,
  mode: 'order',
  interaction: orderInteraction,
  base: 'https://example.org/exercises/oauth2-client-credentials.json',
  actor: { objectType: 'Agent', mbox: 'mailto:learner@example.org', name: 'A learner' },
};
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('line order statements', () => {
  it.each(set.tasks.map((task, i) => [task.id, i] as const))('%s: a wrong check and a solve are valid sequencing statements', (taskId, index) => {
    const task = set.tasks[index]!;
    const puzzle = puzzleOf(task)!;
    const solved = solutionResponse(puzzle);
    const list = placedList(solved);
    const wrong = toResponse(puzzle, [list[1]!, list[0]!, ...list.slice(2)]);
    const base = { setId: set.id, mode: 'order', taskId, taskNumber: index + 1 } as const;
    const grade = (placements: typeof solved) =>
      Object.entries(orderInteraction.grade(task, placements).correct).map(([part, correct]) => ({ blank: Number(part), option: placements[Number(part)] ?? '', correct }));
    const events: ExerciseEvent[] = [
      { type: 'checked', ...base, time: T0, correct: false, attemptsUsed: 1, attemptsLeft: 2, blanks: grade(wrong), mistakes: [] },
      { type: 'checked', ...base, time: T0 + 5000, correct: true, attemptsUsed: 2, attemptsLeft: 1, blanks: grade(solved), mistakes: [] },
      { type: 'solved', ...base, time: T0 + 5000, response: solved } as ExerciseEvent,
    ];
    let started = {};
    const statements = events.flatMap((event) => {
      const next = statementsFor(event, context, started);
      started = next.started;
      return next.statements;
    });
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(validate(JSON.parse(JSON.stringify(statement)))).toEqual([]);
      expect(statement.object.definition.interactionType).toBe('sequencing');
      expect(statement.object.definition.correctResponsesPattern).toEqual([puzzle.solution.join('[,]')]);
    }
    const answered = statements.filter((s) => s.verb.id === VERBS.answered);
    expect(answered.map((s) => s.result?.response)).toEqual([placedList(wrong).map((p) => p.id).join('[,]'), puzzle.solution.join('[,]')]);
  });
});
