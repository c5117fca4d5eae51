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
  BANK,
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
  type Interaction,
  type Rules,
  type TaskProgress,
} from '../engine/grading.ts';
import { modeTasks } from '../engine/modes.ts';
import type { RoundRules } from './rounds.ts';
import { scoreSet } from '../engine/scoring.ts';
import type { ExerciseEvent } from './events.ts';
import {
  appendLog,
  forget,
  itemKey,
  logKeyFor,
  mergeTasks,
  parseEntry,
  read,
  storageKeyFor,
  v1KeyFor,
  write,
  type KeyValueStorage,
  type Round,
  type RoundResult,
  type SavedTask,
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
  /** The set as this mode plays it: only the tasks the mode can play (line order needs three lines). */
  readonly set: ExerciseSet;
  readonly rules: Rules;
  /** The timed round under way or last submitted (an exam), and the results of the last ten. */
  readonly round: Round | null;
  readonly history: readonly RoundResult[];
  readonly progress: Readonly<Record<string, TaskProgress>>;
  readonly selection: Selection;
  readonly notices: Readonly<Record<string, TaskNotice>>;
  readonly storageNotice: StorageNotice;

  place(taskId: string, blank: number, option: string): void;
  move(taskId: string, from: number, to: number): void;
  clear(taskId: string, blank: number): void;
  /**
   * Applies a change a mode's engine computes (a typed part or a list's choice, line order's arrangement
   * or its help): pure, from (task, progress) to a new progress or a refusal, as the bank's own verbs.
   */
  respond(taskId: string, change: (task: Task, progress: TaskProgress) => Change): void;
  /** Starts a timed round afresh (an exam): every task of the set afresh, a new order, the clock running. */
  startRound(limitMs: number | null): void;
  /** Ends the round: its result joins the history, and the marks and solutions may show. */
  submitRound(): void;
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
  /** Starts these tasks afresh (the ones an element shows), every task of the set when none are named. */
  resetSet(taskIds?: readonly string[]): void;
  dismissStorageNotice(): void;
}

export interface ExerciseStoreOptions {
  readonly set: ExerciseSet;
  /** The mode's policy; practice by default. */
  readonly rules?: Rules;
  /** How the learner answers in this mode (its chunk brings it); the bank by default. */
  readonly interaction?: Interaction;
  /** Timed rounds' rules (src/store/rounds.ts), which the exam's chunk brings; without them no round is kept. */
  readonly rounds?: RoundRules;
  /** Web Storage or a stand-in; null keeps progress in memory only. */
  readonly storage?: KeyValueStorage | null;
  /** Instances with the same key share progress; the set's id by default. */
  readonly storageKey?: string;
  /** Whose progress this is: each mode keeps its own. `rules.id` by default. */
  readonly mode?: string;
  readonly now?: () => number;
  /**
   * Where a task's attempts are logged, as [log key, item]: a session of tasks from several sets
   * (src/store/session.ts) sends each to its own set's log. This set's log, `<set id>/<item>`, by default.
   */
  readonly logAs?: (taskId: string) => readonly [string, string] | undefined;
}

export interface ExerciseStore extends StoreApi<ExerciseState> {
  /** Subscribes to the learner's events; returns the unsubscribe function. */
  subscribeEvents(listener: (event: ExerciseEvent) => void): () => void;
  /** Adopts progress another tab saved (call on the window's `storage` event for `key`). */
  syncFromStorage(): void;
  /**
   * Call once the store is in use (after mounting): writes what it migrated from format 1 (then drops
   * that entry) and rewrites a damaged snapshot without what was damaged, so its notice is shown once.
   */
  tidyStorage(): void;
  /** The storage entry (the snapshot) this instance reads and writes. */
  readonly key: string;
}

