/**
 * The practice rules as pure functions over (task, progress): placements, readiness, grading, hints.
 *
 * Names keep what the learner did (`placements`) apart from the answer key (`answers`). Every function
 * returns a new progress value and never throws for a learner's action: an action the rules refuse comes
 * back as a value with a reason, so the UI can say why.
 */
import type { Mistake, Task } from '../schema/exercise-schema.ts';
import { blanksOfTask } from './template.ts';
import { MODES, type InteractionKind, type Policy } from './modes.ts';

/** The rules a mode sets (src/engine/modes.ts). */
export type Rules = Policy;

export const PRACTICE: Rules = MODES.practice;

export type TaskStatus = 'active' | 'solved' | 'failed';

/** Blank number -> the option text it holds. An empty blank has no key. */
export type Placements = Readonly<Record<number, string>>;

/** The outcome of the last graded check, kept so feedback survives a reload. */
export interface CheckRecord {
  /** The placements that were graded; feedback applies to a blank while it still holds the same option. */
  readonly placements: Placements;
  readonly correct: Readonly<Record<number, boolean>>;
  /** Indexes into `task.mistakes` whose `when` matched the graded placements. */
  readonly matchedMistakes: readonly number[];
  /** Near misses the interaction noticed in wrong parts ("check the capitals" in a typed answer). */
  readonly notes?: Readonly<Record<number, Note>>;
}

/** A wrong part that was nearly right: only the letter case differs, or one character. */
export type Note = 'case' | 'typo';

export interface TaskProgress {
  readonly placements: Placements;
  readonly attemptsUsed: number;
  readonly hintsShown: number;
  readonly status: TaskStatus;
  readonly lastCheck: CheckRecord | null;
  /** The learner opened the Common mistakes list while it held advice no check had given: help, like a hint. */
  readonly mistakesShown?: boolean;
  /** Help that made the problem easier (line order's "remove a distractor"): tokens its interaction reads. */
  readonly aids?: readonly string[];
}

export const FRESH_PROGRESS: TaskProgress = {
  placements: {},
  attemptsUsed: 0,
  hintsShown: 0,
  status: 'active',
  lastCheck: null,
};

/** What the task's own settings and the set's defaults allow. */
export function maxAttemptsFor(task: Task, setMaxAttempts: number | undefined, rules: Rules = PRACTICE): number {
  return rules.fixedAttempts ?? task.maxAttempts ?? setMaxAttempts ?? rules.defaultAttempts;
}

export function attemptsLeft(progress: Pick<TaskProgress, 'attemptsUsed'>, maxAttempts: number): number {
  return Math.max(0, maxAttempts - progress.attemptsUsed);
}

export function acceptedAnswers(task: Task, blank: number): readonly string[] {
  const answer = task.answers[String(blank)];
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [answer];
}

/** The key's first accepted option for every blank: what the learner sees when the attempts run out. */
export function solutionOf(task: Task): Placements {
  const solution: Record<number, string> = {};
  for (const blank of blanksOfTask(task)) {
    const first = acceptedAnswers(task, blank)[0];
    if (first !== undefined) solution[blank] = first;
  }
  return solution;
}

export type PlaceRefusal = 'locked' | 'unknown-blank' | 'unknown-option';
export type Change = { readonly ok: true; readonly progress: TaskProgress } | { readonly ok: false; readonly reason: PlaceRefusal };

/** Why a blank cannot change now (the task ended, or it has no such blank), or null. */
export function editable(task: Task, progress: TaskProgress, blank: number): PlaceRefusal | null {
  if (progress.status !== 'active') return 'locked';
  if (!(String(blank) in task.answers)) return 'unknown-blank';
  return null;
}

/** The options a blank offers: its group's (a bank per blank, as Moodle's groups give), or every option. */
export const offered = (task: Task, blank: number): readonly string[] => task.groups?.find((g) => g.blanks.includes(blank))?.options ?? task.options;

