// @vitest-environment node
import { readFileSync } from 'node:fs';
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { ExerciseEvent } from './events.ts';
import { createExerciseStore, taskLimits, type ExerciseStore } from './exercise-store.ts';
import { MODES } from '../engine/modes.ts';
import { SELECT, setPart } from '../engine/select.ts';
import { ROUNDS } from './rounds.ts';
import { itemKeys, logKeyFor, storageKeyFor, v1KeyFor, type KeyValueStorage } from './persistence.ts';
import { readLog } from './logs.ts';
import { summariseSaved } from './saved-summary.ts';
import v1Fixture from './fixtures/v1-saved-progress.json';
import v2Fixture from './fixtures/v2-saved-progress.json';
import { memoryStorage } from '../test-support/memory-storage.ts';

/** The seed set, loaded the way the site loads it. */
function seedSet(): ExerciseSet {
  const json: unknown = JSON.parse(readFileSync(new URL('../../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8'));
  const result = loadExerciseSet(json);
  if (!result.ok) throw new Error(`the seed set does not load: ${JSON.stringify(result.issues)}`);
  return result.set;
}
const SET = seedSet();

/** A store with a fixed clock and a log of every event it emits. */
function setup(storage: KeyValueStorage | null = memoryStorage()) {
  const store = createExerciseStore({ set: SET, storage, now: () => 1_700_000_000_000 });
  const events: ExerciseEvent[] = [];
  store.subscribeEvents((event) => events.push(event));
  return { store, events, storage, actions: store.getState() };
}

const progressOf = (store: ExerciseStore, taskId: string) => store.getState().progress[taskId];
const left = (store: ExerciseStore, taskId: string) => taskLimits(store.getState(), taskId).left;

/** Places and checks a wrong answer on task 1 (grant-type). */
function wrongCheck(store: ExerciseStore, option = 'password') {
  store.getState().place('grant-type', 1, option);
  store.getState().check('grant-type');
}

describe('events', () => {
  it('placing from the bank reports the option, the blank, the task number and the time', () => {
    const { actions, events } = setup();
    actions.place('grant-type', 1, 'client_credentials');
    expect(events).toEqual([
      {
        type: 'placed',
        setId: 'oauth2-client-credentials',
        mode: 'practice',
        taskId: 'grant-type',
        taskNumber: 1,
        time: 1_700_000_000_000,
        blank: 1,
        option: 'client_credentials',
        from: null,
        replaced: null,
      },
    ]);
  });

  it('placing over a filled blank reports the option it replaced', () => {
    const { actions, events } = setup();
    actions.place('grant-type', 1, 'password');
    actions.place('grant-type', 1, 'client_credentials');
    expect(events.at(-1)).toMatchObject({ type: 'placed', blank: 1, option: 'client_credentials', from: null, replaced: 'password' });
  });

  it('moving between blanks reports where the option came from; a swap reports both blanks', () => {
    const { store, actions, events } = setup();
    actions.place('requests-post', 1, 'your_client_id');
    actions.move('requests-post', 1, 2);
    expect(events.at(-1)).toMatchObject({ type: 'placed', taskNumber: 5, blank: 2, option: 'your_client_id', from: 1, replaced: null });
    expect(progressOf(store, 'requests-post')?.placements).toEqual({ 2: 'your_client_id' });

    actions.place('requests-post', 1, 'client_credentials');
    events.length = 0;
    actions.move('requests-post', 1, 2);
    expect(events).toEqual([
      expect.objectContaining({ blank: 1, option: 'your_client_id', from: 2, replaced: 'client_credentials' }),
      expect.objectContaining({ blank: 2, option: 'client_credentials', from: 1, replaced: 'your_client_id' }),
    ]);
  });

  it('clearing a blank reports it emptied, with the option it held', () => {
    const { actions, events } = setup();
    actions.place('grant-type', 1, 'password');
    actions.clear('grant-type', 1);
    expect(events.at(-1)).toMatchObject({ type: 'placed', blank: 1, option: null, from: null, replaced: 'password' });
  });

  it('clearing an empty blank reports nothing', () => {
    const { actions, events } = setup();
    actions.clear('grant-type', 1);
    expect(events).toEqual([]);
  });

  it('selecting a blank, then the same blank again, reports the selection and its end', () => {
    const { store, actions, events } = setup();
    actions.selectBlank('grant-type', 1);
    expect(store.getState().selection).toEqual({ kind: 'blank', taskId: 'grant-type', blank: 1 });
    actions.selectBlank('grant-type', 1);
    expect(store.getState().selection).toBeNull();
    expect(events.map((e) => e.type === 'selected' && [e.blank, e.option])).toEqual([
      [1, null],
      [null, null],
    ]);
  });

  it('an option then a blank (and a blank then an option) place through the same action', () => {
    const { store, actions, events } = setup();
    actions.selectOption('grant-type', 'password');
    actions.selectBlank('grant-type', 1);
    actions.selectBlank('content-type', 1);
    actions.selectOption('content-type', 'text/plain');
    expect(progressOf(store, 'grant-type')?.placements).toEqual({ 1: 'password' });
    expect(progressOf(store, 'content-type')?.placements).toEqual({ 1: 'text/plain' });
    expect(store.getState().selection).toBeNull();
    expect(events.filter((e) => e.type === 'placed').map((e) => e.taskId)).toEqual(['grant-type', 'content-type']);
  });

  it('an option selected in one task does not land in another task', () => {
    const { store, actions } = setup();
    actions.selectOption('grant-type', 'password');
    actions.selectBlank('content-type', 1);
    expect(store.getState().progress['content-type']).toBeUndefined();
    expect(store.getState().selection).toEqual({ kind: 'blank', taskId: 'content-type', blank: 1 });
  });

  it('a check with an empty blank is refused: it names the blank, uses no attempt and leaves a notice', () => {
    const { store, actions, events } = setup();
    actions.check('requests-post');
    expect(events).toEqual([expect.objectContaining({ type: 'check-refused', taskId: 'requests-post', taskNumber: 5, emptyBlanks: [1, 2, 3] })]);
    expect(left(store, 'requests-post')).toBe(3);
    expect(store.getState().notices['requests-post']).toEqual({ kind: 'refused', reason: 'incomplete', empty: [1, 2, 3] });

    actions.place('requests-post', 2, 'your_client_id');
    expect(store.getState().notices['requests-post']).toBeNull();
  });

  it('a wrong check reports each blank, the attempts and the matching mistakes', () => {
    const { actions, events } = setup();
    actions.place('requests-post', 1, 'client_credentials');
    actions.place('requests-post', 2, 'your_client_secret');
    actions.place('requests-post', 3, 'your_client_id');
    events.length = 0;
    actions.check('requests-post');
    expect(events).toEqual([
      {
        type: 'checked',
        setId: 'oauth2-client-credentials',
        mode: 'practice',
        taskId: 'requests-post',
        taskNumber: 5,
        time: 1_700_000_000_000,
        correct: false,
        blanks: [
          { blank: 1, option: 'client_credentials', correct: true },
          { blank: 2, option: 'your_client_secret', correct: false },
          { blank: 3, option: 'your_client_id', correct: false },
        ],
        attemptsUsed: 1,
        attemptsLeft: 2,
        mistakes: [1],
      },
    ]);
  });

  it('a right check reports checked, then solved with the response', () => {
    const { actions, events } = setup();
    actions.place('grant-type', 1, 'client_credentials');
    events.length = 0;
    actions.check('grant-type');
    expect(events).toEqual([
      expect.objectContaining({ type: 'checked', correct: true, attemptsUsed: 1, attemptsLeft: 2, mistakes: [] }),
      expect.objectContaining({ type: 'solved', taskId: 'grant-type', attemptsUsed: 1, hintsUsed: 0, response: { 1: 'client_credentials' } }),
    ]);
  });

  it('the third wrong check reports failed and locks the task', () => {
    const { store, actions, events } = setup();
    wrongCheck(store, 'password');
    wrongCheck(store, 'refresh_token');
    events.length = 0;
    wrongCheck(store, 'authorization_code');
    expect(events.map((e) => e.type)).toEqual(['placed', 'checked', 'failed']);
    expect(events[2]).toMatchObject({ type: 'failed', attemptsUsed: 3, response: { 1: 'authorization_code' } });
    expect(progressOf(store, 'grant-type')?.status).toBe('failed');

    events.length = 0;
    actions.place('grant-type', 1, 'client_credentials');
    actions.check('grant-type');
    actions.hint('grant-type');
    actions.resetTask('grant-type');
    expect(events).toEqual([]);
    expect(progressOf(store, 'grant-type')?.placements).toEqual({ 1: 'authorization_code' });
  });

  it('Check twice on the same answer grades it once: the second is free, reports nothing and leaves a notice', () => {
    const { store, actions, events } = setup();
    wrongCheck(store, 'password');
    events.length = 0;
    actions.check('grant-type');
    expect(events).toEqual([]);
    expect(left(store, 'grant-type')).toBe(2);
    expect(store.getState().notices['grant-type']).toEqual({ kind: 'refused', reason: 'unchanged' });
    actions.place('grant-type', 1, 'refresh_token');
    expect(store.getState().notices['grant-type']).toBeNull();
  });

  it('opening Common mistakes for advice is saved as help used and reported with the outcome; for nothing, it is not', () => {
    const advised: ExerciseSet = {
      ...SET,
      tasks: SET.tasks.map((t) => ({ ...t, mistakes: t.mistakes?.map((m) => (m.when ? m : { ...m, always: true })) })),
    };
    const storage = memoryStorage();
    const store = createExerciseStore({ set: advised, storage });
    const events: ExerciseEvent[] = [];
    store.subscribeEvents((event) => events.push(event));
    store.getState().showMistakes('grant-type');
    store.getState().showMistakes('requests-post'); // no advice marked `always` there
    expect(progressOf(store, 'grant-type')?.mistakesShown).toBe(true);
    expect(progressOf(store, 'requests-post')).toBeUndefined();
    expect(progressOf(createExerciseStore({ set: advised, storage }), 'grant-type')?.mistakesShown).toBe(true);
    store.getState().hint('grant-type');
    store.getState().place('grant-type', 1, 'client_credentials');
    store.getState().check('grant-type');
    expect(events.at(-1)).toMatchObject({ type: 'solved', hintsUsed: 2 });
  });

  it('hints come one at a time, numbered, and stop at the last', () => {
    const { store, actions, events } = setup();
    actions.hint('grant-type');
    actions.hint('grant-type');
    actions.hint('grant-type');
    expect(events).toEqual([
      expect.objectContaining({ type: 'hint', hint: 1, hints: 2, text: 'The grant type names the flow you are using.' }),
      expect.objectContaining({ type: 'hint', hint: 2, hints: 2 }),
    ]);
    expect(progressOf(store, 'grant-type')?.hintsShown).toBe(2);
  });

  it('the last task ending reports the set completed with its score', () => {
    const { store, actions, events } = setup();
    const solve = (taskId: string, placements: Record<number, string>) => {
      for (const [blank, option] of Object.entries(placements)) actions.place(taskId, Number(blank), option);
      actions.check(taskId);
    };
    solve('grant-type', { 1: 'client_credentials' });
    solve('content-type', { 1: 'application/x-www-form-urlencoded' });
    solve('client-id-value', { 1: 'your_client_id' });
    solve('requests-post', { 1: 'client_credentials', 2: 'your_client_id', 3: 'your_client_secret' });
    expect(events.some((e) => e.type === 'completed')).toBe(false);
    actions.hint('parse-access-token');
    for (const option of ['token', '[', ']']) solve('parse-access-token', { 1: option });
    expect(progressOf(store, 'parse-access-token')?.status).toBe('failed');
    expect(events.at(-1)).toEqual({
      type: 'completed',
      setId: 'oauth2-client-credentials',
      mode: 'practice',
      time: 1_700_000_000_000,
      score: { total: 5, solved: 4, failed: 1, open: 0, attemptsUsed: 7, hintsUsed: 1, complete: true, scaled: 0.8 },
    });
  });

  it('resetting a task empties its blanks, reports each one, and keeps the attempts used', () => {
    const { store, actions, events } = setup();
    actions.place('requests-post', 1, 'authorization_code');
    actions.place('requests-post', 2, 'your_client_id');
    actions.place('requests-post', 3, 'your_client_secret');
    actions.check('requests-post');
    events.length = 0;
    actions.resetTask('requests-post');
    expect(progressOf(store, 'requests-post')?.placements).toEqual({});
    expect(left(store, 'requests-post')).toBe(2);
    expect(events.map((e) => e.type === 'placed' && [e.blank, e.option, e.replaced])).toEqual([
      [1, null, 'authorization_code'],
      [2, null, 'your_client_id'],
      [3, null, 'your_client_secret'],
    ]);
  });

  it('a listener that throws does not stop the next listener, nor the action', () => {
    const { store, events } = setup();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    store.subscribeEvents(() => {
      throw new Error('host bug');
    });
    const later: ExerciseEvent[] = [];
    store.subscribeEvents((e) => later.push(e));
    store.getState().place('grant-type', 1, 'password');
    expect(events).toHaveLength(1);
    expect(later).toHaveLength(1);
    expect(progressOf(store, 'grant-type')?.placements).toEqual({ 1: 'password' });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('an unsubscribed listener hears nothing more', () => {
    const { store } = setup();
    const heard: ExerciseEvent[] = [];
    const stop = store.subscribeEvents((e) => heard.push(e));
    store.getState().place('grant-type', 1, 'password');
    stop();
    store.getState().place('grant-type', 1, 'refresh_token');
    expect(heard).toHaveLength(1);
  });
});

describe('persistence', () => {
  it('round trip: a new store on the same storage has the placements, attempts, hints and feedback', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store, 'password');
    store.getState().hint('grant-type');
    store.getState().place('requests-post', 2, 'your_client_id');

    const reloaded = createExerciseStore({ set: SET, storage });
    expect(reloaded.getState().progress).toEqual(store.getState().progress);
    expect(reloaded.getState().storageNotice).toBeNull();
    expect(progressOf(reloaded, 'grant-type')?.lastCheck?.correct).toEqual({ 1: false });
    expect(progressOf(reloaded, 'grant-type')?.hintsShown).toBe(1);
  });

  it('a reload does not give back attempts: 1 wrong check leaves 2 left after reload, 3 leave the task failed', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store, 'password');
    expect(left(createExerciseStore({ set: SET, storage }), 'grant-type')).toBe(2);

    wrongCheck(store, 'refresh_token');
    wrongCheck(store, 'authorization_code');
    const reloaded = createExerciseStore({ set: SET, storage });
    expect(left(reloaded, 'grant-type')).toBe(0);
    expect(progressOf(reloaded, 'grant-type')?.status).toBe('failed');
  });

  it('a task reset does not give back attempts after a reload either', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store);
    store.getState().resetTask('grant-type');
    const reloaded = createExerciseStore({ set: SET, storage });
    expect(progressOf(reloaded, 'grant-type')).toMatchObject({ placements: {}, attemptsUsed: 1 });
  });

  it('the selection and refusal notices are not saved', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    store.getState().place('grant-type', 1, 'password');
    store.getState().check('requests-post');
    store.getState().selectBlank('content-type', 1);
    const reloaded = createExerciseStore({ set: SET, storage });
    expect(reloaded.getState().selection).toBeNull();
    expect(reloaded.getState().notices).toEqual({});
  });

  it("keys each task's progress by that task's content: an edited task starts afresh, the others keep theirs, and its old record stays", () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store);
    store.getState().place('requests-post', 2, 'your_client_id');
    const oldRecords = Object.keys(JSON.parse(storage.getItem(store.key) ?? '{}').tasks);

    // A typo fixed in task 1's prompt, and the set's title changed: only task 1 is a different task.
    const edited: ExerciseSet = {
      ...SET,
      title: `${SET.title} (edited)`,
      tasks: SET.tasks.map((t) => (t.id === 'grant-type' ? { ...t, prompt: `${t.prompt} (fixed)` } : t)),
    };
    const next = createExerciseStore({ set: edited, storage });
    expect(next.key).toBe(store.key);
    expect(next.getState().progress['grant-type']).toBeUndefined();
    expect(next.getState().progress['requests-post']?.placements).toEqual({ 2: 'your_client_id' });
    expect(next.getState().storageNotice).toBeNull();

    next.tidyStorage();
    next.getState().place('grant-type', 1, 'client_credentials');
    const records = JSON.parse(storage.getItem(store.key) ?? '{}').tasks as Record<string, unknown>;
    // The old content's record is still there, untouched, beside the new one.
    expect(Object.keys(records)).toEqual(expect.arrayContaining(oldRecords));
    expect(Object.keys(records)).toHaveLength(oldRecords.length + 1);
    expect(createExerciseStore({ set: SET, storage }).getState().progress['grant-type']).toMatchObject({ attemptsUsed: 1, placements: { 1: 'password' } });
  });

  it.each([
    ['not JSON', '{"tasks": {'],
    ['the wrong shape', JSON.stringify({ tasks: [] })],
    ['negative attempts', JSON.stringify({ tasks: { 'grant-type': { placements: {}, attemptsUsed: -1, hintsShown: 0, status: 'active', lastCheck: null } } })],
    ['an unknown status', JSON.stringify({ tasks: { 'grant-type': { placements: {}, attemptsUsed: 0, hintsShown: 0, status: 'won', lastCheck: null } } })],
    ['a blank numbered 0', JSON.stringify({ tasks: { 'grant-type': { placements: { 0: 'x' }, attemptsUsed: 0, hintsShown: 0, status: 'active', lastCheck: null } } })],
    ['mistakesShown not a boolean', JSON.stringify({ tasks: { 'grant-type': { placements: {}, attemptsUsed: 0, hintsShown: 0, mistakesShown: 'yes', status: 'active', lastCheck: null } } })],
  ])('corrupted data (%s) starts afresh with a "corrupt" notice, and the next action saves clean data', (_what, raw) => {
    const storage = memoryStorage();
    storage.setItem(storageKeyFor(SET), raw);
    const { store } = setup(storage);
    expect(store.getState().progress).toEqual({});
    expect(store.getState().storageNotice).toBe('corrupt');
    // A second store made before the first is put to use (a render React restarts) still sees the damage.
    expect(createExerciseStore({ set: SET, storage }).getState().storageNotice).toBe('corrupt');
    store.tidyStorage();
    expect(storage.data.has(storageKeyFor(SET))).toBe(false);

    store.getState().dismissStorageNotice();
    expect(store.getState().storageNotice).toBeNull();
    store.getState().place('grant-type', 1, 'client_credentials');
    store.getState().check('grant-type');
    expect(progressOf(store, 'grant-type')?.status).toBe('solved');

    const reloaded = createExerciseStore({ set: SET, storage });
    expect(reloaded.getState().storageNotice).toBeNull();
    expect(progressOf(reloaded, 'grant-type')?.status).toBe('solved');
  });

  it('saved progress for a task the set no longer has is not shown, and not deleted either', () => {
    const storage = memoryStorage();
    const gone = { placements: {}, attemptsUsed: 1, hintsShown: 0, status: 'active', lastCheck: null };
    const saved = {
      v: 2,
      tasks: {
        'gone@abc': gone,
        [itemKeys(SET)[0]!]: { placements: { 1: 'password' }, attemptsUsed: 1, hintsShown: 0, status: 'active', lastCheck: null },
      },
    };
    storage.setItem(storageKeyFor(SET), JSON.stringify(saved));
    const { store } = setup(storage);
    expect(Object.keys(store.getState().progress)).toEqual(['grant-type']);
    expect(left(store, 'grant-type')).toBe(2);
    store.getState().place('content-type', 1, 'text/plain');
    expect(JSON.parse(storage.getItem(storageKeyFor(SET)) ?? '{}').tasks['gone@abc']).toEqual(gone);
  });

  it('storage that throws on setItem: every action still works, and one "unavailable" notice appears', () => {
    const storage = memoryStorage({ failSet: true });
    const { store, events } = setup(storage);
    expect(store.getState().storageNotice).toBeNull();
    wrongCheck(store);
    expect(store.getState().storageNotice).toBe('unavailable');
    store.getState().dismissStorageNotice();
    store.getState().place('grant-type', 1, 'client_credentials');
    store.getState().check('grant-type');
    expect(progressOf(store, 'grant-type')?.status).toBe('solved');
    // Shown once: later failed writes do not bring the notice back.
    expect(store.getState().storageNotice).toBeNull();
    expect(events.filter((e) => e.type === 'checked')).toHaveLength(2);
  });

  it('storage that throws on getItem starts afresh with an "unavailable" notice and works in memory', () => {
    const { store } = setup(memoryStorage({ failGet: true }));
    expect(store.getState().storageNotice).toBe('unavailable');
    wrongCheck(store);
    expect(left(store, 'grant-type')).toBe(2);
  });

  it('no storage at all (an embed that opts out) is not worth a notice', () => {
    const { store } = setup(null);
    wrongCheck(store);
    expect(store.getState().storageNotice).toBeNull();
    expect(left(store, 'grant-type')).toBe(2);
  });

  it('two instances with different storage keys keep separate progress on one storage', () => {
    const storage = memoryStorage();
    const a = createExerciseStore({ set: SET, storage, storageKey: 'page-a' });
    const b = createExerciseStore({ set: SET, storage, storageKey: 'page-b' });
    a.getState().place('grant-type', 1, 'password');
    a.getState().check('grant-type');
    expect(createExerciseStore({ set: SET, storage, storageKey: 'page-b' }).getState().progress).toEqual({});
    expect(b.key).not.toBe(a.key);
  });
});

