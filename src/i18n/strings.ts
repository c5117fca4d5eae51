/**
 * Every word the UI shows or speaks, in one replaceable table. English is built in and French is
 * complete, which proves the mechanism; a team passes its own table (or a partial one) to the embed.
 * Functions rather than templates: a translator can reorder the words, and plurals stay correct.
 */
import type { PageStrings, Strings } from './table.ts';

/** English, less the words that follow the learner's first action: later.ts has those (table.ts says why). */
export const en: PageStrings = {
  lang: 'en',
  practice: (n) => `Practice · ${n} ${n === 1 ? 'task' : 'tasks'}`,
  minutes: (m) => `~${m} mins`,
  solvedOf: (s, t) => `${s} of ${t} solved`,
  taskHeading: (n) => `Task ${n}`,
  difficulty: { easy: 'easy', medium: 'medium', hard: 'hard' },
  instructions: 'Drag options to blanks, or click blank then click option',
  instructionsTouch: 'Drag options to blanks, or tap a blank then an option',
  optionsLabel: 'Options',
  codeLabel: (language) => `Code (${language})`,
  blankEmpty: (b) => `Blank ${b}, empty`,
  blankFilled: (b, option) => `Blank ${b}: ${option}`,
  blankRight: 'right',
  blankWrong: 'wrong',
  blankSolution: 'solution',
  clearBlank: (b) => `Clear blank ${b}`,
  optionPlacedIn: (b) => `in blank ${b}`,
  attemptsLeft: (n) => `Attempts: ${n} left`,
  check: 'Check',
  hint: 'Hint',
  reset: 'Reset',
  mistakesHeading: 'Common mistakes',
  solvedIn: (n) => `Solved in ${n} ${n === 1 ? 'attempt' : 'attempts'}`,
  failed: 'No attempts left',
  statusSolved: 'Solved',
  statusFailed: 'Not solved',
  resetProgress: 'Reset progress',
  taskCrashed: (n) => `Task ${n} could not be shown. The other tasks still work.`,
  setInvalid: (source) => `This exercise set could not be loaded: ${source}`,
  loading: 'Loading…',
  dragInstructions: 'Enter picks this option for a blank. To drag it instead: Shift+Space, the arrow keys to a blank, Space to drop, Escape to cancel.',
  dragPickedUp: (option) => `Picked up ${option}.`,
  dragOver: (option, b) => (b === null ? `${option} is not over a blank.` : `${option} is over blank ${b}.`),
  dragDropped: (option, b) => (b === null ? `${option} dropped back in the options.` : `${option} dropped in blank ${b}.`),
  dragCancelled: (option) => `Dragging cancelled. ${option} went back.`,
};

/** The table as this screen needs it: on a touch screen the instructions say "tap", not "click". */
export function forPointer<T extends PageStrings>(strings: T): T {
  return globalThis.matchMedia?.('(pointer: coarse)').matches ? { ...strings, instructions: strings.instructionsTouch } : strings;
}

/** Built-in tables beyond English, each its own chunk: a page pays only for the language it shows. */
const LOADERS: Readonly<Record<string, () => Promise<Strings>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
};

/**
 * The table for a language tag ("fr-CA" falls back to "fr", anything unknown to English), with a
 * team's own overrides on top. Resolves, never rejects: a table that fails to load means English.
 */
export async function loadStrings(lang: string | undefined, overrides?: Partial<Strings>): Promise<PageStrings> {
  const tag = (lang ?? 'en').toLowerCase();
  const loader = LOADERS[tag] ?? LOADERS[tag.split('-')[0] ?? ''];
  const base: PageStrings = loader ? await loader().catch(() => en) : en;
  return overrides ? { ...base, ...overrides } : base;
}
