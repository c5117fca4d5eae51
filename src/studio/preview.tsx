/**
 * The live preview: the learner's own components (ExerciseProvider + SetView) over an in-memory store
 * (storage null: a preview never touches the learner's saved progress). A new store per valid text, so
 * the preview is always what a learner opening the file would see.
 *
 * `rules` is the mode (practice today); when more modes exist, the studio passes the chosen one here
 * and nothing else changes.
 */
import { useEffect, useState } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { PRACTICE, type Rules } from '../engine/grading.ts';
import { createExerciseStore } from '../store/exercise-store.ts';
import { ExerciseProvider } from '../hooks/exercise-context.tsx';
import { SetView } from '../components/set-view.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { loadLanguages } from '../components/code/highlight.ts';

export function Preview({ set, rules = PRACTICE, phone }: { set: ExerciseSet | null; rules?: Rules; phone: boolean }) {
  return (
    <section className={`studio-preview${phone ? ' studio-preview--phone' : ''}`} aria-labelledby="studio-preview-title">
      <h2 id="studio-preview-title">Preview</h2>
      <div className="studio-preview-frame" data-width={phone ? 'phone' : 'desktop'}>
        {set ? (
          <ErrorBoundary fallback={<p role="alert">This set could not be shown.</p>}>
            <PreviewSet set={set} rules={rules} />
          </ErrorBoundary>
        ) : (
          <p className="studio-note">The preview shows the set once the JSON is valid. The problems are listed beside the editor.</p>
        )}
      </div>
    </section>
  );
}

function PreviewSet({ set, rules }: { set: ExerciseSet; rules: Rules }) {
  // Keyed by the caller on the set's text: one store per version of the set.
  const [store] = useState(() => createExerciseStore({ set, rules, storage: null }));
  useEffect(() => {
    void loadLanguages(set.tasks.map((t) => t.language));
  }, [set]);
  return (
    <ExerciseProvider store={store}>
      <SetView titleLevel={2} />
    </ExerciseProvider>
  );
}
