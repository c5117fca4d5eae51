// A learner working through the seed set's tasks with clicks and keys, as a screen reader names things.
import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { SEED_SET, renderSet } from '../test-support/fixtures.tsx';


const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const blank = (n: number, b = 1) => within(task(n)).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (n: number, text: string) => within(task(n)).getByRole('button', { name: text });
const button = (n: number, name: string) => within(task(n)).getByRole('button', { name });
/** The Common mistakes disclosure of task n: the heading's button and what it shows. */
const mistakesOf = (n: number) => within(task(n)).getByRole('heading', { name: 'Common mistakes' }).parentElement!;

async function place(user: UserEvent, n: number, b: number, text: string) {
  await user.click(blank(n, b));
  await user.click(option(n, text));
}

async function placeAndCheck(user: UserEvent, n: number, answers: Record<number, string>) {
  for (const [b, text] of Object.entries(answers)) await place(user, n, Number(b), text);
  await user.click(button(n, 'Check'));
}

/** Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(user: UserEvent, target: HTMLElement, { shift = false, max = 30 } = {}) {
  for (let i = 0; i < max && document.activeElement !== target; i += 1) await user.tab({ shift });
  expect(target).toHaveFocus();
}

describe('placing options', () => {
  it('a blank, then an option: the blank holds the option and the option says where it went', async () => {
    const { user } = renderSet();
    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');
    await user.click(blank(1));
    expect(blank(1)).toHaveAttribute('aria-pressed', 'true');
    await user.click(option(1, 'client_credentials'));
    expect(blank(1)).toHaveAccessibleName('Blank 1: client_credentials');
    expect(blank(1)).toHaveAttribute('aria-pressed', 'false');
    expect(option(1, 'client_credentials')).toHaveAccessibleDescription(/in blank 1/);
    expect(option(1, 'password')).not.toHaveAccessibleDescription(/in blank/);
  });

  it('an option, then a blank: the same result', async () => {
    const { user } = renderSet();
    await user.click(option(2, 'text/plain'));
    expect(option(2, 'text/plain')).toHaveAttribute('aria-pressed', 'true');
    await user.click(blank(2));
    expect(blank(2)).toHaveAccessibleName('Blank 1: text/plain');
    expect(option(2, 'text/plain')).toHaveAttribute('aria-pressed', 'false');
  });

  it('clicking a selected option again deselects it, and nothing is placed', async () => {
    const { user } = renderSet();
    await user.click(option(1, 'password'));
    await user.click(option(1, 'password'));
    expect(option(1, 'password')).toHaveAttribute('aria-pressed', 'false');
    await user.click(blank(1));
    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');
  });

  it("placing into a filled blank returns the blank's old option to the bank", async () => {
    const { user } = renderSet();
    await place(user, 5, 2, 'your_client_secret');
    await place(user, 5, 2, 'your_client_id');
    expect(blank(5, 2)).toHaveAccessibleName('Blank 2: your_client_id');
    expect(option(5, 'your_client_secret')).not.toHaveAccessibleDescription(/in blank/);
    expect(option(5, 'your_client_id')).toHaveAccessibleDescription(/in blank 2/);
  });

  it('an option already in one blank moves to the blank chosen next; the two blanks swap', async () => {
    const { user } = renderSet();
    await place(user, 5, 1, 'your_client_id');
    await place(user, 5, 2, 'your_client_secret');
    await place(user, 5, 2, 'your_client_id');
    expect(blank(5, 1)).toHaveAccessibleName('Blank 1: your_client_secret');
    expect(blank(5, 2)).toHaveAccessibleName('Blank 2: your_client_id');
  });

  it("the clear button empties the blank and the option goes back to the bank", async () => {
    const { user } = renderSet();
    await place(user, 1, 1, 'password');
    await user.click(button(1, 'Clear blank 1'));
    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');
    expect(option(1, 'password')).not.toHaveAccessibleDescription(/in blank/);
    expect(within(task(1)).queryByRole('button', { name: 'Clear blank 1' })).toBeNull();
  });

  it('clearing by keyboard keeps focus in the task: it moves to the emptied blank', async () => {
    const { user } = renderSet();
    await place(user, 1, 1, 'password');
    await tabTo(user, button(1, 'Clear blank 1'), { shift: true });
    await user.keyboard('{Enter}');
    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');
    expect(blank(1)).toHaveFocus();
  });

  it.each(['{Delete}', '{Backspace}'])('%s on a filled blank empties it', async (key) => {
    const { user } = renderSet();
    await place(user, 1, 1, 'password');
    act(() => blank(1).focus());
    await user.keyboard(key);
    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');
    expect(blank(1)).toHaveFocus();
  });

  it('the keyboard alone: Tab to a blank, Enter, Tab to an option, Enter, then Check', async () => {
    const { user } = renderSet();
    await tabTo(user, blank(1));
    await user.keyboard('{Enter}');
    expect(blank(1)).toHaveAttribute('aria-pressed', 'true');
    await tabTo(user, option(1, 'client_credentials'));
    await user.keyboard('{Enter}');
    expect(blank(1)).toHaveAccessibleName('Blank 1: client_credentials');
    await tabTo(user, button(1, 'Check'));
    await user.keyboard(' ');
    expect(within(task(1)).getByText('Correct')).toBeVisible();
  });

  it('Escape on a selected option cancels the selection', async () => {
    const { user } = renderSet();
    await tabTo(user, option(1, 'password'));
    await user.keyboard('{Enter}');
    expect(option(1, 'password')).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    expect(option(1, 'password')).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('checking', () => {
  it('Check with an empty blank is refused: the message names the blank and no attempt is used', async () => {
    const { user } = renderSet();
    await user.click(button(1, 'Check'));
    expect(within(task(1)).getByRole('alert')).toHaveTextContent('Fill blank 1 before checking.');
    expect(within(task(1)).getByText('Attempts: 3 left')).toBeVisible();

    await place(user, 5, 2, 'your_client_id');
    await user.click(button(5, 'Check'));
    expect(within(task(5)).getByRole('alert')).toHaveTextContent('Fill blanks 1 and 3 before checking.');
    expect(within(task(5)).getByText('Attempts: 3 left')).toBeVisible();
  });

  it('the refusal goes away once the learner changes something', async () => {
    const { user } = renderSet();
    await user.click(button(1, 'Check'));
    await place(user, 1, 1, 'password');
    expect(within(task(1)).queryByRole('alert')).toBeNull();
  });

  it('a wrong check marks the blank wrong, uses an attempt and shows the mistake the answer made, and only that one', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, { 1: 'password' });
    expect(blank(1)).toHaveAccessibleName('Blank 1: password, wrong');
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();
    expect(within(task(1)).getByText(/1 blank is wrong\. Attempts: 2 left\./)).toBeVisible();
    expect(within(task(1)).getByText(/^Using 'password': the resource owner password grant/)).toHaveTextContent(/^Your choice: Using 'password'/);
    expect(within(task(1)).queryByText(/Using '(refresh_token|authorization_code)'/)).toBeNull();

    // The Common mistakes list, opened, holds the matched mistake alone: the other wrong options stay unnamed.
    await user.click(button(1, 'Common mistakes'));
    const items = within(mistakesOf(1)).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("Your choice: Using 'password': the resource owner password grant");
    expect(within(mistakesOf(1)).getByText('All are shown once the task ends.')).toBeVisible();
    expect(within(task(1)).queryByRole('heading', { name: 'Explanation' })).toBeNull();
  });

  it('several wrong blanks: each is marked, the right one too, and the matching two-blank mistake comes first', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 5, { 1: 'client_credentials', 2: 'your_client_secret', 3: 'your_client_id' });
    expect(blank(5, 1)).toHaveAccessibleName('Blank 1: client_credentials, right');
    expect(blank(5, 2)).toHaveAccessibleName('Blank 2: your_client_secret, wrong');
    expect(blank(5, 3)).toHaveAccessibleName('Blank 3: your_client_id, wrong');
    expect(within(task(5)).getByText(/2 blanks are wrong\. Attempts: 2 left\./)).toBeVisible();
    expect(within(task(5)).getByText('Swapping client ID and secret values.')).toHaveTextContent('Your choice: Swapping client ID and secret values.');
    expect(within(task(5)).queryByText('Using the wrong grant type.')).toBeNull();
  });

  it("a blank's wrong mark goes once it holds something else", async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, { 1: 'password' });
    await place(user, 1, 1, 'refresh_token');
    expect(blank(1)).toHaveAccessibleName('Blank 1: refresh_token');
  });

  it('a right check shows "Correct", the explanation, and locks the task', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, { 1: 'client_credentials' });
    const card = within(task(1));
    expect(card.getByText('Correct')).toBeVisible();
    expect(card.getByText(/Solved$/)).toBeVisible();
    expect(card.getByRole('heading', { name: 'Explanation' })).toBeVisible();
    expect(card.getByText(/grant_type=client_credentials asks the authorization server/)).toBeVisible();
    expect(blank(1)).toHaveAccessibleName('Blank 1: client_credentials, right');
    expect(blank(1)).toHaveAttribute('aria-disabled', 'true');
    // An ended task says how it ended instead of showing attempts and dead buttons.
    expect(card.getByText('Solved in 1 attempt')).toBeVisible();
    expect(card.queryByText(/^Attempts:/)).toBeNull();
    for (const name of ['Check', 'Hint', 'Reset']) expect(card.queryByRole('button', { name })).toBeNull();
    // Its Common mistakes stay closed until opened; then all four show, and nothing counts as help any more.
    expect(card.queryByRole('listitem')).toBeNull();
    await user.click(button(1, 'Common mistakes'));
    expect(within(mistakesOf(1)).getAllByRole('listitem')).toHaveLength(4);
    await user.click(option(1, 'password'));
    expect(blank(1)).toHaveAccessibleName('Blank 1: client_credentials, right');
  });

  it('three wrong checks: the solution fills the blanks, the task locks, the explanation shows', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 4, { 1: 'token' });
    await placeAndCheck(user, 4, { 1: '[' });
    expect(within(task(4)).getByText('Attempts: 1 left')).toBeVisible();
    await placeAndCheck(user, 4, { 1: ']' });

    const card = within(task(4));
    expect(blank(4)).toHaveAccessibleName('Blank 1: access_token, solution');
    expect(blank(4)).toHaveAttribute('aria-disabled', 'true');
    expect(card.getByText('No attempts left')).toBeVisible();
    expect(card.queryByText(/^Attempts:/)).toBeNull();
    expect(card.getByText('The solution is shown in the blanks.', { exact: false })).toBeVisible();
    expect(card.getByText(/Your choice: Blank 1: \] — wrong/)).toBeVisible();
    expect(card.getByText(/Not solved$/)).toBeVisible();
    expect(card.getByRole('heading', { name: 'Explanation' })).toBeVisible();
    for (const name of ['Check', 'Hint', 'Reset', 'Clear blank 1']) expect(card.queryByRole('button', { name })).toBeNull();
    // The full list of mistakes, the learner's own first.
    await user.click(button(4, 'Common mistakes'));
    const items = within(mistakesOf(4)).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      "Your choice: Choosing a bracket: the square brackets are already in the code, and the blank between the quotes is the key's name.",
      'Using parentheses instead of square brackets.',
      "Using the wrong key name like 'token'.",
    ]);
    expect(option(4, 'token')).toHaveAttribute('aria-disabled', 'true');

    await user.click(blank(4));
    await user.click(option(4, 'token'));
    blank(4).focus();
    await user.keyboard('{Delete}');
    expect(blank(4)).toHaveAccessibleName('Blank 1: access_token, solution');
  });
});

describe('hints and reset', () => {
  it('hints show one at a time, numbered, until there are none left', async () => {
    const { user } = renderSet();
    const card = within(task(1));
    expect(card.queryByText(/Hint 1 of 2/)).toBeNull();
    await user.click(button(1, 'Hint'));
    // The hints' words come with the feedback's chunk, which Hint loads when nothing has yet.
    expect(await card.findByText('Hint 1 of 2:')).toBeVisible();
    expect(card.getByText('The grant type names the flow you are using.')).toBeVisible();
    expect(card.queryByText(/Hint 2 of 2/)).toBeNull();
    await user.click(button(1, 'Hint'));
    expect(card.getByText('Hint 2 of 2:')).toBeVisible();
    expect(button(1, 'Hint')).toHaveAttribute('aria-disabled', 'true');
    expect(card.getByText('Attempts: 3 left')).toBeVisible();
  });

  it('Reset empties the blanks and keeps the attempts used', async () => {
    const { user } = renderSet();
    expect(button(5, 'Reset')).toHaveAttribute('aria-disabled', 'true');
    await placeAndCheck(user, 5, { 1: 'authorization_code', 2: 'your_client_id', 3: 'your_client_secret' });
    await user.click(button(5, 'Reset'));
    for (const b of [1, 2, 3]) expect(blank(5, b)).toHaveAccessibleName(`Blank ${b}, empty`);
    expect(within(task(5)).getByText('Attempts: 2 left')).toBeVisible();
    expect(button(5, 'Reset')).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('fair attempts and feedback that belongs to its answer', () => {
  it('a double click on Check spends one attempt; Check again unchanged is free, dimmed, and says why', async () => {
    const { user } = renderSet();
    await place(user, 1, 1, 'password');
    await user.dblClick(button(1, 'Check'));
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();
    expect(button(1, 'Check')).toHaveAttribute('aria-disabled', 'true');

    await user.click(button(1, 'Check'));
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();
    expect(within(task(1)).getByRole('alert')).toHaveTextContent('Already checked: change an answer first.');

    await place(user, 1, 1, 'refresh_token');
    expect(within(task(1)).queryByRole('alert')).toBeNull();
    expect(button(1, 'Check')).not.toHaveAttribute('aria-disabled');
    await user.click(button(1, 'Check'));
    expect(within(task(1)).getByText('Attempts: 1 left')).toBeVisible();
  });

  it("after Reset the last check's message, marks and mistake go; the same answer placed again brings them back, still free", async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, { 1: 'password' });
    await user.click(button(1, 'Reset'));
    const card = within(task(1));
    expect(card.queryByText(/blank is wrong/)).toBeNull();
    expect(card.queryByText(/Blank 1: password — wrong/)).toBeNull();
    expect(card.queryByText(/^Using 'password'/)).toBeNull();

    await place(user, 1, 1, 'password');
    expect(card.getByText(/Blank 1: password — wrong/)).toBeVisible();
    expect(button(1, 'Check')).toHaveAttribute('aria-disabled', 'true');
    expect(card.getByText('Attempts: 2 left')).toBeVisible();
  });

  it('a changed answer hides the results list; the marks of the blanks still holding what was graded stay', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 5, { 1: 'client_credentials', 2: 'your_client_secret', 3: 'your_client_id' });
    await place(user, 5, 2, 'authorization_code');
    expect(within(task(5)).queryByText(/blanks are wrong/)).toBeNull();
    expect(within(task(5)).queryByText(/Blank 2: your_client_secret — wrong/)).toBeNull();
    expect(within(task(5)).queryByText(/Swapping client ID/)).toBeNull();
    expect(blank(5, 1)).toHaveAccessibleName('Blank 1: client_credentials, right');
    expect(blank(5, 2)).toHaveAccessibleName('Blank 2: authorization_code');
  });

  it('a task solved at the second attempt says so, and a Check that ends a task leaves focus on that outcome', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 2, { 1: 'text/plain' });
    await place(user, 2, 1, 'application/x-www-form-urlencoded');
    await tabTo(user, button(2, 'Check'));
    await user.keyboard('{Enter}');
    const outcome = within(task(2)).getByText('Solved in 2 attempts');
    expect(outcome).toHaveFocus();
    expect(within(task(2)).queryByRole('button', { name: 'Check' })).toBeNull();
  });
});

describe('the Common mistakes disclosure', () => {
  /** The seed's first task alone, its general mistake marked `always` by the author. */
  const withAdvice = {
    ...SEED_SET,
    tasks: [{ ...SEED_SET.tasks[0]!, mistakes: SEED_SET.tasks[0]!.mistakes!.map((m) => (m.when ? m : { ...m, always: true })) }],
  };
  // The summary is a lazy chunk: it arrives a moment after the last task ends.
  const summary = () => screen.findByRole('region', { name: 'Summary' });

  it('is closed until opened, and before any check it names no wrong option', async () => {
    const { user } = renderSet();
    const toggle = button(1, 'Common mistakes');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(mistakesOf(1)).queryByText(/All are shown/)).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // The list comes with the feedback's chunk, which opening it loads when nothing has yet.
    expect(await within(mistakesOf(1)).findByText('All are shown once the task ends.')).toBeVisible();
    expect(within(mistakesOf(1)).queryByRole('listitem')).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('lists the mistakes the author marked `always`, and opening it for them counts as help, like a hint', async () => {
    const { user } = renderSet(null, undefined, withAdvice);
    await user.click(button(1, 'Common mistakes'));
    expect(within(mistakesOf(1)).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Leaving the grant_type parameter empty.']);
    await placeAndCheck(user, 1, { 1: 'client_credentials' });
    expect(within(await summary()).getByText('1 hint used')).toBeVisible();
  });

  it('opened for nothing but the mistake a check already showed, it costs nothing', async () => {
    const { user } = renderSet(null, undefined, { ...SEED_SET, tasks: [SEED_SET.tasks[0]!] });
    await placeAndCheck(user, 1, { 1: 'password' });
    await user.click(button(1, 'Common mistakes'));
    await placeAndCheck(user, 1, { 1: 'client_credentials' });
    expect(within(await summary()).getByText('0 hints used')).toBeVisible();
  });

  it('unopened, it costs nothing either', async () => {
    const { user } = renderSet(null, undefined, withAdvice);
    await placeAndCheck(user, 1, { 1: 'client_credentials' });
    expect(within(await summary()).getByText('0 hints used')).toBeVisible();
  });
});
