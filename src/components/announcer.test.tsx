// What a screen reader hears: our own words in one polite live region, never dnd-kit's ids.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { en } from '../i18n/strings.ts';
import type { ExerciseEvent } from '../store/events.ts';
import { announce } from './announce.ts';
import { renderSet } from '../test-support/fixtures.tsx';
import { loadFeedback } from './task-card.tsx';


/**
 * Our live region. dnd-kit adds its own role="status" regions (assertive, in <body>, one per task), so
 * the query is scoped to the set's article and to the polite region.
 */
function liveRegion(): HTMLElement {
  const regions = within(screen.getByRole('article')).getAllByRole('status').filter((el) => el.getAttribute('aria-live') === 'polite');
  expect(regions).toHaveLength(1);
  return regions[0]!;
}
// The words are in the chunk the first action loads (announce.ts, with feedback.tsx). Imported here once,
// up front: under vitest a first import compiles the module, slower than a test's timeout on a busy machine.
beforeAll(async () => {
  await loadFeedback();
}, 30_000);

/** The words, without the no-break space that makes a repeat announce again. */
const said = () => liveRegion().textContent?.replace(/\u00a0$/, '');

const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const blank = (n: number, b = 1) => within(task(n)).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (n: number, text: string) => within(task(n)).getByRole('button', { name: text });

async function placeAndCheck(user: UserEvent, n: number, text: string) {
  await user.click(blank(n));
  await user.click(option(n, text));
  await user.click(within(task(n)).getByRole('button', { name: 'Check' }));
}

describe('the live region', () => {
  it('is one polite, atomic status region, present and empty before anything happens', () => {
    renderSet();
    expect(liveRegion()).toHaveAttribute('aria-atomic', 'true');
    expect(liveRegion()).toBeEmptyDOMElement();
  });

  it('says what was selected and where it was placed', async () => {
    const { user } = renderSet();
    await user.click(blank(1));
    // The words follow the event once their chunk has answered (a promise, even when it is in).
    await waitFor(() => expect(said()).toBe('Blank 1 selected. Choose an option.'));
    await user.click(option(1, 'client_credentials'));
    expect(said()).toBe('client_credentials placed in blank 1');
    await user.click(option(1, 'password'));
    expect(said()).toBe('password selected. Choose a blank.');
    await user.click(option(1, 'password'));
    expect(said()).toBe('Selection cleared');
  });

  it('says when an option is taken out of a blank, or moved to another', async () => {
    const { user } = renderSet();
    await user.click(blank(5, 1));
    await user.click(option(5, 'your_client_id'));
    await user.click(within(task(5)).getByRole('button', { name: 'Clear blank 1' }));
    expect(said()).toBe('your_client_id taken out of blank 1');
    await user.click(blank(5, 1));
    await user.click(option(5, 'your_client_id'));
    await user.click(blank(5, 3));
    await user.click(option(5, 'your_client_id'));
    expect(said()).toBe('your_client_id moved from blank 1 to blank 3');
  });

  it('says which blanks are wrong, how many attempts are left, and the mistake the answer made', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, 'password');
    expect(said()).toBe(
      "Blank 1 is wrong. Attempts: 2 left. Your choice: Using 'password': the resource owner password grant sends a user's password and is deprecated in OAuth 2.1.",
    );
  });

  it('says nothing more when no mistake matched the answer', async () => {
    const { user } = renderSet();
    await user.click(blank(5, 1));
    await user.click(option(5, 'client_credentials'));
    await user.click(blank(5, 2));
    await user.click(option(5, 'your_client_id'));
    await user.click(blank(5, 3));
    await user.click(option(5, 'authorization_code'));
    await user.click(within(task(5)).getByRole('button', { name: 'Check' }));
    expect(said()).toBe('Blank 3 is wrong. Attempts: 2 left.');
  });

  it('says why a check was refused', async () => {
    const { user } = renderSet();
    await user.click(within(task(5)).getByRole('button', { name: 'Check' }));
    expect(said()).toBe('Not checked: fill blanks 1, 2 and 3 first.');
  });

  it('says a solved task is correct', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, 'client_credentials');
    expect(said()).toBe('Correct! Task solved.');
  });

  it('says the solution is shown after the last attempt', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 4, 'token');
    await placeAndCheck(user, 4, '[');
    await placeAndCheck(user, 4, ']');
    expect(said()).toBe(
      'Blank 1 is wrong. Attempts: 0 left. The solution is shown. Your choice: Choosing a bracket: the square brackets are already in the code, and the blank between the quotes is the key\'s name.',
    );
  });

  it('reads a hint with its number', async () => {
    const { user } = renderSet();
    await user.click(within(task(2)).getByRole('button', { name: 'Hint' }));
    expect(said()).toBe('Hint 1 of 2: Look at the shape of the body: key=value pairs joined with &.');
  });

  it('the same words twice still change the region, so they are announced twice', async () => {
    const { user } = renderSet();
    await user.click(within(task(1)).getByRole('button', { name: 'Check' }));
    const first = liveRegion().textContent;
    await user.click(within(task(1)).getByRole('button', { name: 'Check' }));
    expect(liveRegion().textContent).not.toBe(first);
    expect(said()).toBe('Not checked: fill blank 1 first.');
  });

  it("never speaks dnd-kit's ids", async () => {
    const { user } = renderSet();
    await user.click(blank(1));
    await user.click(option(1, 'password'));
    expect(liveRegion().textContent).not.toMatch(/draggable|option:|drop:|grant-type/);
  });
});

