/**
 * The React binding: a provider per exercise instance (zustand's "initialize state with props" recipe)
 * and narrow-selector hooks, so a blank re-renders when that blank changes and not when another does.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ExerciseState, ExerciseStore } from '../store/exercise-store.ts';
import { en } from '../i18n/strings.ts';
import type { PageStrings } from '../i18n/table.ts';

const StoreContext = createContext<ExerciseStore | null>(null);
const StringsContext = createContext<PageStrings>(en);

export function ExerciseProvider({
  store,
  strings = en,
  children,
}: {
  store: ExerciseStore;
  strings?: PageStrings;
  children: ReactNode;
}) {
  return (
    <StoreContext.Provider value={store}>
      <StringsContext.Provider value={strings}>{children}</StringsContext.Provider>
    </StoreContext.Provider>
  );
}

/** The instance's store itself, for effects that subscribe to its events. */
export function useExerciseStoreApi(): ExerciseStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useExercise* hooks need an <ExerciseProvider> above them');
  return store;
}

/** Selects one slice of the instance's state; re-renders only when that slice changes. */
export function useExercise<T>(selector: (state: ExerciseState) => T): T {
  return useStore(useExerciseStoreApi(), selector);
}

export function useStrings(): PageStrings {
  return useContext(StringsContext);
}
