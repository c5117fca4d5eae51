/**
 * One vanilla zustand store per exercise instance (a course page with three embeds has three).
 *
 * Actions are the learner's verbs; every input path (drag, click, tap, keyboard) calls the same one.
 * The rules themselves live in the engine: this file sequences them, persists the result and reports
 * events. No React here; src/hooks binds it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import {
  FRESH_PROGRESS,
  PRACTICE,
  attemptsLeft,
  check as gradeCheck,
  clear as clearBlank,
  helpUsed,
  maxAttemptsFor,
  move as moveBetween,
  place as placeOption,
  resetPlacements,
  revealHint,
  revealMistakes,
  type Change,
  type CheckOutcome,
  type Rules,
  type TaskProgress,
} from '../engine/grading.ts';
import { scoreSet } from '../engine/scoring.ts';
import type { ExerciseEvent } from './events.ts';
import {
  forget,
  forgetStaleVersions,
  loadSaved,
  mergeTasks,
  save,
  storageKeyFor,
  type KeyValueStorage,
  type SavedTasks,
} from './persistence.ts';

export type Selection =
  | { readonly kind: 'blank'; readonly taskId: string; readonly blank: number }
  | { readonly kind: 'option'; readonly taskId: string; readonly option: string }
  | null;

/** A note about saved progress, shown once and quietly. */
export type StorageNotice = 'corrupt' | 'unavailable' | null;

/** Why the last Check on a task was refused (the engine's own refusal), until the learner changes something. */
export type TaskNotice = Exclude<CheckOutcome, { kind: 'graded' } | { reason: 'locked' }> | null;

export interface ExerciseState {
  readonly set: ExerciseSet;
  readonly rules: Rules;
  readonly progress: Readonly<Record<string, TaskProgress>>;
  readonly selection: Selection;
  readonly notices: Readonly<Record<string, TaskNotice>>;
  readonly storageNotice: StorageNotice;

  place(taskId: string, blank: number, option: string): void;
  move(taskId: string, from: number, to: number): void;
  clear(taskId: string, blank: number): void;
  /** Click or tap on a blank: places the selected option, or selects the blank. */
  selectBlank(taskId: string, blank: number): void;
  /** Click or tap on an option: fills the selected blank, or selects the option. */
  selectOption(taskId: string, option: string): void;
  cancelSelection(): void;
  check(taskId: string): void;
  hint(taskId: string): void;
  /** The learner opened the task's Common mistakes list (help, when it holds advice no check gave). */
  showMistakes(taskId: string): void;
  resetTask(taskId: string): void;
  resetSet(): void;
  dismissStorageNotice(): void;
}

export interface ExerciseStoreOptions {
  readonly set: ExerciseSet;
  readonly rules?: Rules;
  /** Web Storage or a stand-in; null keeps progress in memory only. */
  readonly storage?: KeyValueStorage | null;
  /** Instances with the same key share progress; the set's id by default. */
  readonly storageKey?: string;
  readonly now?: () => number;
}

export interface ExerciseStore extends StoreApi<ExerciseState> {
  /** Subscribes to the learner's events; returns the unsubscribe function. */
  subscribeEvents(listener: (event: ExerciseEvent) => void): () => void;
  /** Adopts progress another tab saved (call on the window's `storage` event for `key`). */
  syncFromStorage(): void;
  /**
   * Call once the store is in use (after mounting): drops entries saved for earlier versions of the set
   * and a damaged entry under `key`, so a damaged entry's notice is shown once, not on every reload.
   */
  tidyStorage(): void;
  /** The storage entry this instance reads and writes. */
  readonly key: string;
}