describe('two stores on one storage (two tabs)', () => {
  function twoTabs() {
    const storage = memoryStorage();
    return { storage, a: createExerciseStore({ set: SET, storage }), b: createExerciseStore({ set: SET, storage }) };
  }

  it("B adopts A's check on sync: attempts used, placements and feedback", () => {
    const { a, b } = twoTabs();
    wrongCheck(a, 'password');
    expect(left(b, 'grant-type')).toBe(3);
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(2);
    expect(progressOf(b, 'grant-type')).toEqual(progressOf(a, 'grant-type'));
  });

  it('a sync never gives back attempts: B keeps its own when it has used more', () => {
    const { a, b } = twoTabs();
    wrongCheck(a, 'password');
    b.syncFromStorage();
    wrongCheck(b, 'refresh_token');
    expect(left(b, 'grant-type')).toBe(1);
    // A has not heard of B's check yet; B hears A's stale entry again (A saved something else).
    a.getState().place('content-type', 1, 'text/plain');
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(1);
    expect(progressOf(b, 'content-type')?.placements).toEqual({ 1: 'text/plain' });
  });

  it('a sync never unlocks a finished task, even when the other tab saved a stale active entry', () => {
    const { a, b } = twoTabs();
    a.getState().place('grant-type', 1, 'password');
    b.syncFromStorage();
    b.getState().place('grant-type', 1, 'client_credentials');
    b.getState().check('grant-type');
    // A saves before B's storage event reaches it: its entry still has grant-type active.
    a.getState().place('content-type', 1, 'text/plain');
    b.syncFromStorage();
    expect(progressOf(b, 'grant-type')?.status).toBe('solved');
    expect(progressOf(b, 'content-type')?.placements).toEqual({ 1: 'text/plain' });
  });

  it('a finished task in the other tab locks it here on sync', () => {
    const { a, b } = twoTabs();
    a.getState().place('grant-type', 1, 'password');
    b.syncFromStorage();
    b.getState().place('grant-type', 1, 'client_credentials');
    b.getState().check('grant-type');
    a.syncFromStorage();
    expect(progressOf(a, 'grant-type')?.status).toBe('solved');
    a.getState().check('grant-type');
    expect(progressOf(a, 'grant-type')?.attemptsUsed).toBe(1);
  });

  it('checking in B after a sync uses the attempts A left, and A sees the task fail', () => {
    const { a, b } = twoTabs();
    wrongCheck(a, 'password');
    wrongCheck(a, 'refresh_token');
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(1);
    wrongCheck(b, 'authorization_code');
    expect(progressOf(b, 'grant-type')?.status).toBe('failed');
    a.syncFromStorage();
    expect(progressOf(a, 'grant-type')?.status).toBe('failed');
    expect(left(a, 'grant-type')).toBe(0);
  });

  it('corrupt data from the other tab is ignored, not adopted', () => {
    const { storage, a, b } = twoTabs();
    wrongCheck(b);
    storage.setItem(a.key, 'garbage');
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(2);
  });

  it('"Reset progress" in one tab resets the other tab on sync', () => {
    const { storage, a, b } = twoTabs();
    wrongCheck(a, 'password');
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(2);
    a.getState().resetSet();
    b.syncFromStorage();
    // The entry is removed, not emptied: a merge with an empty entry would keep B's progress, and B's next
    // save would write it back over A's reset.
    expect(b.getState().progress).toEqual({});
    b.getState().place('content-type', 1, 'text/plain');
    expect(createExerciseStore({ set: SET, storage }).getState().progress['grant-type']).toBeUndefined();
  });

  it('after "Reset progress" the catalogue shows the set as not started', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store);
    expect(summariseSaved(storage, store.key)).toEqual({ solved: 0, failed: 0 });
    store.getState().resetSet();
    expect(store.getState().progress).toEqual({});
    expect(summariseSaved(storage, store.key)).toBeNull();
  });
});

