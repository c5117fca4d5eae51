/**
 * The live preview: the learner's own components (ExerciseProvider + SetView) over an in-memory store
 * (storage null: a preview never touches the learner's saved progress), in any mode the site offers,
 * through the site's own registry (src/modes/registry.ts). A new store per valid text, so the preview is
 * always what a learner opening the file in that mode would see.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { MODES, modeAvailable, type ModeId } from '../engine/modes.ts';
import { BUILT_MODES, loadMode } from '../modes/load.ts';
import type { ModeModule } from '../modes/registry.ts';
import { createExerciseStore, type ExerciseStore } from '../store/exercise-store.ts';
import { ExerciseProvider, useStrings } from '../hooks/exercise-context.tsx';
import { ModeViewProvider } from '../components/mode-view.tsx';
import { SetView } from '../components/set-view.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { loadLanguages } from '../components/code/highlight.ts';

// The picker's names for the modes it knows (src/app/mode-picker.tsx, which the studio may not import);
// a mode added since shows its id, capitalised, until it is named here.
const NAMES: Partial<Record<string, string>> = { practice: 'Practice', typed: 'Type it', pick: 'Pick', order: 'Line order', exam: 'Exam' };
export const modeName = (mode: ModeId): string => NAMES[mode] ?? mode.charAt(0).toUpperCase() + mode.slice(1);

/** The modes the site would offer for this set (all that are built, when there is no valid set yet). */
export function previewModes(set: ExerciseSet | null): readonly ModeId[] {
  return set ? BUILT_MODES.filter((mode) => modeAvailable(MODES[mode], set)) : BUILT_MODES;
}

type Loaded = { readonly mode: ModeId; readonly module: ModeModule | null };

/** The chosen mode's chunk, as the set page loads it; null when it could not be fetched. */
export function useModeModule(mode: ModeId): Loaded | undefined {
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    let live = true;
    loadMode(mode).then(
      (module) => live && setLoaded({ mode, module }),
      () => live && setLoaded({ mode, module: null }),
    );
    return () => {
      live = false;
    };
  }, [mode]);
  return loaded?.mode === mode ? loaded : undefined;
}

export function Preview({ set, mode, loaded, phone }: { set: ExerciseSet | null; mode: ModeId; loaded: Loaded | undefined; phone: boolean }) {
  let body;
  if (!set) body = <p className="studio-note">The preview shows the set once the JSON is valid. The problems are listed beside the editor.</p>;
  else if (!loaded) body = <p aria-busy="true">Loading…</p>;
  else if (!loaded.module) body = <p role="alert">{modeName(mode)} could not be loaded: check the connection and choose it again.</p>;
  else
    body = (
      <ErrorBoundary fallback={<p role="alert">This set could not be shown.</p>}>
        <PreviewSet set={set} mode={mode} module={loaded.module} />
      </ErrorBoundary>
    );
  return (
    <section className={`studio-preview${phone ? ' studio-preview--phone' : ''}`} aria-labelledby="studio-preview-title">
      <h2 id="studio-preview-title">Preview</h2>
      <div className="studio-preview-frame" data-width={phone ? 'phone' : 'desktop'}>
        {body}
      </div>
    </section>
  );
}

function PreviewSet({ set, mode, module }: { set: ExerciseSet; mode: ModeId; module: ModeModule }) {
  // Keyed by the caller on the set's text and the mode: one store per version of the set, as the set page makes it.
  const [store] = useState(() => createExerciseStore({ set, rules: MODES[mode], interaction: module.interaction, rounds: module.rounds, storage: null }));
  useEffect(() => {
    void loadLanguages(set.tasks.map((t) => t.language));
  }, [set]);
  return (
    <ExerciseProvider store={store}>
      <ModeWords store={store} module={module} />
    </ExerciseProvider>
  );
}

/**
 * A mode may say some shared words its own way (line order's parts are lines), as on the set page: laid
 * over the provider's own words. (Read from the provider, not imported: every name the studio imports
 * from the page's entry is one more export on every learner's page.)
 */
function ModeWords({ store, module }: { store: ExerciseStore; module: ModeModule }) {
  const base = useStrings();
  const strings = useMemo(() => ({ ...base, ...module.view.strings?.(base.lang) }), [base, module]);
  return (
    <ExerciseProvider store={store} strings={strings}>
      <ModeViewProvider value={module.view}>
        <SetView titleLevel={2} />
      </ModeViewProvider>
    </ExerciseProvider>
  );
}
