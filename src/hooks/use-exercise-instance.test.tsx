// One store per mounted exercise, kept in step with other tabs through the window's `storage` event.
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import seedJson from '../../exercises/oauth2-client-credentials.json';
import { loadExerciseSet } from '../engine/load-set.ts';
import { createExerciseStore, type ExerciseStore } from '../store/exercise-store.ts';
import { ExerciseProvider } from './exercise-context.tsx';
import { useExerciseInstance } from './use-exercise-instance.ts';
import { useAttempts, useBlank, useOption, useScore } from './use-task.ts';

const loaded = loadExerciseSet(seedJson);
if (!loaded.ok) throw new Error(`the seed set does not load: ${JSON.stringify(loaded.issues)}`);
const SET = loaded.set;

beforeEach(() => localStorage.clear());

/** What another tab does: writes through its own store, then the browser tells this window. */
function otherTab(act: (store: ExerciseStore) => void, key?: string | null) {
  const other = createExerciseStore({ set: SET, storage: localStorage });
  act(other);
  window.dispatchEvent(new StorageEvent('storage', { key: key === undefined ? other.key : key, storageArea: localStorage }));
  return other;
}

const wrongCheck = (store: ExerciseStore, option = 'password') => {
  store.getState().place('grant-type', 1, option);
  store.getState().check('grant-type');
};

describe('useExerciseInstance', () => {
  it('keeps one store for the life of the component', () => {
    const { result, rerender } = renderHook(() => useExerciseInstance(SET));
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });

  it("saves to the page's localStorage by default, so a remount restores the progress", () => {
    const { result, unmount } = renderHook(() => useExerciseInstance(SET));
    act(() => wrongCheck(result.current));
    unmount();
    const again = renderHook(() => useExerciseInstance(SET)).result.current;
    expect(again.getState().progress['grant-type']).toMatchObject({ attemptsUsed: 1, placements: { 1: 'password' } });
  });

  it("adopts another tab's check when the storage event names its key", () => {
    const { result } = renderHook(() => useExerciseInstance(SET));
    act(() => {
      otherTab((store) => wrongCheck(store));
    });
    expect(result.current.getState().progress['grant-type']?.attemptsUsed).toBe(1);
  });

  it('ignores storage events for other keys', () => {
    const { result } = renderHook(() => useExerciseInstance(SET));
    act(() => {
      otherTab((store) => wrongCheck(store), 'someone-else:key');
    });
    expect(result.current.getState().progress).toEqual({});
  });

  it('a checked task here keeps its attempts when the other tab saved fewer', () => {
    // A tab opened before these checks, that never heard of them.
    const stale = createExerciseStore({ set: SET, storage: localStorage });
    const { result } = renderHook(() => useExerciseInstance(SET));
    act(() => {
      wrongCheck(result.current, 'password');
      wrongCheck(result.current, 'refresh_token');
    });
    act(() => {
      wrongCheck(stale, 'authorization_code');
      window.dispatchEvent(new StorageEvent('storage', { key: stale.key }));
    });
    expect(result.current.getState().progress['grant-type']?.attemptsUsed).toBe(2);
  });

  it('another tab clearing all storage (key null) starts this one afresh', () => {
    const { result } = renderHook(() => useExerciseInstance(SET));
    act(() => wrongCheck(result.current));
    act(() => {
      localStorage.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: null }));
    });
    expect(result.current.getState().progress).toEqual({});
  });

  it('stops listening once unmounted', () => {
    const { result, unmount } = renderHook(() => useExerciseInstance(SET));
    const store = result.current;
    unmount();
    otherTab((other) => wrongCheck(other));
    expect(store.getState().progress).toEqual({});
  });
});

describe('the narrow task hooks', () => {
  function withStore() {
    const store = createExerciseStore({ set: SET, storage: null });
    const wrapper = ({ children }: { children: ReactNode }) => <ExerciseProvider store={store}>{children}</ExerciseProvider>;
    return { store, wrapper };
  }

  it('useBlank follows the placement, its feedback and the lock', () => {
    const { store, wrapper } = withStore();
    const { result } = renderHook(() => useBlank('grant-type', 1), { wrapper });
    expect(result.current).toEqual({ option: undefined, feedback: undefined, selected: false, locked: false });
    act(() => store.getState().selectBlank('grant-type', 1));
    expect(result.current.selected).toBe(true);
    act(() => wrongCheck(store));
    expect(result.current).toEqual({ option: 'password', feedback: false, selected: false, locked: false });
    act(() => store.getState().place('grant-type', 1, 'client_credentials'));
    expect(result.current.feedback).toBeUndefined();
    act(() => store.getState().check('grant-type'));
    expect(result.current).toEqual({ option: 'client_credentials', feedback: true, selected: false, locked: true });
  });

  it('useOption says which blank holds it', () => {
    const { store, wrapper } = withStore();
    const { result } = renderHook(() => useOption('requests-post', 'your_client_id', false), { wrapper });
    act(() => store.getState().place('requests-post', 3, 'your_client_id'));
    expect(result.current.placedIn).toBe(3);
    act(() => store.getState().clear('requests-post', 3));
    expect(result.current.placedIn).toBeUndefined();
  });

  it('useAttempts and useScore count down and up', () => {
    const { store, wrapper } = withStore();
    const { result } = renderHook(() => ({ attempts: useAttempts('grant-type'), score: useScore() }), { wrapper });
    expect(result.current.attempts).toEqual({ max: 3, left: 3 });
    act(() => wrongCheck(store));
    expect(result.current.attempts).toEqual({ max: 3, left: 2 });
    act(() => {
      store.getState().place('grant-type', 1, 'client_credentials');
      store.getState().check('grant-type');
    });
    expect(result.current.score).toMatchObject({ solved: 1, attemptsUsed: 2, complete: false });
  });

  it('the hooks outside a provider say what is missing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useScore())).toThrow(/ExerciseProvider/);
    vi.restoreAllMocks();
  });
});
