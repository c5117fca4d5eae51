/**
 * mount(): one exercise in any element, inside its own shadow root, with its own store, its own React
 * root and its own error boundary. Whatever goes wrong (a bad setting, a 404, a set that is not valid,
 * a render error) shows a readable message in place and logs one console.error; the host page never
 * receives an exception from us.
 */
import type { ReactNode } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { createRoot, type Root } from 'react-dom/client';
import { MODES as POLICIES, modeAvailable } from '../engine/modes.ts';
import { ModeViewProvider } from '../components/mode-view.tsx';
import { loadMode } from '../modes/load.ts';
import { createExerciseStore, followOtherTabs, type ExerciseStore } from '../store/exercise-store.ts';
import { browserStorage, type KeyValueStorage } from '../store/persistence.ts';
import { ExerciseProvider } from '../hooks/exercise-context.tsx';
import { SetView } from '../components/set-view.tsx';
import { loadFeedback } from '../components/task-card.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { loadLanguages } from '../components/code/highlight.ts';
import { forPointer, loadStrings } from '../i18n/strings.ts';
import type { Strings } from '../i18n/table.ts';
import { pickTasks, readSettings, THEMES, type SettingsInput, type SettingsResult, type Theme } from './settings.ts';
import { adoptStyles } from './styles.ts';
import { loadSet, validateSet } from './load-set.ts';
import { embedProgress, hostEvents, type EmbedProgress, type HostEvent } from './host-events.ts';
import type { XapiActor, XapiClock, XapiStatement } from './xapi.ts';

/** Opt-in xAPI: statements go to `onStatement`, and to `codeblanks:xapi` events on the element. */
export interface XapiOptions {
  /** Put into every statement as its actor. */
  readonly actor?: XapiActor;
  /** The IRI activity ids are built on; the set's URL (or the page's, for an inline set) by default. */
  readonly activityId?: string;
  readonly onStatement?: (statement: XapiStatement) => void;
}

/** mount()'s options: the element's attributes in camelCase, plus what only JavaScript can pass. */
export interface MountOptions extends SettingsInput {
  /** Your own words for any part of the UI, on top of the `lang` table (see src/i18n/strings.ts). */
  readonly strings?: Partial<Strings>;
  /** Every event the element also dispatches as `codeblanks:<type>`. */
  readonly onEvent?: (event: HostEvent) => void;
  readonly xapi?: XapiOptions;
  /**
   * Where progress is saved: the page's localStorage by default; null keeps it in memory. A SCORM
   * package passes one backed by the LMS's cmi.suspend_data.
   */
  readonly storage?: KeyValueStorage | null;
  /**
   * The inline `exercise` was validated already, when it was packaged (`npm run export` refuses an invalid
   * set): it is used as it is, and the validator's code, which a package then does not ship, is not loaded.
   */
  readonly prevalidated?: boolean;
}

/** What mount() returns. */
export interface Handle {
  /** Removes the exercise and everything it listens to; the element stays. */
  unmount(): void;
  /** Starts afresh: clears the saved progress under this instance's storage key. */
  reset(): void;
  /** The score and each shown task's state; null until the exercise has loaded (or when it failed). */
  progress(): EmbedProgress | null;
}

/** The element's handle: a theme change restyles in place instead of re-mounting. */
export interface ElementHandle extends Handle {
  /** Applies a `theme` attribute's value; false when that needs a re-mount (a bad value, or not loaded). */
  restyle(theme: string | null): boolean;
}

/** Live stores on this page: instances under one storage key share progress as the learner works. */
const peers = new Set<ExerciseStore>();
/** What is mounted where: mounting again on an element replaces what was there. */
const mounted = new WeakMap<Element, ElementHandle>();

const othersLike = (store: ExerciseStore) => [...peers].filter((p) => p !== store && p.key === store.key);

/** Calls a host's callback; a callback that throws is logged and breaks nothing. */
function safely(what: string, call: (() => void) | false | undefined) {
  try {
    if (call) call();
  } catch (error) {
    console.error(`codeblanks: the page's ${what} callback threw`, error);
  }
}