describe('format 1 (saved by the build before format 2)', () => {
  // Captured in Chromium from that build: task 1 checked wrong with a hint, task 2 solved, task 5 half filled.
  const FIXTURE_SET = v1Fixture.set as unknown as ExerciseSet;
  const [[V1_KEY, V1_RAW]] = Object.entries(v1Fixture.localStorage) as [[string, string]];
  const withV1 = (options: { failSet?: boolean } = {}) => {
    const storage = memoryStorage(options);
    storage.data.set(V1_KEY, V1_RAW);
    return storage;
  };

  it('the fixture is keyed as format 1 keyed it: storage key and the whole content hash', () => {
    expect(V1_KEY).toBe(v1KeyFor(FIXTURE_SET));
  });

  it('is restored on load: placements, attempts, hints, feedback and a solved task', () => {
    const store = createExerciseStore({ set: FIXTURE_SET, storage: withV1() });
    const { progress } = store.getState();
    expect(progress).toEqual(JSON.parse(V1_RAW).tasks);
    expect(progress['grant-type']).toMatchObject({ attemptsUsed: 1, hintsShown: 1, lastCheck: { correct: { 1: false } } });
    expect(progress['content-type']?.status).toBe('solved');
    expect(store.getState().storageNotice).toBeNull();
  });

  it('is copied into the snapshot once the store is in use, and only then removed', () => {
    const storage = withV1();
    const store = createExerciseStore({ set: FIXTURE_SET, storage });
    // Creating a store only reads.
    expect(storage.data.get(V1_KEY)).toBe(V1_RAW);
    expect(storage.data.has(store.key)).toBe(false);
    store.tidyStorage();
    expect(storage.data.has(V1_KEY)).toBe(false);
    const reloaded = createExerciseStore({ set: FIXTURE_SET, storage });
    expect(reloaded.getState().progress).toEqual(JSON.parse(V1_RAW).tasks);
  });

  it('is not removed when the snapshot cannot be written', () => {
    const storage = withV1({ failSet: true });
    const store = createExerciseStore({ set: FIXTURE_SET, storage });
    store.tidyStorage();
    expect(storage.data.get(V1_KEY)).toBe(V1_RAW);
    expect(store.getState().progress['content-type']?.status).toBe('solved');
  });

  it('is not removed when part of it could not be copied (a damaged record), and the rest is still restored', () => {
    const storage = memoryStorage();
    const damaged = JSON.stringify({ tasks: { ...JSON.parse(V1_RAW).tasks, 'token-url': { status: 'won' } } });
    storage.data.set(V1_KEY, damaged);
    const store = createExerciseStore({ set: FIXTURE_SET, storage });
    store.tidyStorage();
    expect(storage.data.get(V1_KEY)).toBe(damaged);
    expect(store.getState().progress['content-type']?.status).toBe('solved');
    expect(createExerciseStore({ set: FIXTURE_SET, storage }).getState().progress['grant-type']?.attemptsUsed).toBe(1);
  });

  it('merges with a snapshot already there without giving back attempts', () => {
    const storage = withV1();
    const first = createExerciseStore({ set: FIXTURE_SET, storage });
    first.tidyStorage();
    first.getState().place('grant-type', 1, 'refresh_token');
    first.getState().check('grant-type');
    // An old tab writes format 1 again, from before that check.
    storage.data.set(V1_KEY, V1_RAW);
    const store = createExerciseStore({ set: FIXTURE_SET, storage });
    expect(store.getState().progress['grant-type']).toMatchObject({ attemptsUsed: 2, placements: { 1: 'refresh_token' } });
  });

  it("an entry for other content is left alone (it may be another set's under a shared storage key)", () => {
    const storage = withV1();
    const edited = { ...FIXTURE_SET, title: 'Edited' };
    createExerciseStore({ set: edited, storage }).tidyStorage();
    expect(storage.data.get(V1_KEY)).toBe(V1_RAW);
  });
});

