/** Every set in exercises/: title, subject, tasks, minutes and the learner's progress; a broken file says why. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { browserStorage } from '../store/persistence.ts';
import { summariseSaved } from '../store/saved-summary.ts';
import { BUILT_MODES } from '../modes/load.ts';
import { fetchCatalogue, type CatalogueEntry } from './bundled-sets.ts';
import { onExerciseSaved } from './live-reload.ts';
// The catalogue's own look, in its own chunk: see catalogue.css.
import css from './catalogue.css?inline';

// The authoring studio, with CodeMirror: a chunk of its own, fetched only at /author.
const Studio = lazy(() => import('../studio/studio.tsx').then((m) => ({ default: m.Studio })));

/** The catalogue at `/`, and the studio at `/author` (Today, at `/today`, is a page of its own: today.html). */
export function FrontPage({ path }: { path: string }) {
  return path === '/author' ? (
    <Suspense fallback={<p aria-busy="true">Loading…</p>}>
      <Studio />
    </Suspense>
  ) : (
    <Catalogue />
  );
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; entries: CatalogueEntry[] };

export function Catalogue() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    document.title = 'codeblanks: practise code by filling in blanks';
    const load = () =>
      fetchCatalogue()
        .then((entries) => setState({ kind: 'ready', entries }))
        .catch((error: unknown) => setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
    void load();
    // Under `npm start`, a saved, added or removed file shows here at once (live-reload.ts).
    if (import.meta.hot) return onExerciseSaved(() => void load());
  }, []);
  return (
    <div className="catalogue">
      <style>{css}</style>
      <h1>Exercise sets</h1>
      <p className="catalogue-intro">Pick a set. Drag, tap or type options into the blanks, then check your answer.</p>
      <p className="catalogue-intro">
        Teaching? <a href="author">Write a set in the studio</a>: paste code and select what should be a blank.
      </p>
      <p className="catalogue-intro">
        Your progress stays in this browser. To carry it to another, <a href="today">export or import it on the Today page</a>.
      </p>
      {state.kind === 'loading' ? <p aria-busy="true">Loading…</p> : null}
      {state.kind === 'error' ? (
        <p className="cb-message cb-message--error" role="alert">
          The list of exercise sets could not be loaded: {state.message}
        </p>
      ) : null}
      {state.kind === 'ready' ? (
        <ul className="catalogue-list">
          {state.entries.map((entry) => (
            <li key={entry.file}>{entry.problems ? <BrokenCard entry={entry} /> : <SetCard entry={entry} />}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SetCard({ entry }: { entry: CatalogueEntry }) {
  const storage = browserStorage();
  // Progress in every learning mode (each its own snapshot, `…:<mode>`): the most solved in any of them.
  // Progress saved in format 1 counts until the set is opened (which migrates it).
  const modes = entry.storageKey
    ? BUILT_MODES.map((mode) => summariseSaved(storage, entry.storageKey!.replace(/practice$/, mode), entry.items)).filter((s) => s !== null)
    : [];
  const v1 = entry.storageKey && !modes.length ? summariseSaved(storage, `codeblanks:v1:${entry.id}:${entry.hash}`, undefined, 1) : null;
  const saved = modes.reduce<typeof v1>((best, s) => (!best || s.solved > best.solved ? s : best), v1);
  const total = entry.tasks ?? 0;
  return (
    <a className="catalogue-card" href={`?set=${encodeURIComponent(entry.id ?? '')}`}>
      <span className="catalogue-subject">{entry.subject}</span>
      <span className="catalogue-title">{entry.title}</span>
      <span className="catalogue-meta">
        {total} {total === 1 ? 'task' : 'tasks'}
        {entry.estimatedMinutes ? ` · ~${entry.estimatedMinutes} mins` : ''}
      </span>
      <span className="catalogue-progress">
        {/* Started without a task solved yet is "in progress", not "0 of 5 solved". */}
        {saved
          ? (saved.solved || saved.failed ? `${saved.solved} of ${total} solved${saved.failed ? `, ${saved.failed} not solved` : ''}` : 'In progress') +
            (modes.length > 1 ? ` · ${modes.length} learning styles` : '')
          : 'Not started'}
      </span>
    </a>
  );
}

function BrokenCard({ entry }: { entry: CatalogueEntry }) {
  return (
    <div className="catalogue-card catalogue-card--broken" role="note">
      <span className="catalogue-title">{entry.file} cannot be opened</span>
      <ul className="catalogue-problems">
        {entry.problems?.map((p) => <li key={p}>{p}</li>)}
      </ul>
      <span className="catalogue-meta">Fix it in the file named above, then save it.</span>
    </div>
  );
}
