/**
 * What the component tests share: the seed set as the app loads it, and a page rendered the way the
 * site renders one.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import seedJson from '../../exercises/oauth2-client-credentials.json';
import { loadExerciseSet } from '../engine/load-set.ts';
import { ExerciseProvider } from '../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../hooks/use-exercise-instance.ts';
import type { KeyValueStorage } from '../store/persistence.ts';
import { memoryStorage } from './memory-storage.ts';
import { SetView } from '../components/set-view.tsx';

const loaded = loadExerciseSet(seedJson);
if (!loaded.ok) throw new Error(`the seed set does not load: ${JSON.stringify(loaded.issues)}`);
/** exercises/oauth2-client-credentials.json, parsed and checked. */
export const SEED_SET = loaded.set;

/**
 * The seed set on a page, with one store made the way the site makes it (components may not import the
 * store module, so the page goes through useExerciseInstance). `storage: null` keeps it in memory;
 * `taskIds` shows only those tasks, as an embed's `task` does; `set` replaces the seed set (a variant of
 * it, say).
 */
export function renderSet(storage: KeyValueStorage | null = memoryStorage(), taskIds?: readonly string[], set = SEED_SET) {
  function Page() {
    const store = useExerciseInstance(set, { storage });
    return (
      <ExerciseProvider store={store}>
        <SetView taskIds={taskIds} />
      </ExerciseProvider>
    );
  }
  const user = userEvent.setup();
  const view = render(<Page />);
  return { user, storage, unmount: view.unmount };
}