/** Whether an option may fill any number of blanks: all of them with `reusableOptions: true`, or the ones it lists (Moodle's "infinite"). */
export function reusable({ reusableOptions: r }: Task, option: string): boolean {
  return r === true || (!!r && r.includes(option));
}

/**
 * Puts an option in a blank that offers it. A single-use option sits in at most one blank: taken from
 * another blank, it moves, and whatever the target held goes to that blank (a swap) if that blank offers
 * it, else back to the bank; taken from the bank, the target's old option returns to the bank. A
 * reusable option is copied: it stays wherever it already is.
 */
export function place(task: Task, progress: TaskProgress, blank: number, option: string): Change {
  const refusal = editable(task, progress, blank);
  if (refusal) return { ok: false, reason: refusal };
  if (!offered(task, blank).includes(option)) return { ok: false, reason: 'unknown-option' };
  const source = reusable(task, option) ? undefined : blankHolding(progress.placements, option);
  return { ok: true, progress: { ...progress, placements: swap(task, progress.placements, source, blank, option) } };
}

/**
 * Moves whatever one blank holds to another that offers it (a drag from blank to blank): the two swap
 * when the target is full and the source offers its option. Reusable options move too; a copy is made
 * only by dragging from the bank.
 */
export function move(task: Task, progress: TaskProgress, from: number, to: number): Change {
  const refusal = editable(task, progress, from) ?? editable(task, progress, to);
  if (refusal) return { ok: false, reason: refusal };
  const option = progress.placements[from];
  if (option === undefined || from === to) return { ok: true, progress };
  if (!offered(task, to).includes(option)) return { ok: false, reason: 'unknown-option' };
  return { ok: true, progress: { ...progress, placements: swap(task, progress.placements, from, to, option) } };
}

/** `option` into `to`; `from` (if any, and not `to`) gets what `to` held when it offers that, else empties. */
function swap(task: Task, placements: Placements, from: number | undefined, to: number, option: string): Placements {
  const next: Record<number, string> = { ...placements };
  const target = next[to];
  if (from !== undefined && from !== to) {
    if (target !== undefined && offered(task, from).includes(target)) next[from] = target;
    else delete next[from];
  }
  next[to] = option;
  return next;
}

/** Empties a blank; its option returns to the bank. */
export function clear(task: Task, progress: TaskProgress, blank: number): Change {
  const refusal = editable(task, progress, blank);
  if (refusal) return { ok: false, reason: refusal };
  if (!(blank in progress.placements)) return { ok: true, progress };
  const next: Record<number, string> = { ...progress.placements };
  delete next[blank];
  return { ok: true, progress: { ...progress, placements: next } };
}

/** The blank that holds an option, if any (for options that are not reusable there is at most one). */
export function blankHolding(placements: Placements, option: string): number | undefined {
  for (const [blank, held] of Object.entries(placements)) if (held === option) return Number(blank);
  return undefined;
}

/** "Is it ready to grade?" is a question apart from "is it right?". */
export type Readiness = { readonly ready: true } | { readonly ready: false; readonly empty: readonly number[] };

export function readiness(task: Task, progress: TaskProgress, interaction: Interaction = BANK): Readiness {
  const empty = interaction.empty(task, progress.placements, progress.aids);
  return empty.length === 0 ? { ready: true } : { ready: false, empty };
}

export type CheckOutcome =
  | { readonly kind: 'refused'; readonly reason: 'incomplete'; readonly empty: readonly number[] }
  | { readonly kind: 'refused'; readonly reason: 'locked' | 'unchanged' }
  | {
      readonly kind: 'graded';
      readonly progress: TaskProgress;
      readonly record: CheckRecord;
      readonly solved: boolean;
      readonly attemptsLeft: number;
    };

/**
 * Grades the placements. Uses one attempt; an incomplete or locked task is refused and uses none, and so
 * is the answer the last check graded (a second click, or Check again without a change, tells nothing new).
 */
