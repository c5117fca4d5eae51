/** The seed set on a page in one learning mode, as the site renders it: the mode's chunk provides its view and interaction. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MODES, type ModeId } from '../engine/modes.ts';
import { ExerciseProvider } from '../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../hooks/use-exercise-instance.ts';
import { ModeViewProvider } from '../components/mode-view.tsx';
import { SetView } from '../components/set-view.tsx';
import type { ModeModule } from '../modes/registry.ts';
import type { Strings } from '../i18n/table.ts';
import type { KeyValueStorage } from '../store/persistence.ts';
import { memoryStorage } from './memory-storage.ts';
import { SEED_SET } from './fixtures.tsx';

export function renderMode(mode: ModeId, module: ModeModule, { storage = memoryStorage(), strings }: { storage?: KeyValueStorage | null; strings?: Strings } = {}) {
  function Page() {
    const store = useExerciseInstance(SEED_SET, { storage, rules: MODES[mode], interaction: module.interaction, rounds: module.rounds });
    return (
      <ExerciseProvider store={store} strings={strings}>
        <ModeViewProvider value={module.view}>
          <SetView />
        </ModeViewProvider>
      </ExerciseProvider>
    );
  }
  const user = userEvent.setup();
  const view = render(<Page />);
  return { user, storage, unmount: view.unmount };
}