export function createExerciseStore(options: ExerciseStoreOptions): ExerciseStore {
  const { rules = PRACTICE, interaction = BANK, rounds: roundRules, storage = null, now = () => Date.now() } = options;
  const mode = options.mode ?? rules.id;
  // The set as the mode plays it; the whole set (the same object) for every mode but line order.
  const tasks = modeTasks(rules, options.set);
  const set: ExerciseSet = tasks === options.set.tasks ? options.set : { ...options.set, tasks: [...tasks] };
  const key = storageKeyFor(set, options.storageKey, mode);
  const logKey = logKeyFor(options.storageKey ?? set.id);
  const listeners = new Set<(event: ExerciseEvent) => void>();
  const tasksById = new Map(set.tasks.map((task, index) => [task.id, { task, number: index + 1, item: itemKey(task) }]));

  // Creating a store only reads storage: React may create one and throw it away (a render it
  // restarts). What loading calls for writing (a migration, a damaged entry) is `tidyStorage`'s, called
  // once the store is in use.
  const raw = read(storage, key);
  const entry = raw ? parseEntry(raw) : null;
  const corrupt = !!raw && (!entry || entry.damaged || !!(roundRules && roundRules.read(entry.rounds).damaged));
  /** Every record of the snapshot as this instance knows it, other contents' included. */
  let saved: SavedTasks = entry?.tasks ?? {};
  // A snapshot's round is read only by a mode that keeps rounds; the others leave it as it is.
  const readRounds = roundRules && entry ? roundRules.read(entry.rounds) : null;
  let round = readRounds?.round ?? null;
  let history = readRounds?.history ?? [];
  /** What storage held when this instance last read or wrote it: unchanged, there is nothing to merge. */
  let lastRaw = raw;
  let storageWorks = raw !== undefined;

  // Format 1 kept practice only, one entry per whole-set content: this content's entry is this set's.
  const v1Key = v1KeyFor(set, options.storageKey);
  const v1Raw = mode === 'practice' ? read(storage, v1Key) : null;
  const v1 = v1Raw ? parseEntry(v1Raw, 1) : null;
  // Removed once the snapshot holds it, and only if all of it (no damaged record, no unknown task).
  let v1Copied = v1 && !v1.damaged && Object.keys(v1.tasks).every((id) => tasksById.has(id));
  if (v1) {
    const records: Record<string, SavedTask> = {};
    for (const [id, { item }] of tasksById) if (v1.tasks[id]) records[item] = v1.tasks[id];
    saved = mergeTasks(records, saved);
  }

  /** The progress the tasks show: each task's current record, once started. */
  const view = (records: SavedTasks) => {
    const progress: Record<string, TaskProgress> = {};
    for (const [id, { item }] of tasksById) {
      const record = records[item];
      if (record?.status) progress[id] = record as TaskProgress;
    }
    return progress;
  };

  /**
   * What storage holds now, merged into what this instance holds (another tab may have saved since its
   * storage event arrived). An entry someone removed (storage cleared) starts afresh here too.
   */
  const latest = (): SavedTasks => {
    const stored = read(storage, key);
    if (stored !== undefined && stored !== lastRaw) {
      lastRaw = stored;
      // A damaged entry is not adopted (this instance's next save replaces it).
      const theirs = stored === null ? null : parseEntry(stored);
      saved = stored === null ? {} : mergeTasks(saved, theirs?.tasks ?? {});
      if (roundRules) ({ round, history } = roundRules.merge({ round, history }, theirs?.rounds ?? (stored === null ? null : {})));
    }
    return saved;
  };

  /** Writes the snapshot; the first refusal shows a notice. */
  const persist = (records: SavedTasks) => {
    // (Without storage `storageWorks` is false from the start: no notice.)
    const raw = JSON.stringify({ v: 2, tasks: records, ...(round ? { round } : {}), ...(history.length ? { history } : {}) });
    const ok = write(storage, key, raw);
    if (ok) lastRaw = raw;
    else if (storageWorks) {
      storageWorks = false;
      store.setState({ storageNotice: 'unavailable' });
    }
    return ok;
  };

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
    const base = (taskId: string) => ({ setId: set.id, mode, taskId, taskNumber: lookup(taskId)?.number ?? 0, time: now() });

    /**
     * Records one task's new progress. What another tab saved since is merged in first (its storage
     * event may not have arrived yet), so this tab never overwrites a task the other one finished. The
     * other tasks keep their progress objects unless another tab changed them.
     */
    const commit = (taskId: string, next: TaskProgress, extra: Partial<ExerciseState> = {}) => {
      const item = lookup(taskId)?.item;
      if (!item) return;
      const was: SavedTask = progressOf(taskId);
      // A task started afresh keeps its count of resets, or a tab that missed the reset would undo it.
      const record: TaskProgress & SavedTask = { resets: saved[item]?.resets, ...next };
      saved = { ...latest(), [item]: record };
      setState({ progress: view(saved), notices: { ...getState().notices, [taskId]: null }, ...extra });
      persist(saved);
      // The attempt log: a graded check (an attempt used), or help (a hint, the common mistakes opened).
      const { lastCheck: last, hintsShown, aids = [] } = record;
      const line =
        last && record.attemptsUsed > (was.attemptsUsed ?? 0)
          ? { r: last.placements, c: last.correct, s: record.status === 'solved' }
          : hintsShown > (was.hintsShown ?? 0)
            ? { h: hintsShown }
            : record.mistakesShown && !was.mistakesShown
              ? { h: 0 }
              : aids.length > (was.aids?.length ?? 0)
                ? { a: aids[aids.length - 1]! }
                : null;
      const [to, as] = options.logAs?.(taskId) ?? [logKey, `${set.id}/${item}`];
      if (line) appendLog(storage, to, as, { t: now(), m: mode, ...line });
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

    /** Starts these tasks afresh: a count of resets, not a removal, so a merge anywhere knows the older progress is over. */
    const restart = (taskIds: readonly string[], extra: Partial<ExerciseState> = {}) => {
      const records: Record<string, SavedTask> = { ...latest() };
      for (const id of taskIds) {
        const item = lookup(id)?.item ?? '';
        const record = records[item];
        if (record) records[item] = { resets: (record.resets ?? 0) + 1 };
      }
      saved = records;
      setState({ progress: view(records), notices: {}, selection: null, ...extra });
      persist(records);
      emit({ type: 'reset', setId: set.id, mode, taskIds, time: now() });
    };

    return {
      set,
      rules,
      round,
      history,
      progress: view(saved),
      selection: null,
      notices: {},
      storageNotice: corrupt ? 'corrupt' : raw === undefined && storage ? 'unavailable' : null,

      place: (taskId, blank, option) => apply(taskId, (task, p) => placeOption(task, p, blank, option)),
      move: (taskId, from, to) => apply(taskId, (task, p) => moveBetween(task, p, from, to)),
      clear: (taskId, blank) => apply(taskId, (task, p) => clearBlank(task, p, blank)),
      respond: apply,
      startRound: (limitMs) => {
        latest();
        if (!roundRules) return;
        round = roundRules.start(round, set.tasks.length, now(), limitMs);
        restart(set.tasks.map((t) => t.id), { round });
      },
      submitRound: () => {
        latest();
        if (!roundRules || !round || round.submittedAt !== null) return;
        // The round is over: a task left unanswered counts as wrong, and ends as one would at its last
        // attempt (the page, its gradebook and xAPI hear that it failed).
        for (const task of set.tasks) {
          const open = progressOf(task.id);
          if (open.status !== 'active') continue;
          commit(task.id, { ...open, status: 'failed' });
          emit({ type: 'failed', ...base(task.id), attemptsUsed: open.attemptsUsed, hintsUsed: helpUsed(open), response: open.placements });
        }
        const score = scoreSet(set, getState().progress);
        ({ round, history } = roundRules.submit(
          round,
          set.tasks.map((t) => getState().progress[t.id]),
          history,
          now(),
        ));
        const at = round.submittedAt ?? now();
        setState({ round, history });
        persist(saved);
        emit({ type: 'completed', setId: set.id, mode, time: at, score });
      },

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
        const outcome = gradeCheck(entry.task, before, maxFor(entry.task), interaction);
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
          // A round (an exam) completes when it is submitted, not when its last answer is in.
          if (score.complete && rules.feedback === 'check') emit({ type: 'completed', setId: set.id, mode, time: now(), score });
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

      resetSet: (taskIds = set.tasks.map((task) => task.id)) => restart(taskIds),

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
      const before = saved;
      latest();
      if (saved !== before) store.setState({ progress: view(saved), round, history });
    },
    tidyStorage() {
      // Writing what storage holds merged with what was loaded is safe whoever wrote since.
      if (!v1 && !corrupt) return;
      const records = latest();
      if (Object.keys(records).length === 0) forget(storage, key);
      else if (persist(records) && v1Copied) {
        forget(storage, v1Key);
        v1Copied = false;
      }
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