export function check(task: Task, progress: TaskProgress, maxAttempts: number, interaction: Interaction = BANK): CheckOutcome {
  if (progress.status !== 'active' || progress.attemptsUsed >= maxAttempts) return { kind: 'refused', reason: 'locked' };
  if (alreadyChecked(progress)) return { kind: 'refused', reason: 'unchanged' };
  const ready = readiness(task, progress, interaction);
  if (!ready.ready) return { kind: 'refused', reason: 'incomplete', empty: ready.empty };
  const { correct, notes } = interaction.grade(task, progress.placements, progress.aids);
  const solved = Object.values(correct).every(Boolean);
  const record: CheckRecord = {
    placements: progress.placements,
    correct,
    matchedMistakes: interaction.mistakes(task, progress.placements),
    ...(notes && Object.keys(notes).length ? { notes } : {}),
  };
  const attemptsUsed = progress.attemptsUsed + 1;
  const status: TaskStatus = solved ? 'solved' : attemptsUsed >= maxAttempts ? 'failed' : 'active';
  return {
    kind: 'graded',
    progress: { ...progress, attemptsUsed, status, lastCheck: record },
    record,
    solved,
    attemptsLeft: attemptsLeft({ attemptsUsed }, maxAttempts),
  };
}

/** The mistakes whose every condition holds for these placements. A mistake without `when` never matches. */
export function matchMistakes(task: Task, placements: Placements): number[] {
  const matched: number[] = [];
  task.mistakes?.forEach((mistake, index) => {
    const when = Object.entries(mistake.when ?? {});
    if (when.length === 0) return;
    const holds = when.every(([blank, choice]) => {
      const held = placements[Number(blank)];
      return held !== undefined && (Array.isArray(choice) ? choice.includes(held) : choice === held);
    });
    if (holds) matched.push(index);
  });
  return matched;
}

/** Whether the blanks hold exactly what the last check graded, so its feedback still applies as a whole. */
export function alreadyChecked({ placements, lastCheck }: TaskProgress): boolean {
  // Blank numbers are integer keys, which every object lists in ascending order: equal text, equal placements.
  return !!lastCheck && JSON.stringify(lastCheck.placements) === JSON.stringify(placements);
}

/** A line of the Common mistakes list; `matched` when the last check made this mistake. */
export type ListedMistake = Mistake & { readonly matched: boolean };

/**
 * The Common mistakes list, matched ones first. While the task is open it holds only what cannot give the
 * answer away: the mistakes the last check matched and those the author marked `always`. Once the task
 * ends, all of them.
 */
export function listedMistakes(task: Task, { status, lastCheck }: Pick<TaskProgress, 'status' | 'lastCheck'>): ListedMistake[] {
  return (task.mistakes ?? [])
    .map((m, i) => ({ ...m, matched: !!lastCheck?.matchedMistakes.includes(i) }))
    .filter((m) => status !== 'active' || m.matched || m.always)
    .sort((a, b) => +b.matched - +a.matched);
}

/**
 * Opening the Common mistakes list of an open task counts as help, like a hint, when it shows advice no
 * check gave (a mistake marked `always`); a matched mistake was the check's own feedback. Unchanged
 * progress comes back when it does not count.
 */
export function revealMistakes(task: Task, progress: TaskProgress): TaskProgress {
  return progress.status === 'active' && !progress.mistakesShown && listedMistakes(task, progress).some((m) => !m.matched)
    ? { ...progress, mistakesShown: true }
    : progress;
}

/** The help a score counts: hints shown, one more for the Common mistakes list opened for advice, and each aid. */
export const helpUsed = (progress: TaskProgress): number => progress.hintsShown + (progress.mistakesShown ? 1 : 0) + (progress.aids?.length ?? 0);

