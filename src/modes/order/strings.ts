/**
 * Line order's own words, in its chunk: the practice page pays nothing for them. Picked by the
 * exercise's language (`useStrings().lang`); a language without a table here reads English. French is
 * strings-fr.ts, a chunk fetched with the mode only for a page in French (view.tsx's `prepare`).
 */
import { list, type Strings } from '../../i18n/table.ts';

export interface OrderStrings {
  readonly pool: string;
  readonly program: string;
  readonly instructions: string;
  /** A pool line's name: its code, and its block size when lines were joined. */
  readonly poolLine: (text: string, joined: number) => string;
  readonly slotEmpty: (slot: number) => string;
  readonly slotFilled: (slot: number, text: string) => string;
  readonly level: (level: number) => string;
  readonly right: string;
  readonly wrong: string;
  readonly solution: string;
  readonly poolEmpty: string;
  readonly up: string;
  readonly down: string;
  readonly in: string;
  readonly out: string;
  readonly back: string;
  readonly lineTools: (slot: number) => string;
  readonly help: string;
  readonly helped: (kind: 'drop' | 'join') => string;
  readonly keys: string;
  readonly sayPlaced: (text: string, slot: number) => string;
  readonly sayRemoved: (text: string) => string;
  readonly saySelected: (text: string) => string;
  readonly sayLevel: (text: string, level: number) => string;
}

export const en: OrderStrings = {
  pool: 'Lines',
  program: 'Your program',
  instructions: 'Put the lines in order: drag a line into your program, or pick a line, then its place.',
  poolLine: (text, joined) => (joined > 1 ? `${text} (${joined} lines joined)` : text),
  slotEmpty: (slot) => `Line ${slot}, empty`,
  slotFilled: (slot, text) => `Line ${slot}: ${text}`,
  level: (level) => `indent ${level}`,
  right: 'right',
  wrong: 'wrong',
  solution: 'solution',
  poolEmpty: 'Every line is in your program.',
  up: 'Move up',
  down: 'Move down',
  in: 'Indent',
  out: 'Outdent',
  back: 'Back to Lines',
  lineTools: (slot) => `Line ${slot}`,
  help: 'Make it easier',
  helped: (kind) => (kind === 'drop' ? 'A line that belongs nowhere was taken away.' : 'Two lines that belong together were joined.'),
  keys: 'Alt+Up and Alt+Down move a line, Alt+Left and Alt+Right change its indent, Delete sends it back.',
  sayPlaced: (text, slot) => `${text}: line ${slot}.`,
  sayRemoved: (text) => `${text}: back to Lines.`,
  saySelected: (text) => `${text} selected; choose a place in your program.`,
  sayLevel: (text, level) => `${text}: indent ${level}.`,
};

/** The shared words line order says its own way: its parts are the lines of the program, not blanks. */
export const sharedEn: Partial<Strings> = {
  fillFirst: (slots) => `Fill ${slots.length === 1 ? 'line' : 'lines'} ${list(slots, 'and')} of your program before checking.`,
  notYet: (wrong, left) => `${wrong} ${wrong === 1 ? 'line is' : 'lines are'} wrong. Attempts: ${left} left.`,
  solutionShown: 'The solution is shown in your program.',
  blankFilled: (slot) => `Line ${slot}`,
  sayChecked: (wrong, left, solved, failed) =>
    solved ? 'Correct! Task solved.' : `${wrong.length === 1 ? 'Line' : 'Lines'} ${list(wrong, 'and')} wrong. Attempts: ${left} left.${failed ? ' The solution is shown.' : ''}`,
  sayRefused: (slots) => `Not checked: fill ${slots.length === 1 ? 'line' : 'lines'} ${list(slots, 'and')} first.`,
  // The view says where a line went in its own words; the store's events name lines by id.
  sayPlaced: () => '',
  sayMoved: () => '',
  sayCleared: () => '',
};