export function createExerciseStore(options: ExerciseStoreOptions): ExerciseStore {
  const { set, rules = PRACTICE, storage = null, now = () => Date.now() } = options;
  const key = storageKeyFor(set, options.storageKey);
  const listeners = new Set<(event: ExerciseEvent) => void>();
  const tasksById = new Map(set.tasks.map((task, index) => [task.id, { task, number: index + 1 }]));

  // Creating a store only reads storage: React may create one and throw it away (a render it
  // restarts), and a store that had already dropped the damaged entry would leave the next one nothing
  // to give its notice about. The clean-up is `tidyStorage`, called once the store is in use.
  const loaded = loadSaved(storage, key, set);
  const initialProgress: SavedTasks = loaded.kind === 'loaded' ? loaded.tasks : {};
  let storageWorks = loaded.kind !== 'unavailable';

  const emit = (event: ExerciseEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A host's listener must not break the exercise, nor the next listener.
        console.error('codeblanks: an event listener threw', error);
      }
    }
  };

  const store = createStore<ExerciseState>()((setState, getState) => {
    const lookup = (taskId: string) => tasksById.get(taskId);
    const progressOf = (taskId: string) => getState().progress[taskId] ?? FRESH_PROGRESS;
    const maxFor = (task: Task) => maxAttemptsFor(task, set.maxAttempts, rules);
    const base = (taskId: string) => ({ setId: set.id, taskId, taskNumber: lookup(taskId)?.number ?? 0, time: now() });

    const persist = (progress: Readonly<Record<string, TaskProgress>>) => {
      if (!storage) return;
      const ok = save(storage, key, progress);
      if (!ok && storageWorks) {
        storageWorks = false;
        setState({ storageNotice: 'unavailable' });
      }
    };

    /**
     * Records one task's new progress. What another tab saved since is merged in first (its storage
     * event may not have arrived yet), so this tab never overwrites a task the other one finished.
     */
    const commit = (taskId: string, next: TaskProgress, extra: Partial<ExerciseState> = {}) => {
      const saved = storage ? loadSaved(storage, key, set) : null;
      const others = saved?.kind === 'loaded' ? mergeTasks(getState().progress, saved.tasks) : getState().progress;
      const progress = { ...others, [taskId]: next };
      setState({ progress, notices: { ...getState().notices, [taskId]: null }, ...extra });
      persist(progress);
    };

    /** Applies a placement change and reports what moved where. */
    const apply = (taskId: string, change: (task: Task, progress: TaskProgress) => Change) => {
      const entry = lookup(taskId);
      if (!entry) return;
      const before = progressOf(taskId);
      const result = change(entry.task, before);
      if (!result.ok || result.progress === before) {
        if (getState().selection) setState({ selection: null });
        return;
      }
      commit(taskId, result.progress, { selection: null });
      for (const event of placementEvents(before.placements, result.progress.placements)) {
        emit({ type: 'placed', ...base(taskId), ...event });
      }
    };

    return {
      set,
      rules,
      progress: initialProgress,
      selection: null,
      notices: {},
      storageNotice: loaded.kind === 'corrupt' ? 'corrupt' : loaded.kind === 'unavailable' && storage ? 'unavailable' : null,

      place: (taskId, blank, option) => apply(taskId, (task, p) => placeOption(task, p, blank, option)),
      move: (taskId, from, to) => apply(taskId, (task, p) => moveBetween(task, p, from, to)),
      clear: (taskId, blank) => apply(taskId, (task, p) => clearBlank(task, p, blank)),

      selectBlank: (taskId, blank) => {
        const selection = getState().selection;
        if (selection?.taskId === taskId && selection.kind === 'option') {
          getState().place(taskId, blank, selection.option);
          return;
        }
        if (progressOf(taskId).status !== 'active') return;
        const same = selection?.kind === 'blank' && selection.taskId === taskId && selection.blank === blank;
        setState({ selection: same ? null : { kind: 'blank', taskId, blank } });
        emit({ type: 'selected', ...base(taskId), blank: same ? null : blank, option: null });
      },

      selectOption: (taskId, option) => {
        const selection = getState().selection;
        if (selection?.taskId === taskId && selection.kind === 'blank') {
          getState().place(taskId, selection.blank, option);
          return;
        }
        if (progressOf(taskId).status !== 'active') return;
        const same = selection?.kind === 'option' && selection.taskId === taskId && selection.option === option;
        setState({ selection: same ? null : { kind: 'option', taskId, option } });
        emit({ type: 'selected', ...base(taskId), blank: null, option: same ? null : option });
      },

      cancelSelection: () => {
        const selection = getState().selection;
        if (!selection) return;
        setState({ selection: null });
        emit({ type: 'selected', ...base(selection.taskId), blank: null, option: null });
      },

      check: (taskId) => {
        const entry = lookup(taskId);
        if (!entry) return;
        const before = progressOf(taskId);
        const outcome = gradeCheck(entry.task, before, maxFor(entry.task));
        if (outcome.kind === 'refused') {
          // Incomplete, or the answer was graded already (a double click, or Check again unchanged): free, and said so.
          if (outcome.reason !== 'locked') setState({ notices: { ...getState().notices, [taskId]: outcome } });
          if (outcome.reason === 'incomplete') emit({ type: 'check-refused', ...base(taskId), emptyBlanks: outcome.empty });
          return;
        }
        const { progress } = outcome;
        commit(taskId, progress, { selection: null });
        emit({
          type: 'checked',
          ...base(taskId),
          correct: outcome.solved,
          blanks: Object.entries(outcome.record.correct).map(([blank, correct]) => ({
            blank: Number(blank),
            option: progress.placements[Number(blank)] ?? '',
            correct,
          })),
          attemptsUsed: progress.attemptsUsed,
          attemptsLeft: outcome.attemptsLeft,
          mistakes: outcome.record.matchedMistakes,
        });
        if (progress.status !== 'active') {
          emit({
            type: progress.status,
            ...base(taskId),
            attemptsUsed: progress.attemptsUsed,
            hintsUsed: helpUsed(progress),
            response: progress.placements,
          });
          const score = scoreSet(set, getState().progress);
          if (score.complete) emit({ type: 'completed', setId: set.id, time: now(), score });
        }
      },

      hint: (taskId) => {
        const entry = lookup(taskId);
        if (!entry) return;
        const outcome = revealHint(entry.task, progressOf(taskId), rules);
        if (!outcome.ok) return;
        commit(taskId, outcome.progress);
        emit({ type: 'hint', ...base(taskId), hint: outcome.index + 1, hints: entry.task.hints?.length ?? 0, text: outcome.hint });
      },

      showMistakes: (taskId) => {
        const entry = lookup(taskId);
        const before = progressOf(taskId);
        const next = entry ? revealMistakes(entry.task, before) : before;
        if (next !== before) commit(taskId, next);
      },

      resetTask: (taskId) => {
        const before = progressOf(taskId);
        const next = resetPlacements(before);
        if (next === before) return;
        commit(taskId, next, { selection: null });
        for (const event of placementEvents(before.placements, next.placements)) {
          emit({ type: 'placed', ...base(taskId), ...event });
        }
      },

      resetSet: () => {
        setState({ progress: {}, notices: {}, selection: null });
        // No entry at all, rather than an empty one: other tabs and the catalogue read "not started".
        forget(storage, key);
      },

      dismissStorageNotice: () => setState({ storageNotice: null }),
    };
  });

  return Object.assign(store, {
    key,
    subscribeEvents(listener: (event: ExerciseEvent) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    syncFromStorage() {
      const theirs = loadSaved(storage, key, set);
      // No entry: the other tab reset the set. A damaged or unreadable one is not adopted.
      if (theirs.kind === 'fresh') store.setState({ progress: {}, notices: {}, selection: null });
      else if (theirs.kind === 'loaded') store.setState({ progress: mergeTasks(store.getState().progress, theirs.tasks) });
    },
    tidyStorage() {
      forgetStaleVersions(storage, key);
      // Still the damaged entry? (Once the learner acts, the entry holds clean progress.)
      if (loaded.kind === 'corrupt' && loadSaved(storage, key, set).kind === 'corrupt') forget(storage, key);
    },
  });
}

