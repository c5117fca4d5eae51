// @vitest-environment node
import { readFileSync } from 'node:fs';
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { ExerciseEvent } from './events.ts';
import { createExerciseStore, taskLimits, type ExerciseStore } from './exercise-store.ts';
import { storageKeyFor, summariseSaved, type KeyValueStorage } from './persistence.ts';
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

  it('keys progress by the set content: an edited set starts afresh and the stale entry is removed', () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    wrongCheck(store);
    const oldKey = store.key;
    expect(oldKey).toBe(storageKeyFor(SET));

    const edited: ExerciseSet = { ...SET, title: `${SET.title} (edited)` };
    const next = createExerciseStore({ set: edited, storage });
    expect(next.key).not.toBe(oldKey);
    expect(next.getState().progress).toEqual({});
    expect(next.getState().storageNotice).toBeNull();
    // Creating a store only reads; the stale entry goes when the store is put to use.
    expect(storage.data.has(oldKey)).toBe(true);
    next.tidyStorage();
    expect(storage.data.has(oldKey)).toBe(false);
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

  it('saved progress for a task the set no longer has is dropped, the rest kept', () => {
    const storage = memoryStorage();
    const saved = {
      tasks: {
        gone: { placements: {}, attemptsUsed: 1, hintsShown: 0, status: 'active', lastCheck: null },
        'grant-type': { placements: { 1: 'password' }, attemptsUsed: 1, hintsShown: 0, status: 'active', lastCheck: null },
      },
    };
    storage.setItem(storageKeyFor(SET), JSON.stringify(saved));
    const { store } = setup(storage);
    expect(Object.keys(store.getState().progress)).toEqual(['grant-type']);
    expect(left(store, 'grant-type')).toBe(2);
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