describe('two sets under one storage key (the README\'s storageKey: "week3")', () => {
  const OTHER = (() => {
    const result = loadExerciseSet(JSON.parse(readFileSync(new URL('../../exercises/python-indexing-and-slicing.json', import.meta.url), 'utf8')));
    if (!result.ok) throw new Error('the python set does not load');
    return result.set;
  })();

  it("mounting one never deletes the other's progress", () => {
    const storage = memoryStorage();
    const oauth = createExerciseStore({ set: SET, storage, storageKey: 'week3' });
    oauth.tidyStorage();
    wrongCheck(oauth);

    const python = createExerciseStore({ set: OTHER, storage, storageKey: 'week3' });
    python.tidyStorage();
    const first = OTHER.tasks[0]!;
    python.getState().hint(first.id);
    expect(python.key).not.toBe(oauth.key);

    // Both reloaded, each tidied again: both still have their progress.
    const oauthAgain = createExerciseStore({ set: SET, storage, storageKey: 'week3' });
    oauthAgain.tidyStorage();
    const pythonAgain = createExerciseStore({ set: OTHER, storage, storageKey: 'week3' });
    pythonAgain.tidyStorage();
    expect(createExerciseStore({ set: SET, storage, storageKey: 'week3' }).getState().progress['grant-type']?.attemptsUsed).toBe(1);
    expect(createExerciseStore({ set: OTHER, storage, storageKey: 'week3' }).getState().progress[first.id]?.hintsShown).toBe(1);
  });
});

