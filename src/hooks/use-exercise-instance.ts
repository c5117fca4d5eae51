/**
 * Creates one store per mounted exercise (never a module singleton) and keeps it in step with other
 * tabs through the window's `storage` event.
 */
import { useEffect, useState } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { createExerciseStore, type ExerciseStore, type ExerciseStoreOptions } from '../store/exercise-store.ts';
import { browserStorage } from '../store/persistence.ts';

export function useExerciseInstance(set: ExerciseSet, options: Omit<ExerciseStoreOptions, 'set'> = {}): ExerciseStore {
  // The store lives as long as this component; a new set means a new component (keyed by the caller).
  const [store] = useState(() => createExerciseStore({ storage: browserStorage(), ...options, set }));
  useEffect(() => store.tidyStorage(), [store]);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === store.key || event.key === null) store.syncFromStorage();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);
  return store;
}