/**
 * Keeps a store in step with other tabs (and iframes of the same site): on the window's `storage` event
 * for its key it adopts what they saved, or their reset. Returns the function that stops listening.
 */
export function followOtherTabs(store: ExerciseStore): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === store.key || event.key === null) store.syncFromStorage();
  };
  addEventListener('storage', onStorage);
  return () => removeEventListener('storage', onStorage);
}

type Placement = { blank: number; option: string | null; from: number | null; replaced: string | null };

/**
 * The blanks whose content changed, as events: what was placed, moved (with the blank it came from),
 * swapped or taken out. Diffing covers every action, a reset included, with one rule.
 */
function placementEvents(before: Readonly<Record<number, string>>, after: Readonly<Record<number, string>>): Placement[] {
  const blanks = [...new Set([...Object.keys(before), ...Object.keys(after)])].map(Number).sort((a, b) => a - b);
  const events: Placement[] = [];
  for (const blank of blanks) {
    const was = before[blank] ?? null;
    const now = after[blank] ?? null;
    if (was === now) continue;
    // An option that left this blank for another is reported once, where it arrived.
    if (now === null && blanks.some((b) => b !== blank && after[b] === was && before[b] !== was)) continue;
    const from = now === null ? undefined : blanks.find((b) => b !== blank && before[b] === now && after[b] !== now);
    events.push({ blank, option: now, from: from ?? null, replaced: was });
  }
  return events;
}

/** What a task's view needs to know beyond its progress. Pure: derived, never stored. */
export function taskLimits(state: ExerciseState, taskId: string): { max: number; left: number } {
  const task = state.set.tasks.find((t) => t.id === taskId);
  const max = task ? maxAttemptsFor(task, state.set.maxAttempts, state.rules) : 0;
  return { max, left: attemptsLeft(state.progress[taskId] ?? FRESH_PROGRESS, max) };
}