describe('modes', () => {
  it('format 1 (practice only) is migrated into practice, never into another mode', () => {
    const storage = memoryStorage();
    const [[key, raw]] = Object.entries(v1Fixture.localStorage) as [[string, string]];
    storage.setItem(key, raw);
    const exam = createExerciseStore({ set: v1Fixture.set as unknown as ExerciseSet, storage, mode: 'exam' });
    exam.tidyStorage();
    expect(exam.getState().progress).toEqual({});
    expect(storage.getItem(key)).toBe(raw);
  });

  it('each mode keeps its own progress: an exam never spends practice attempts', () => {
    const storage = memoryStorage();
    const exam = createExerciseStore({ set: SET, storage, mode: 'exam' });
    wrongCheck(exam);
    expect(exam.key).toBe(storageKeyFor(SET, undefined, 'exam'));
    expect(createExerciseStore({ set: SET, storage }).getState().progress).toEqual({});
    expect(createExerciseStore({ set: SET, storage, mode: 'exam' }).getState().progress['grant-type']?.attemptsUsed).toBe(1);
  });
});

describe('what an action changes', () => {
  it('a placement in task 1 keeps the progress object of a checked task 2 loaded from storage (its card does not re-render)', () => {
    const storage = memoryStorage();
    const { store: before } = setup(storage);
    before.getState().place('content-type', 1, 'text/plain');
    before.getState().check('content-type');

    const store = createExerciseStore({ set: SET, storage });
    const task2 = progressOf(store, 'content-type');
    expect(task2?.attemptsUsed).toBe(1);
    store.getState().place('grant-type', 1, 'password');
    store.getState().check('grant-type');
    store.getState().place('requests-post', 1, 'client_credentials');
    expect(progressOf(store, 'content-type')).toBe(task2);
  });

  it("another tab's change to task 1 keeps this tab's task 2 object too", () => {
    const storage = memoryStorage();
    const a = createExerciseStore({ set: SET, storage });
    const b = createExerciseStore({ set: SET, storage });
    b.getState().place('content-type', 1, 'text/plain');
    b.getState().check('content-type');
    a.syncFromStorage();
    const task2 = progressOf(a, 'content-type');
    b.getState().place('grant-type', 1, 'password');
    a.syncFromStorage();
    expect(progressOf(a, 'grant-type')?.placements).toEqual({ 1: 'password' });
    expect(progressOf(a, 'content-type')).toBe(task2);
  });
});

