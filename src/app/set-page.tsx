/** A set's page: loads a bundled set and renders it; a set that failed validation says why, in place. */
import { lazy, startTransition, useEffect, useState } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { ExerciseProvider } from '../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../hooks/use-exercise-instance.ts';
import { SetView } from '../components/set-view.tsx';
import { loadFeedback } from '../components/task-card.tsx';
import { browserStorage } from '../store/persistence.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { loadLanguages } from '../components/code/highlight.ts';
import { en, forPointer } from '../i18n/strings.ts';
import { fetchBundledSet, type BundledSet } from './bundled-sets.ts';
import { liveSession, onExerciseSaved } from './live-reload.ts';

const cannotShow = <p role="alert">This exercise set could not be shown.</p>;

// Read once, when the page loads: a touch screen's instructions say "tap".
const strings = forPointer(en);

export function SetPage({ id, hash }: { id: string; hash: string }) {
  const [result, setResult] = useState<BundledSet | null>(null);
  useEffect(() => {
    let live = true;
    // Saved progress may show feedback at once: with anything saved in this browser its code loads
    // beside the set, so nothing shifts after (a first visit has nothing saved and fetches none of it).
    const load = () =>
      Promise.all([fetchBundledSet(id), browserStorage()?.length && loadFeedback()]).then(([r]) => {
        // The code shows at once and takes its colours when its grammars arrive: the text and its layout
        // do not change, so nothing shifts, and the first paint does not wait for another round trip.
        if (r.ok) void loadLanguages(r.set.tasks.map((t) => t.language));
        // A transition: React renders the set in slices, so the page keeps answering input meanwhile.
        if (live) startTransition(() => setResult(r));
      });
    load();
    // Under `npm start`, the set is fetched again when its file is saved (live-reload.ts).
    if (import.meta.hot) {
      const stop = onExerciseSaved((file) => {
        if (file !== `${id}.json`) return;
        // A set with new content is drawn anew, and Chromium scrolls the page when the element that has
        // focus is taken away: let focus go first, so the author's scroll position stays.
        (document.activeElement as HTMLElement | null)?.blur();
        void load();
      });
      return () => {
        live = false;
        stop();
      };
    }
    return () => {
      live = false;
    };
  }, [id]);

  if (!result) return <p aria-busy="true">Loading…</p>;
  if (!result.ok) return <Problem problem={result} />; // (App's Suspense)
  return (
    <ErrorBoundary fallback={cannotShow}>
      {/* A set saved with new content under `npm start` gets a new store, which finds the progress of
          every task whose content did not change (saved progress is keyed by each task's content). */}
      <LoadedSet
        key={import.meta.hot ? JSON.stringify(result.set) : result.set.id}
        set={result.set}
        hash={import.meta.hot && liveSession.saves ? '' : hash}
      />
    </ErrorBoundary>
  );
}

function LoadedSet({ set, hash }: { set: ExerciseSet; hash: string }) {
  const store = useExerciseInstance(set);
  useEffect(() => {
    document.title = `${set.title} · codeblanks`;
    performance.mark('codeblanks:set-rendered');
    // The content arrived after the browser looked for the #task anchor: scroll to it now.
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    target?.scrollIntoView();
  }, [set, hash]);
  return (
    <ExerciseProvider store={store} strings={strings}>
      <nav className="site-breadcrumb" aria-label="Breadcrumb">
        <a href="./">All exercise sets</a>
      </nav>
      <SetView />
    </ExerciseProvider>
  );
}

/**
 * A page that cannot be shown (an unknown address or set, a set that failed validation) and the way back:
 * its own chunk (problem.tsx), which only such a page fetches.
 */
export const Problem = lazy(() =>
  import('./problem.tsx').then(
    (m) => ({ default: m.Problem }),
    // The connection went since the page loaded (the set's request may have failed for the same reason).
    () => ({ default: () => cannotShow }),
  ),
);
