/** A set's page: loads a bundled set and renders it; a set that failed validation says why, in place. */
import { startTransition, useEffect, useMemo, useState, type ComponentProps } from 'react';
import type { Problem as ProblemPage } from './problem.tsx';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { MODES, modeAvailable, type ModeId } from '../engine/modes.ts';
import { ModeViewProvider } from '../components/mode-view.tsx';
import { BUILT_MODES, loadMode } from '../modes/load.ts';
import type { ModeModule, Session } from '../modes/registry.ts';
import { ExerciseProvider } from '../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../hooks/use-exercise-instance.ts';
import { SetView } from '../components/set-view.tsx';
import { loadFeedback } from '../components/task-card.tsx';
import { browserStorage, lastModeKey, read, write } from '../store/persistence.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { loadLanguages } from '../components/code/highlight.ts';
import { en, forPointer } from '../i18n/strings.ts';
import { fetchBundledSet, type BundledSet } from './bundled-sets.ts';
import { liveSession, onExerciseSaved } from './live-reload.ts';
import { Chunk, cannotShow } from './chunk.tsx';

/**
 * "Choose your learning style · N modes available": the modes built so far that this set can be played
 * in (modes not built are absent, not greyed out; so is line order for a set of one-line tasks). What
 * each one trains, and the learner's progress in it, load when it opens.
 */
function ModePicker({ set, current }: { set: ExerciseSet; current: ModeId }) {
  const [open, setOpen] = useState(false);
  // Practice, Type it, Pick and Exam play every set: never fewer than four.
  const count = BUILT_MODES.filter((mode) => modeAvailable(MODES[mode], set)).length;
  return (
    <details className="mode-picker" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Choose your learning style · {count} modes available</summary>
      {open ? <Chunk load={() => import('./mode-picker.tsx')} show={(m) => <m.ModeList set={set} current={current} />} /> : null}
    </details>
  );
}


// Read once, when the page loads: a touch screen's instructions say "tap".
const strings = forPointer(en);

const isBuilt = (mode: string | null | undefined): mode is ModeId => BUILT_MODES.includes(mode as ModeId);

type Loaded = BundledSet & { readonly module?: ModeModule; readonly session?: Session };

/**
 * A set in one learning mode: the one the address names (`&mode=`), else the last one used on this set,
 * else practice.
 */
export function SetPage({ id, hash, mode: asked }: { id: string; hash: string; mode: string | null }) {
  const remembered = read(browserStorage(), lastModeKey(id));
  const mode: ModeId | null = asked === null ? (isBuilt(remembered) ? remembered : 'practice') : isBuilt(asked) ? asked : null;
  const [result, setResult] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    if (!mode) return;
    // Saved progress may show feedback at once: with anything saved in this browser its code loads
    // beside the set, so nothing shifts after (a first visit has nothing saved and fetches none of it).
    // The mode's own chunk comes in the same round trip, and a mode other than practice, a page that
    // already pays for a chunk, takes the feedback's too: otherwise the learner's first keystroke or drop
    // waits for it, and for the style recalculation its stylesheet brings (the slowest input in each mode).
    const load = () =>
      Promise.all([fetchBundledSet(id), loadMode(mode).catch(() => undefined), (mode !== 'practice' || browserStorage()?.length) && loadFeedback()]).then(async ([r, module]) => {
        // A mode may play a session of its own (review: tasks from every set) in place of the set.
        const session = r.ok ? await module?.session?.(r.set) : undefined;
        // The code shows at once and takes its colours when its grammars arrive: the text and its layout
        // do not change, so nothing shifts, and the first paint does not wait for another round trip.
        if (r.ok) void loadLanguages((session?.set ?? r.set).tasks.map((t) => t.language));
        // A transition: React renders the set in slices, so the page keeps answering input meanwhile.
        if (live) startTransition(() => setResult({ ...r, module, session }));
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
  }, [id, mode]);

  const practice = `?set=${encodeURIComponent(id)}&mode=practice`;
  if (!mode) return <Problem problem={{ kind: 'mode-unknown', name: asked ?? '', problems: [] }} back={practice} />;
  if (!result) return <p aria-busy="true">Loading…</p>;
  if (!result.ok) return <Problem problem={result} />; // (App's Suspense)
  if (!result.module) return <Problem problem={{ kind: 'mode-unloadable', name: mode, problems: [] }} back={practice} />;
  if (!modeAvailable(MODES[mode], result.set)) return <Problem problem={{ kind: 'mode-unavailable', name: mode, problems: [] }} back={practice} />;
  return (
    <ErrorBoundary fallback={cannotShow}>
      {/* A set saved with new content under `npm start` gets a new store, which finds the progress of
          every task whose content did not change (saved progress is keyed by each task's content). */}
      <LoadedSet
        key={(import.meta.hot ? JSON.stringify(result.set) : result.set.id) + mode}
        set={result.set}
        mode={mode}
        module={result.module}
        session={result.session}
        hash={import.meta.hot && liveSession.saves ? '' : hash}
      />
    </ErrorBoundary>
  );
}

function LoadedSet({ set, hash, mode, module, session }: { set: ExerciseSet; hash: string; mode: ModeId; module: ModeModule; session?: Session }) {
  const store = useExerciseInstance(session?.set ?? set, { rules: MODES[mode], interaction: module.interaction, rounds: module.rounds, logAs: session?.logAs });
  // A mode may say some shared words its own way (line order's parts are lines, not blanks).
  const modeStrings = useMemo(() => ({ ...strings, ...module.view.strings?.(strings.lang) }), [module]);
  useEffect(() => {
    // The style the learner last used on this set is where they come back to.
    write(browserStorage(), lastModeKey(set.id), mode);
    document.title = `${set.title} · codeblanks`;
    performance.mark('codeblanks:set-rendered');
    // The content arrived after the browser looked for the #task anchor: scroll to it now.
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    target?.scrollIntoView();
  }, [set, hash, mode]);
  return (
    <ExerciseProvider store={store} strings={modeStrings}>
      <ModeViewProvider value={module.view}>
        <nav className="site-breadcrumb" aria-label="Breadcrumb">
          <a href="./">All exercise sets</a>
        </nav>
        <SetView picker={<ModePicker set={set} current={mode} />} />
      </ModeViewProvider>
    </ExerciseProvider>
  );
}

/**
 * A page that cannot be shown (an unknown address or set, a set that failed validation) and the way back:
 * its own chunk (problem.tsx), which only such a page fetches.
 */
export const Problem = (props: ComponentProps<typeof ProblemPage>) => <Chunk load={() => import('./problem.tsx')} show={(m) => <m.Problem {...props} />} />;