/**
 * Shows an exercise set (or one task of it) in `element`: `{ src }` or `{ exercise }`, and optionally
 * `task`, `lang`, `strings`, `storageKey`, `theme`, `onEvent`, `xapi`. Returns at once; the set loads
 * in the background. Never throws.
 */
export function mount(element: Element, options?: MountOptions): Handle {
  const given = options ?? {};
  const { unmount, reset, progress } = mountSettings(element, readSettings(given), given);
  return { unmount, reset, progress };
}

/** mount() with settings already read (the element reads its own from its attributes). */
export function mountSettings(element: Element, result: SettingsResult, extras: Omit<MountOptions, keyof SettingsInput> = {}): ElementHandle {
  let alive = true;
  let healthy = false;
  let shadow: ShadowRoot | undefined;
  let root: Root | undefined;
  let report: (() => EmbedProgress) | undefined;
  let store: ExerciseStore | undefined;
  let shown: readonly string[] | undefined;
  const cleanups: (() => void)[] = [];

  const handle: ElementHandle = {
    unmount() {
      if (!alive) return;
      alive = false;
      try {
        cleanups.forEach((cleanup) => cleanup());
        root?.unmount();
        shadow?.replaceChildren();
        if (shadow) shadow.adoptedStyleSheets = [];
      } catch (error) {
        console.error('codeblanks: could not unmount', error);
      }
    },
    reset: () => store?.getState().resetSet(shown),
    progress: () => report?.() ?? null,
    restyle(value) {
      const theme = value?.trim() || 'light';
      if (!healthy || !shadow || !(THEMES as readonly string[]).includes(theme)) return false;
      adoptStyles(shadow, theme as Theme);
      return true;
    },
  };

  const start = async () => {
    const settings = result.ok ? result.settings : undefined;
    const strings = forPointer(await loadStrings(settings?.lang, extras.strings));
    if (!alive) return;
    const show = (node: ReactNode) => root?.render(node);
    const fail = (message: string, issues: readonly string[] = []) => {
      // One clear line for the page's author; the learner reads the same words in place.
      console.error(`codeblanks: ${message}${issues.map((issue) => `\n  ${issue}`).join('')}`, element);
      show(<Failure text={strings.setInvalid(message)} issues={issues} />);
    };
    try {
      if (!settings) return fail(result.ok ? '' : result.message);
      show(
        <p className="cb-message" aria-busy="true">
          {strings.loading}
        </p>,
      );
      const { source } = settings;
      const url = 'src' in source ? new URL(source.src, document.baseURI).href : undefined;
      // xAPI is opt-in, and its code a chunk of its own that only the pages that ask for it load.
      const xapiModule = extras.xapi ? import('./xapi.ts') : undefined;
      // The mode's chunk comes while the set does.
      const modeModule = loadMode(settings.mode, strings.lang).catch(() => null);
      const inline = 'exercise' in source ? source.exercise : null;
      const loaded = url
        ? await loadSet(url)
        : extras.prevalidated && inline
          ? { ok: true as const, set: inline as ExerciseSet }
          : await validateSet(inline, 'the inline exercise');
      if (!alive) return;
      if (!loaded.ok) return fail(loaded.message, loaded.issues.slice(0, 10));
      const { set } = loaded;
      const rules = POLICIES[settings.mode];
      const mode = await modeModule;
      if (!alive) return;
      if (!mode) return fail(`the ${settings.mode} mode could not be loaded`);
      if (!modeAvailable(rules, set)) return fail(`${set.title} has no task for the ${settings.mode} mode (it needs code of three lines or more)`);
      // A mode may play a session of its own: review plays what of this set is due today, each answer
      // logged to the set (the task attribute does not apply to it).
      const session = await mode.session?.(set, false);
      if (!alive) return;
      const picked = pickTasks(session?.set ?? set, session ? undefined : settings.task);
      if (!picked.ok) return fail(picked.message);
      const { taskIds } = picked;
      shown = taskIds;
      // Creating the store only reads storage. Saved progress may show feedback at once: its code loads
      // with the grammars, so nothing shifts after.
      const own = createExerciseStore({
        set: session?.set ?? set,
        rules,
        interaction: mode.interaction,
        rounds: mode.rounds,
        logAs: session?.logAs,
        storage: extras.storage === undefined ? browserStorage() : extras.storage,
        // A session keeps its own snapshot, by its day (its set's id), whatever key the page gave.
        storageKey: session ? undefined : settings.storageKey,
      });
      const [xapi] = await Promise.all([
        xapiModule,
        loadLanguages(own.getState().set.tasks.filter((t) => !taskIds || taskIds.includes(t.id)).map((t) => t.language)),
        // As on the site (set-page.tsx): with progress to show, or in a mode other than practice.
        (settings.mode !== 'practice' || Object.keys(own.getState().progress).length) && loadFeedback(),
      ]);
      if (!alive) return;

      store = own;
      own.tidyStorage();
      // The set as the mode plays it (line order leaves short tasks out): what the page reports on.
      const played = own.getState().set;
      report = () => embedProgress(played, own.getState().progress, taskIds);
      const xapiContext = { set: played, mode: settings.mode, interaction: mode.interaction, base: extras.xapi?.activityId ?? url ?? location.href.split('#')[0] ?? '', actor: extras.xapi?.actor };
      let started: XapiClock = {};
      const dispatch = (type: string, detail: unknown) =>
        element.dispatchEvent(new CustomEvent(`codeblanks:${type}`, { detail, bubbles: true, composed: true }));

      peers.add(own);
      cleanups.push(
        () => peers.delete(own),
        own.subscribeEvents((event) => {
          // Peers under the same key adopt what this instance just saved, a reset included (a selection
          // saves nothing).
          if (event.type !== 'selected' && event.type !== 'check-refused') othersLike(own).forEach((peer) => peer.syncFromStorage());
          for (const hostEvent of hostEvents(event, played, own.getState().progress, taskIds, rules.feedback)) {
            dispatch(hostEvent.type, hostEvent);
            safely('onEvent', extras.onEvent && (() => extras.onEvent?.(hostEvent)));
          }
          if (!xapi) return;
          const next = xapi.statementsFor(event, xapiContext, started);
          started = next.started;
          for (const statement of next.statements) {
            dispatch('xapi', statement);
            safely('xapi.onStatement', extras.xapi?.onStatement && (() => extras.xapi?.onStatement?.(statement)));
          }
        }),
      );
      cleanups.push(followOtherTabs(own));

      show(
        <ErrorBoundary
          fallback={<Failure text={strings.setInvalid(set.title)} issues={[]} />}
          onError={(error) => console.error('codeblanks: the exercise could not be shown', error, element)}
        >
          {/* A mode may say some shared words its own way (line order's parts are lines, not blanks). */}
          <ExerciseProvider store={own} strings={{ ...strings, ...mode.view.strings?.(strings.lang) }}>
            <ModeViewProvider value={mode.view}>
              <SetView taskIds={taskIds} titleLevel={2} />
            </ModeViewProvider>
          </ExerciseProvider>
        </ErrorBoundary>,
      );
      healthy = true;
    } catch (error) {
      fail(`the exercise could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    }
  };

  try {
    mounted.get(element)?.unmount();
    mounted.set(element, handle);
    shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    adoptStyles(shadow, result.ok ? result.settings.theme : 'light');
    const container = document.createElement('div');
    container.className = 'cb-root';
    if (result.ok && result.settings.lang) container.lang = result.settings.lang;
    shadow.replaceChildren(container);
    // Our boundaries log what they catch once; React's own logging would say it twice.
    root = createRoot(container, { onCaughtError: () => undefined, onUncaughtError: (error) => console.error('codeblanks:', error) });
    start().catch((error: unknown) => console.error('codeblanks:', error));
  } catch (error) {
    console.error('codeblanks: could not mount on this element', element, error);
  }
  return handle;
}

function Failure({ text, issues }: { text: string; issues: readonly string[] }) {
  return (
    <div className="cb-message cb-message--error" role="alert">
      <p>{text}</p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue) => (
            <li key={issue}>
              <code>{issue}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