/** Whether a blank's current option is the one the last check graded (so its right/wrong mark still applies). */
export function feedbackFor(progress: TaskProgress, blank: number): boolean | undefined {
  const last = progress.lastCheck;
  if (!last || last.placements[blank] !== progress.placements[blank]) return undefined;
  return last.correct[blank];
}

export type HintOutcome = { readonly ok: true; readonly progress: TaskProgress; readonly hint: string; readonly index: number } | { readonly ok: false; readonly reason: 'none-left' | 'not-allowed' | 'locked' };

/** Reveals the next hint, one at a time; the count is kept for the score. */
export function revealHint(task: Task, progress: TaskProgress, rules: Rules = PRACTICE): HintOutcome {
  if (!rules.hintsAllowed) return { ok: false, reason: 'not-allowed' };
  if (progress.status !== 'active') return { ok: false, reason: 'locked' };
  const hints = task.hints ?? [];
  const hint = hints[progress.hintsShown];
  if (hint === undefined) return { ok: false, reason: 'none-left' };
  return { ok: true, progress: { ...progress, hintsShown: progress.hintsShown + 1 }, hint, index: progress.hintsShown };
}

/** Clears the placements; attempts already used stay used. A locked task stays as it is. */
export function resetPlacements(progress: TaskProgress): TaskProgress {
  if (progress.status !== 'active') return progress;
  return { ...progress, placements: {} };
}

/** A learner's answer to a task, part by part: blank -> text, or (line order) position -> line. */
export type Response = Placements;

/** How an answer from the learner is what xAPI calls an interaction (its type, response and correct pattern). */
export interface XapiInteraction {
  readonly interactionType: 'fill-in' | 'choice' | 'sequencing' | 'matching' | 'long-fill-in' | 'other';
  readonly response: string;
  readonly correctResponsesPattern: readonly string[];
  readonly choices?: readonly XapiComponent[];
  /** A matching's two sides (Pick: the blanks, and the options they are matched with). */
  readonly source?: readonly XapiComponent[];
  readonly target?: readonly XapiComponent[];
}

/** An xAPI interaction component: an option, a blank, a line. */
export interface XapiComponent {
  readonly id: string;
  readonly description: Readonly<Record<string, string>>;
}

/**
 * How the learner answers, as a pure module (Perseus keeps scoring apart from rendering in the same way):
 * what a part may hold, what is still empty, the grade part by part, the mistakes an answer makes, and the
 * answer as an xAPI interaction. The practice bank is the first; a mode's chunk brings its own.
 */
export interface Interaction {
  readonly kind: InteractionKind;
  /**
   * Whether a part may hold this text, for the interactions that set one part at a time (select.ts's
   * setPart refuses anything else); the bank's own verbs (place, move) check their options themselves.
   */
  accepts?(task: Task, part: number, value: string): boolean;
  /** The parts still to fill: a check is refused, and uses no attempt, until there are none. */
  empty(task: Task, response: Response, aids?: readonly string[]): readonly number[];
  grade(task: Task, response: Response, aids?: readonly string[]): { readonly correct: Record<number, boolean>; readonly notes?: Record<number, Note> };
  /** Indexes into `task.mistakes` whose every condition holds. */
  mistakes(task: Task, response: Response): number[];
  /** The answer as an xAPI interaction; the bank's (H5P's fill-in) lives with the statements, src/embed/xapi.ts. */
  xapi?(task: Task, response: Response, aids?: readonly string[]): XapiInteraction;
}

/** Options into blanks: the practice bank (and the exam's). A part holds one of the task's options. */
export const BANK: Interaction = {
  kind: 'bank',
  empty: (task, response) => blanksOfTask(task).filter((blank) => response[blank] === undefined),
  grade: (task, response) => {
    const correct: Record<number, boolean> = {};
    for (const blank of blanksOfTask(task)) correct[blank] = acceptedAnswers(task, blank).includes(response[blank] ?? '');
    return { correct };
  },
  mistakes: matchMistakes,
};