describe('resetting some tasks', () => {
  it('resets only the tasks named, says so in a reset event, and keeps the others', () => {
    const { store, events } = setup();
    wrongCheck(store);
    store.getState().place('content-type', 1, 'text/plain');
    const kept = progressOf(store, 'content-type');
    events.length = 0;
    store.getState().resetSet(['grant-type']);
    expect(progressOf(store, 'grant-type')).toBeUndefined();
    expect(left(store, 'grant-type')).toBe(3);
    expect(progressOf(store, 'content-type')).toBe(kept);
    expect(events).toEqual([{ type: 'reset', setId: SET.id, mode: 'practice', taskIds: ['grant-type'], time: 1_700_000_000_000 }]);
  });

  it('without task ids resets every task, and names them all', () => {
    const { store, events } = setup();
    wrongCheck(store);
    store.getState().resetSet();
    expect(events.at(-1)).toMatchObject({ type: 'reset', taskIds: SET.tasks.map((t) => t.id) });
    expect(store.getState().progress).toEqual({});
  });

  it('another tab learns of the reset explicitly, and its stale progress never comes back', () => {
    const storage = memoryStorage();
    const a = createExerciseStore({ set: SET, storage });
    const b = createExerciseStore({ set: SET, storage });
    wrongCheck(a);
    wrongCheck(a, 'refresh_token');
    a.getState().place('content-type', 1, 'text/plain');
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(1);

    a.getState().resetSet(['grant-type']);
    // A places again after the reset; B, which missed both, acts on another task before hearing of them.
    a.getState().place('grant-type', 1, 'password');
    b.getState().place('requests-post', 1, 'client_credentials');
    const reloaded = createExerciseStore({ set: SET, storage });
    expect(progressOf(reloaded, 'grant-type')).toMatchObject({ placements: { 1: 'password' }, attemptsUsed: 0 });
    expect(progressOf(reloaded, 'content-type')?.placements).toEqual({ 1: 'text/plain' });
    b.syncFromStorage();
    expect(left(b, 'grant-type')).toBe(3);
  });
});

