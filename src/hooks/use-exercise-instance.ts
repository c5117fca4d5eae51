/**
 * Creates one store per mounted exercise (never a module singleton), tidies its saved entry once it is
 * in use, and keeps it in step with other tabs (followOtherTabs).
 */
import { useEffect, useState } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { createExerciseStore, followOtherTabs, type ExerciseStore, type ExerciseStoreOptions } from '../store/exercise-store.ts';
import { browserStorage } from '../store/persistence.ts';

export function useExerciseInstance(set: ExerciseSet, options: Omit<ExerciseStoreOptions, 'set'> = {}): ExerciseStore {
  // The store lives as long as this component; a new set means a new component (keyed by the caller).
  const [store] = useState(() => createExerciseStore({ storage: browserStorage(), ...options, set }));
  useEffect(() => {
    store.tidyStorage();
    return followOtherTabs(store);
  }, [store]);
  return store;
}
