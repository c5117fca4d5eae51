/**
 * The shape of a table of UI words, and what every table may use to build its sentences. Each table
 * (strings.ts for English, fr.ts, a team's own) depends on this file only.
 */
export interface Strings {
  /** The table's language ('en', 'fr'): a mode's chunk picks its own words by it. */
  readonly lang: string;
  readonly practice: (tasks: number) => string;
  readonly minutes: (minutes: number) => string;
  readonly solvedOf: (solved: number, total: number) => string;
  readonly taskHeading: (n: number) => string;
  readonly difficulty: Readonly<Record<'easy' | 'medium' | 'hard', string>>;
  readonly instructions: string;
  /** The instructions on a touch screen, where nothing is clicked. */
  readonly instructionsTouch: string;
  readonly optionsLabel: string;
  readonly codeLabel: (language: string) => string;
  readonly blankEmpty: (blank: number) => string;
  readonly blankFilled: (blank: number, option: string) => string;
  readonly blankRight: string;
  readonly blankWrong: string;
  readonly blankSolution: string;
  readonly clearBlank: (blank: number) => string;
  readonly optionPlacedIn: (blank: number) => string;
  readonly attemptsLeft: (n: number) => string;
  readonly check: string;
  readonly hint: string;
  readonly reset: string;
  readonly hintOf: (n: number, total: number) => string;
  readonly mistakesHeading: string;
  readonly yourChoice: string;
  readonly mistakesLater: string;
  readonly checkedAlready: string;
  readonly solvedIn: (attempts: number) => string;
  readonly fillFirst: (blanks: readonly number[]) => string;
  readonly correct: string;
  readonly notYet: (wrong: number, attemptsLeft: number) => string;
  readonly failed: string;
  readonly solutionShown: string;
  readonly explanation: string;
  readonly statusSolved: string;
  readonly statusFailed: string;
  readonly resetProgress: string;
  readonly resetConfirm: string;
  /** The question when an element shows only some tasks of the set: only those are reset. */
  readonly resetTasksConfirm: (tasks: readonly number[]) => string;
  readonly resetConfirmYes: string;
  readonly resetConfirmNo: string;
  readonly summaryHeading: string;
  readonly summaryScore: (solved: number, total: number) => string;
  readonly summaryAttempts: (n: number) => string;
  readonly summaryHints: (n: number) => string;
  readonly reviewTask: (n: number, solved: boolean) => string;
  /** Said and shown where the learner ended the set, before the score; then the link to the summary. */
  readonly setFinished: string;
  readonly seeSummary: string;
  readonly storageCorrupt: string;
  readonly storageUnavailable: string;
  readonly taskCrashed: (n: number) => string;
  readonly setInvalid: (source: string) => string;
  readonly loading: string;
  // What screen readers hear: our own wording, never dnd-kit's "draggable item id".
  readonly sayPlaced: (option: string, blank: number) => string;
  readonly sayMoved: (option: string, from: number, to: number) => string;
  readonly sayCleared: (option: string, blank: number) => string;
  readonly saySelectedBlank: (blank: number) => string;
  readonly saySelectedOption: (option: string) => string;
  readonly sayDeselected: string;
  readonly sayChecked: (wrongBlanks: readonly number[], attemptsLeft: number, solved: boolean, failed: boolean) => string;
  readonly sayRefused: (blanks: readonly number[]) => string;
  readonly sayHint: (n: number, total: number, text: string) => string;
  readonly dragInstructions: string;
  readonly dragPickedUp: (option: string) => string;
  readonly dragOver: (option: string, blank: number | null) => string;
  readonly dragDropped: (option: string, blank: number | null) => string;
  readonly dragCancelled: (option: string) => string;
  readonly dismiss: string;
}

/**
 * The words a page shows or says only after the learner's first action. English for them travels with
 * the feedback chunk (later.ts), not with every page; the components that show them (feedback.tsx,
 * announce.ts, summary.tsx) complete the page's table with `withLater`.
 */
export type LaterKey =
  | 'hintOf'
  | 'storageCorrupt'
  | 'storageUnavailable'
  | 'dismiss'
  | 'checkedAlready'
  | 'fillFirst'
  | 'resetConfirm'
  | 'resetTasksConfirm'
  | 'resetConfirmYes'
  | 'resetConfirmNo'
  | 'yourChoice'
  | 'mistakesLater'
  | 'correct'
  | 'notYet'
  | 'solutionShown'
  | 'explanation'
  | 'summaryHeading'
  | 'summaryScore'
  | 'summaryAttempts'
  | 'summaryHints'
  | 'reviewTask'
  | 'setFinished'
  | 'seeSummary'
  | 'sayPlaced'
  | 'sayMoved'
  | 'sayCleared'
  | 'saySelectedBlank'
  | 'saySelectedOption'
  | 'sayDeselected'
  | 'sayChecked'
  | 'sayRefused'
  | 'sayHint';

/** A table as a page holds it: every word, except that English has the later ones only once later.ts is in. */
export type PageStrings = Omit<Strings, LaterKey> & Partial<Pick<Strings, LaterKey>>;

/** "1, 2 and 3": joins blank numbers with the language's word for "and". */
export const list = (items: readonly number[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
