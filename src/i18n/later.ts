/**
 * English for the words a page shows or says only after the learner's first action (LaterKey in
 * table.ts): a check's outcome or why it was refused, the hints, the summary, the question Reset
 * progress asks, the rare notice about saved progress, the live region's sentences. This module comes
 * with the feedback chunk, so a first visit's page does not carry these words; a table that has its own
 * (French, a team's overrides) keeps them.
 */
import { list, type LaterKey, type PageStrings, type Strings } from './table.ts';

export const enLater: Pick<Strings, LaterKey> = {
  hintOf: (n, t) => `Hint ${n} of ${t}`,
  storageCorrupt: 'Your saved progress for this set could not be read, so it starts afresh.',
  storageUnavailable: 'This browser is not keeping progress (storage is full or blocked); it lasts until you leave the page.',
  dismiss: 'OK',
  checkedAlready: 'Already checked: change an answer first.',
  fillFirst: (blanks) => `Fill ${blanks.length === 1 ? 'blank' : 'blanks'} ${list(blanks, 'and')} before checking.`,
  resetConfirm: 'Start this set afresh? Your answers, attempts and hints will be cleared.',
  resetTasksConfirm: (tasks) =>
    `Start ${tasks.length === 1 ? 'task' : 'tasks'} ${list(tasks, 'and')} afresh? Your answers, attempts and hints there will be cleared.`,
  resetConfirmYes: 'Yes, start afresh',
  resetConfirmNo: 'Cancel',
  yourChoice: 'Your choice',
  mistakesLater: 'All are shown once the task ends.',
  correct: 'Correct',
  notYet: (wrong, left) => `${wrong} ${wrong === 1 ? 'blank is' : 'blanks are'} wrong. Attempts: ${left} left.`,
  solutionShown: 'The solution is shown in the blanks.',
  explanation: 'Explanation',
  summaryHeading: 'Summary',
  summaryScore: (s, t) => `${s} of ${t} tasks solved`,
  summaryAttempts: (n) => `${n} ${n === 1 ? 'attempt' : 'attempts'} used`,
  summaryHints: (n) => `${n} ${n === 1 ? 'hint' : 'hints'} used`,
  reviewTask: (n, solved) => `Review task ${n} (${solved ? 'solved' : 'not solved'})`,
  setFinished: 'Set finished:',
  seeSummary: 'See the summary',
  sayPlaced: (option, b) => `${option} placed in blank ${b}`,
  sayMoved: (option, from, to) => `${option} moved from blank ${from} to blank ${to}`,
  sayCleared: (option, b) => `${option} taken out of blank ${b}`,
  saySelectedBlank: (b) => `Blank ${b} selected. Choose an option.`,
  saySelectedOption: (option) => `${option} selected. Choose a blank.`,
  sayDeselected: 'Selection cleared',
  sayChecked: (wrong, left, solved, failed) =>
    solved
      ? 'Correct! Task solved.'
      : `${wrong.map((b) => `Blank ${b} is wrong.`).join(' ')} Attempts: ${left} left.${failed ? ' The solution is shown.' : ''}`,
  sayRefused: (blanks) => `Not checked: fill ${blanks.length === 1 ? 'blank' : 'blanks'} ${list(blanks, 'and')} first.`,
  sayHint: (n, t, text) => `Hint ${n} of ${t}: ${text}`,
};

const completed = new WeakMap<PageStrings, Strings>();

/** The page's table with English for any later word it lacks (made once per table). */
export function withLater(strings: PageStrings): Strings {
  let table = completed.get(strings);
  if (!table) completed.set(strings, (table = { ...enLater, ...strings } as Strings));
  return table;
}