describe('the attempt log', () => {
  it('keeps each graded check and each hint, keyed by set, task and the task\'s content hash', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    store.getState().place('grant-type', 1, 'client_credentials');
    store.getState().check('grant-type');
    store.getState().check('grant-type'); // refused: finished, no line
    wrongCheck(store); // locked: no line either
    store.getState().hint('requests-post');
    store.getState().place('requests-post', 1, 'client_credentials');
    store.getState().place('requests-post', 2, 'your_client_id');
    store.getState().place('requests-post', 3, 'authorization_code');
    store.getState().check('requests-post');
    const items = itemKeys(SET);
    const t = 1_700_000_000_000;
    expect(readLog(storage, logKeyFor(SET.id))).toEqual({
      [`${SET.id}/${items[0]}`]: [{ t, m: 'practice', r: { 1: 'client_credentials' }, c: { 1: true }, s: true }],
      [`${SET.id}/${items[4]}`]: [
        { t, m: 'practice', h: 1 },
        { t, m: 'practice', r: { 1: 'client_credentials', 2: 'your_client_id', 3: 'authorization_code' }, c: { 1: true, 2: true, 3: false }, s: false },
      ],
    });
  });

  it('a reset leaves the log as it was', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store);
    const log = storage.getItem(logKeyFor(SET.id));
    store.getState().resetSet();
    expect(storage.getItem(logKeyFor(SET.id))).toBe(log);
  });
});

