// @vitest-environment node
// Every statement each mode can emit, through a real store and the real statement builder, passes an
// LRS's own validator (@learninglocker/xapi-validation), with the interaction type that fits the mode.
import { readFileSync } from 'node:fs';
import validate from '@learninglocker/xapi-validation';

// The package's CommonJS default, however the test runner hands it over.
const validation = (typeof validate === 'function' ? validate : (validate as unknown as { default: typeof validate }).default) as (statement: unknown) => unknown[];
import { loadExerciseSet } from '../engine/load-set.ts';
import { MODES, type ModeId } from '../engine/modes.ts';
import { BANK, solutionOf, type Interaction, type Placements, type TaskProgress } from '../engine/grading.ts';
import type { Task } from '../schema/exercise-schema.ts';
import { typedInteraction } from '../engine/typed.ts';
import { selectInteraction } from '../engine/select.ts';
import { arrangement, orderInteraction, puzzleOf, solutionResponse } from '../engine/parsons.ts';
import { ROUNDS } from '../store/rounds.ts';
import { createExerciseStore } from '../store/exercise-store.ts';
import type { ExerciseEvent } from '../store/events.ts';
import { statementsFor, MODE_EXTENSION, type XapiClock, type XapiStatement } from './xapi.ts';

const loaded = loadExerciseSet(JSON.parse(readFileSync(new URL('../../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8')));
if (!loaded.ok) throw new Error('the seed set does not load');
const SET = loaded.set;

const CASES: readonly [ModeId, Interaction, string][] = [
  ['practice', BANK, 'fill-in'],
  ['typed', typedInteraction, 'fill-in'],
  ['pick', selectInteraction, 'matching'],
  ['order', orderInteraction, 'sequencing'],
  ['exam', BANK, 'fill-in'],
];

/** The right answer in the mode's own terms; a wrong one is the same with its first part changed. */
function solution(mode: ModeId, task: Task): Placements {
  if (mode === 'order') return solutionResponse(puzzleOf(task)!);
  return solutionOf(task);
}

describe.each(CASES)('%s', (mode, interaction, type) => {
  it(`every statement is valid xAPI, a ${type} interaction with a correct-responses pattern, naming the mode`, () => {
    const store = createExerciseStore({ set: SET, rules: MODES[mode], interaction, rounds: ROUNDS, storage: null, now: () => 1_767_600_000_000 });
    // The whole answer at once, through the store's one verb for what a mode computes.
    const answer = (taskId: string, response: Placements) =>
      store.getState().respond(taskId, (task, progress: TaskProgress) =>
        mode === 'order' ? arrangement(task, progress, response) : { ok: true, progress: { ...progress, placements: response } },
      );
    const events: ExerciseEvent[] = [];
    store.subscribeEvents((event) => events.push(event));
    if (mode === 'exam') store.getState().startRound(null);
    const tasks = store.getState().set.tasks;
    tasks.forEach((task, i) => {
      const right = solution(mode, task);
      if (i === 0 && mode !== 'exam') {
        // A wrong answer first: the first part swapped for a wrong one the interaction accepts.
        const [part, value] = Object.entries(right)[0]!;
        const wrong = mode === 'order' ? { ...right, [part]: Object.values(right).at(-1)!, [Object.keys(right).at(-1)!]: value } : { ...right, [part]: task.options.find((o) => o !== value)! };
        answer(task.id, wrong);
        store.getState().check(task.id);
      }
      answer(task.id, right);
      store.getState().check(task.id);
    });
    if (mode === 'exam') store.getState().submitRound();

    const context = { set: store.getState().set, base: 'https://blanks.example/sets/seed.json', mode, interaction: interaction === BANK ? undefined : interaction, actor: { objectType: 'Agent', mbox: 'mailto:ada@example.com' } };
    let started: XapiClock = {};
    const statements: XapiStatement[] = [];
    for (const event of events) {
      const next = statementsFor(event, context, started);
      started = next.started;
      statements.push(...next.statements);
    }
    const verbs = new Set(statements.map((s) => s.verb.display['en-US']));
    expect(verbs).toEqual(new Set(['interacted', 'answered', 'completed']));
    expect(statements.filter((s) => s.verb.display['en-US'] === 'completed')).toHaveLength(tasks.length);
    for (const statement of statements) {
      expect(validation(statement)).toEqual([]);
      expect(statement.object.definition.interactionType).toBe(type);
      expect(statement.object.definition.correctResponsesPattern?.length).toBeGreaterThan(0);
      expect(statement.context.extensions?.[MODE_EXTENSION]).toBe(mode);
    }
    // A solved task's response is one of its correct patterns.
    const solved = statements.filter((s) => s.result?.success);
    expect(solved.length).toBeGreaterThan(0);
    for (const s of solved) {
      const patterns = s.object.definition.correctResponsesPattern!.map((p) => p.replace(/^\{case_matters=true\}/, ''));
      expect(patterns).toContain(s.result!.response);
    }
  });
});
