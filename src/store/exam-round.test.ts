// @vitest-environment node
// The store's timed rounds (an exam): a retake's order, and the result a submission records.
import { MODES } from '../engine/modes.ts';
import { seededShuffle } from '../engine/seeded.ts';
import { SEED_SET } from '../test-support/fixtures.tsx';
import { memoryStorage } from '../test-support/memory-storage.ts';
import { createExerciseStore } from './exercise-store.ts';
import { ROUNDS } from './rounds.ts';

const T0 = 1_700_000_000_000;

function examStore(clock: { now: number }, storage = memoryStorage()) {
  return createExerciseStore({ set: SEED_SET, rules: MODES.exam, rounds: ROUNDS, storage, now: () => clock.now });
}

const order = (seed: number) => seededShuffle(SEED_SET.tasks, seed).map((t) => t.id).join();

describe('an exam round in the store', () => {
  it('gives every retake a task order other than the last round’s, even when chance draws the same seed', () => {
    // The worst luck: the same random draw every time.
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    const clock = { now: T0 };
    const store = examStore(clock);
    let last = '';
    for (let round = 0; round < 30; round += 1) {
      store.getState().startRound(null);
      const now = order(store.getState().round!.seed);
      expect(now).not.toBe(last);
      last = now;
      store.getState().submitRound();
    }
    vi.restoreAllMocks();
  });

  it('records a round submitted long after its limit as ended at the limit', () => {
    const clock = { now: T0 };
    const store = examStore(clock);
    store.getState().startRound(10 * 60_000);
    store.getState().place('grant-type', 1, 'client_credentials');
    store.getState().check('grant-type');
    clock.now = T0 + 3 * 60 * 60_000;
    store.getState().submitRound();
    expect(store.getState().history).toEqual([{ at: T0 + 10 * 60_000, solved: 1, total: 5, ms: 10 * 60_000 }]);
    expect(store.getState().round?.submittedAt).toBe(T0 + 10 * 60_000);
  });

  it('records no negative time when the clock went back, and keeps the ten newest results, newest first', () => {
    const clock = { now: T0 };
    const store = examStore(clock);
    store.getState().startRound(null);
    clock.now = T0 - 5000;
    store.getState().submitRound();
    expect(store.getState().history[0]).toMatchObject({ ms: 0 });
    for (let i = 1; i <= 12; i += 1) {
      clock.now = T0 + i * 60_000;
      store.getState().startRound(null);
      clock.now += 1000;
      store.getState().submitRound();
    }
    const ats = store.getState().history.map((r) => r.at);
    expect(ats).toHaveLength(10);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(ats[0]).toBe(T0 + 12 * 60_000 + 1000);
  });
});