describe('every mode through the one store', () => {
  const exam = (storage: KeyValueStorage = memoryStorage(), clock = { t: 1_000 }) => {
    const store = createExerciseStore({ set: SET, rules: MODES.exam, rounds: ROUNDS, storage, now: () => clock.t });
    const events: ExerciseEvent[] = [];
    store.subscribeEvents((event) => events.push(event));
    return { store, events, storage, clock };
  };

  it('each mode keeps its own progress: an exam never spends practice attempts', () => {
    const storage = memoryStorage();
    const practice = createExerciseStore({ set: SET, storage });
    const { store } = exam(storage);
    store.getState().place('grant-type', 1, 'password');
    store.getState().check('grant-type');
    expect(progressOf(store, 'grant-type')).toMatchObject({ status: 'failed', attemptsUsed: 1 });
    practice.syncFromStorage();
    expect(progressOf(practice, 'grant-type')).toBeUndefined();
    expect(storage.getItem(storageKeyFor(SET, undefined, 'exam'))).toContain('password');
    expect(storage.getItem(storageKeyFor(SET))).toBeNull();
  });

  it('an exam check reports no verdict to the page until the round is submitted, then completes with the score', () => {
    const { store, events, clock } = exam();
    store.getState().startRound(10 * 60_000);
    for (const task of SET.tasks) {
      const answer = task.answers['1'];
      store.getState().place(task.id, 1, Array.isArray(answer) ? answer[0]! : answer!);
      for (const [blank, a] of Object.entries(task.answers)) store.getState().place(task.id, Number(blank), Array.isArray(a) ? a[0]! : a);
      store.getState().check(task.id);
    }
    expect(events.some((e) => e.type === 'completed')).toBe(false);
    clock.t += 90_000;
    store.getState().submitRound();
    expect(events.at(-1)).toMatchObject({ type: 'completed', mode: 'exam', score: { solved: SET.tasks.length, total: SET.tasks.length } });
    expect(store.getState().history).toEqual([{ at: 91_000, solved: SET.tasks.length, total: SET.tasks.length, ms: 90_000 }]);
    // Submitting twice records one result.
    store.getState().submitRound();
    expect(store.getState().history).toHaveLength(1);
  });

  it('a round and its results survive a reload; a retake starts every task afresh and keeps the results', () => {
    const storage = memoryStorage();
    const first = exam(storage);
    first.store.getState().startRound(null);
    wrongCheck(first.store);
    first.store.getState().submitRound();
    const round = first.store.getState().round;
    const again = exam(storage);
    expect(again.store.getState().round).toEqual(round);
    expect(again.store.getState().history).toHaveLength(1);
    expect(progressOf(again.store, 'grant-type')).toMatchObject({ status: 'failed' });
    again.clock.t = 5_000;
    again.store.getState().startRound(20 * 60_000);
    expect(again.store.getState().round).toMatchObject({ startedAt: 5_000, limitMs: 20 * 60_000, submittedAt: null });
    expect(again.store.getState().progress).toEqual({});
    expect(again.store.getState().history).toHaveLength(1);
  });

  it('keeps the ten newest results, newest first', () => {
    const { store, clock } = exam();
    for (let i = 0; i < 12; i++) {
      clock.t = 1_000 * (i + 1);
      store.getState().startRound(null);
      store.getState().submitRound();
    }
    expect(store.getState().history.map((r) => r.at)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((n) => n * 1_000));
  });

  it('respond applies a change a mode computes: one part set, refused or emptied, with its events and log', () => {
    const storage = memoryStorage();
    const store = createExerciseStore({ set: SET, rules: MODES.pick, interaction: SELECT, storage });
    const events: ExerciseEvent[] = [];
    store.subscribeEvents((e) => events.push(e));
    const choose = (value: string | null) => store.getState().respond('grant-type', (task, p) => setPart(task, p, 1, value, SELECT));
    choose('password');
    expect(progressOf(store, 'grant-type')?.placements).toEqual({ 1: 'password' });
    expect(events).toMatchObject([{ type: 'placed', mode: 'pick', blank: 1, option: 'password' }]);
    choose('not an option');
    expect(progressOf(store, 'grant-type')?.placements).toEqual({ 1: 'password' });
    choose(null);
    expect(progressOf(store, 'grant-type')?.placements).toEqual({});
    expect(events).toHaveLength(2);
  });

  it('help taken through respond is kept once per token, counted as help and logged', () => {
    const storage = memoryStorage();
    const store = createExerciseStore({ set: SET, rules: MODES.order, storage });
    const aid = () => store.getState().respond('grant-type', (_, p) => ({ ok: true, progress: p.aids?.includes('drop:3') ? p : { ...p, aids: [...(p.aids ?? []), 'drop:3'] } }));
    aid();
    aid();
    expect(progressOf(store, 'grant-type')?.aids).toEqual(['drop:3']);
    expect(Object.values(readLog(storage, logKeyFor(SET.id))).flat()).toMatchObject([{ m: 'order', a: 'drop:3' }]);
  });

  it('line order plays only the tasks of three lines or more', () => {
    const store = createExerciseStore({ set: SET, rules: MODES.order, storage: null });
    const long = SET.tasks.filter((t) => (typeof t.code === 'string' ? t.code.split('\n') : t.code).filter((l) => l.trim()).length >= 3);
    expect(store.getState().set.tasks.map((t) => t.id)).toEqual(long.map((t) => t.id));
  });
});

describe('progress saved by the build before the learning modes (format 2, aa85f8d)', () => {
  const load = () => {
    const storage = memoryStorage();
    for (const [key, value] of Object.entries(v2Fixture.localStorage)) storage.setItem(key, value);
    return storage;
  };
  const set = v2Fixture.set as unknown as ExerciseSet;

  it('comes back whole in practice, and the next check adds to its attempt log', () => {
    const storage = load();
    const store = createExerciseStore({ set, storage, now: () => 1_800_000_000_000 });
    expect(store.getState().storageNotice).toBeNull();
    expect(progressOf(store, 'grant-type')).toMatchObject({ placements: { 1: 'password' }, attemptsUsed: 1, hintsShown: 1, status: 'active', lastCheck: { correct: { 1: false } } });
    expect(progressOf(store, 'content-type')).toMatchObject({ status: 'solved', attemptsUsed: 1 });
    expect(progressOf(store, 'requests-post')?.placements).toEqual({ 2: 'your_client_id' });
    const logKey = logKeyFor(set.id);
    const before = Object.values(readLog(storage, logKey)).flat().length;
    store.getState().place('grant-type', 1, 'client_credentials');
    store.getState().check('grant-type');
    expect(progressOf(store, 'grant-type')).toMatchObject({ status: 'solved', attemptsUsed: 2, hintsShown: 1 });
    expect(Object.values(readLog(storage, logKey)).flat()).toHaveLength(before + 1);
    // The other tasks' records are written back as they were.
    const again = createExerciseStore({ set, storage });
    expect(progressOf(again, 'content-type')).toEqual(progressOf(store, 'content-type'));
  });

  it('is left alone by the other modes, each of which starts afresh under its own key', () => {
    const storage = load();
    const saved = storage.getItem(storageKeyFor(set));
    const exam = createExerciseStore({ set, rules: MODES.exam, rounds: ROUNDS, storage });
    expect(exam.getState().progress).toEqual({});
    exam.getState().startRound(null);
    exam.getState().place('grant-type', 1, 'password');
    exam.getState().check('grant-type');
    expect(storage.getItem(storageKeyFor(set))).toBe(saved);
  });
});