describe('announce', () => {
  const base = { setId: 's', mode: 'practice', taskId: 't', taskNumber: 1, time: 0 };
  it.each<[string, ExerciseEvent, string | null]>([
    ['placed', { type: 'placed', ...base, blank: 2, option: 'x', from: null, replaced: null }, 'x placed in blank 2'],
    ['placed over another', { type: 'placed', ...base, blank: 2, option: 'x', from: null, replaced: 'y' }, 'x placed in blank 2'],
    ['moved', { type: 'placed', ...base, blank: 2, option: 'x', from: 1, replaced: null }, 'x moved from blank 1 to blank 2'],
    ['cleared', { type: 'placed', ...base, blank: 2, option: null, from: null, replaced: 'x' }, 'x taken out of blank 2'],
    [
      'two wrong',
      { type: 'checked', ...base, correct: false, blanks: [{ blank: 1, option: 'a', correct: false }, { blank: 3, option: 'b', correct: false }], attemptsUsed: 1, attemptsLeft: 2, mistakes: [] },
      'Blank 1 is wrong. Blank 3 is wrong. Attempts: 2 left.',
    ],
    ['refused, two blanks', { type: 'check-refused', ...base, emptyBlanks: [1, 2] }, 'Not checked: fill blanks 1 and 2 first.'],
    ['solved (the check said it)', { type: 'solved', ...base, attemptsUsed: 1, hintsUsed: 0, response: {} }, null],
    ['set completed', { type: 'completed', setId: 's', mode: 'practice', time: 0, score: { total: 5, solved: 4, failed: 1, open: 0, attemptsUsed: 9, hintsUsed: 0, complete: true, scaled: 0.8 } }, 'Set finished: 4 of 5 tasks solved.'],
  ])('%s', (_name, event, words) => {
    expect(announce(event, en)).toBe(words);
  });

  it.each<[string, readonly number[], string]>([
    ['one matched mistake, after the attempts', [1], 'Blank 1 is wrong. Attempts: 2 left. Your choice: Second.'],
    ['two, in the task\'s order', [0, 1], 'Blank 1 is wrong. Attempts: 2 left. Your choice: First. Your choice: Second.'],
    ['none', [], 'Blank 1 is wrong. Attempts: 2 left.'],
  ])('a wrong check with the set speaks the matched mistakes: %s', (_name, mistakes, words) => {
    const set = { tasks: [{ mistakes: [{ text: 'First.' }, { text: 'Second.' }] }] } as unknown as Parameters<typeof announce>[2];
    const event: ExerciseEvent = { type: 'checked', ...base, correct: false, blanks: [{ blank: 1, option: 'a', correct: false }], attemptsUsed: 1, attemptsLeft: 2, mistakes };
    expect(announce(event, en, set)).toBe(words);
  });
});
