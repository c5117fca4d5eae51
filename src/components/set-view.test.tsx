// The set around its tasks: progress, the summary, "Reset progress", and what happens to saved progress.
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { storageKeyFor } from '../store/persistence.ts';
import { summariseSaved } from '../store/saved-summary.ts';
import { renderSet, SEED_SET } from '../test-support/fixtures.tsx';
import { memoryStorage } from '../test-support/memory-storage.ts';

const KEY = storageKeyFor(SEED_SET);

const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const blank = (n: number, b = 1) => within(task(n)).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const button = (n: number, name: string) => within(task(n)).getByRole('button', { name });

async function placeAndCheck(user: UserEvent, n: number, answers: Record<number, string>) {
  for (const [b, text] of Object.entries(answers)) {
    await user.click(blank(n, Number(b)));
    await user.click(within(task(n)).getByRole('button', { name: text }));
  }
  await user.click(button(n, 'Check'));
}

const SOLUTIONS: Record<number, Record<number, string>> = {
  1: { 1: 'client_credentials' },
  2: { 1: 'application/x-www-form-urlencoded' },
  3: { 1: 'your_client_id' },
  4: { 1: 'access_token' },
  5: { 1: 'client_credentials', 2: 'your_client_id', 3: 'your_client_secret' },
};

const STORAGE_CORRUPT = 'Your saved progress for this set could not be read, so it starts afresh.';
const STORAGE_UNAVAILABLE = /This browser is not keeping progress/;

describe('the set', () => {
  it('shows every task as a region named "Task N", and the progress "0 of 5 solved"', () => {
    renderSet();
    expect(screen.getAllByRole('region', { name: /^Task \d$/ })).toHaveLength(5);
    expect(screen.getByRole('heading', { level: 1, name: SEED_SET.title })).toBeVisible();
    expect(screen.getByRole('progressbar', { name: '0 of 5 solved' })).toBeVisible();
  });

  it('progress counts a solved task', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 2, SOLUTIONS[2]!);
    expect(screen.getByRole('progressbar', { name: '1 of 5 solved' })).toHaveValue(1);
  });

  it('the summary appears once every task is solved or failed, with score, attempts, hints and review links', async () => {
    const { user } = renderSet();
    await user.click(button(1, 'Hint'));
    for (const n of [1, 2, 3, 5]) await placeAndCheck(user, n, SOLUTIONS[n]!);
    await placeAndCheck(user, 4, { 1: 'token' });
    await placeAndCheck(user, 4, { 1: '[' });
    expect(screen.queryByRole('region', { name: 'Summary' })).toBeNull();
    await placeAndCheck(user, 4, { 1: ']' });

    // The summary's code is a chunk of its own, loaded when the set ends.
    const summary = within(await screen.findByRole('region', { name: 'Summary' }));
    expect(summary.getByText('4 of 5 tasks solved')).toBeVisible();
    expect(summary.getByText('7 attempts used')).toBeVisible();
    expect(summary.getByText('1 hint used')).toBeVisible();
    const links = summary.getAllByRole('link');
    expect(links.map((a) => a.textContent?.replace(/^[✓✗] /, ''))).toEqual([
      'Review task 1 (solved)',
      'Review task 2 (solved)',
      'Review task 3 (solved)',
      'Review task 4 (not solved)',
      'Review task 5 (solved)',
    ]);
    expect(summary.getByRole('link', { name: 'Review task 4 (not solved)' })).toHaveAttribute('href', '#task-parse-access-token');
    expect(document.getElementById('task-parse-access-token')).toBe(task(4));
  });

  it('the task that ends the set keeps focus, and the summary is offered right after it', async () => {
    const { user } = renderSet();
    for (const n of [1, 2, 3, 5, 4]) await placeAndCheck(user, n, SOLUTIONS[n]!);
    const offer = await screen.findByRole('link', { name: 'See the summary' });
    expect(task(4).nextElementSibling).toContainElement(offer);
    expect(offer.parentElement).toHaveTextContent('Set finished: 5 of 5 tasks solved.');
    // The Check that ended the task gave way to its outcome line, which holds the focus.
    expect(within(task(4)).getByText('Solved in 1 attempt')).toHaveFocus();
    await user.click(offer);
    expect(screen.getByRole('heading', { name: 'Summary' })).toHaveFocus();
  }, 15_000); // five tasks played through user-event
});

describe('Reset progress', () => {
  it('appears once the learner has done something (there is nothing to start afresh before)', async () => {
    const { user } = renderSet();
    expect(screen.queryByRole('button', { name: 'Reset progress' })).toBeNull();
    await placeAndCheck(user, 1, { 1: 'password' });
    expect(await screen.findByRole('button', { name: 'Reset progress' })).toBeEnabled();
  });

  it('asks first; Cancel keeps everything', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, { 1: 'password' });
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    const confirm = screen.getByRole('group', { name: /Start this set afresh\?/ });
    expect(within(confirm).getByRole('button', { name: 'Yes, start afresh' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /Start this set afresh\?/ })).toBeNull();
    expect(blank(1)).toHaveAccessibleName('Blank 1: password, wrong');
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();
  });

  it('Cancel returns focus to "Reset progress"', async () => {
    const { user } = renderSet();
    await placeAndCheck(user, 1, { 1: 'password' });
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    await user.keyboard('{Tab}{Enter}');
    expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();
  });

  it('"Yes, start afresh" clears answers, attempts and hints in the page and in storage', async () => {
    const { user, storage } = renderSet();
    await placeAndCheck(user, 1, SOLUTIONS[1]!);
    await placeAndCheck(user, 4, { 1: 'token' });
    await user.click(button(4, 'Hint'));
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    await user.click(screen.getByRole('button', { name: 'Yes, start afresh' }));

    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');
    expect(blank(4)).toHaveAccessibleName('Blank 1, empty');
    expect(within(task(1)).getByText('Attempts: 3 left')).toBeVisible();
    expect(within(task(4)).getByText('Attempts: 3 left')).toBeVisible();
    expect(within(task(4)).queryByText(/Hint 1 of 2/)).toBeNull();
    expect(button(1, 'Check')).toBeEnabled();
    expect(screen.getByRole('progressbar', { name: '0 of 5 solved' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reset progress' })).toBeDisabled();

    // Nothing started: a reload, another tab and the catalogue all see a set not started. (What is
    // saved is a count of resets per task, so a tab that missed the reset cannot write the old back.)
    expect(summariseSaved(storage, KEY)).toBeNull();
  });
});

describe('Reset progress in a view of some tasks (an embed showing task 4)', () => {
  it('says it resets task 4 only, and leaves the tasks shown elsewhere as they were', async () => {
    const storage = memoryStorage();
    const whole = renderSet(storage);
    await placeAndCheck(whole.user, 1, { 1: 'password' });
    whole.unmount();

    const { user, unmount } = renderSet(storage, ['parse-access-token']);
    await placeAndCheck(user, 4, { 1: 'token' });
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    const confirm = screen.getByRole('group', { name: /^Start task 4 afresh\? Your answers, attempts and hints there will be cleared/ });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, start afresh' }));
    expect(blank(4)).toHaveAccessibleName('Blank 1, empty');
    expect(within(task(4)).getByText('Attempts: 3 left')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reset progress' })).toBeDisabled();
    unmount();

    renderSet(storage);
    expect(blank(1)).toHaveAccessibleName('Blank 1: password, wrong');
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();
    expect(within(task(4)).getByText('Attempts: 3 left')).toBeVisible();
  });

  it('is absent while the tasks it shows are untouched, whatever the others hold', async () => {
    const storage = memoryStorage();
    const whole = renderSet(storage);
    await placeAndCheck(whole.user, 1, { 1: 'password' });
    whole.unmount();
    renderSet(storage, ['parse-access-token']);
    // The feedback chunk (which brings the button) is in: the button would be drawn if these tasks held anything.
    expect(await screen.findByRole('region', { name: /Task 4/ })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Reset progress' })).toBeNull();
  });
});

describe('saved progress', () => {
  it('a reload keeps placements, feedback and attempts', async () => {
    const storage = memoryStorage();
    const first = renderSet(storage);
    await placeAndCheck(first.user, 1, { 1: 'password' });
    await first.user.click(blank(5, 2));
    await first.user.click(within(task(5)).getByRole('button', { name: 'your_client_id' }));
    first.unmount();

    renderSet(storage);
    expect(blank(1)).toHaveAccessibleName('Blank 1: password, wrong');
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();
    expect(blank(5, 2)).toHaveAccessibleName('Blank 2: your_client_id');
  });

  it('corrupted saved progress: one quiet notice, the page works, and the notice does not come back', async () => {
    const storage = memoryStorage();
    storage.setItem(KEY, '{"tasks": {"grant-type": "nonsense"');
    const { user, unmount } = renderSet(storage);
    // Its words come with the feedback chunk (which the site and the embed load first when anything is saved).
    expect(await screen.findAllByText(STORAGE_CORRUPT)).toHaveLength(1);
    expect(screen.getByText(STORAGE_CORRUPT).closest('[role="status"]')).not.toBeNull();
    expect(blank(1)).toHaveAccessibleName('Blank 1, empty');

    await placeAndCheck(user, 1, SOLUTIONS[1]!);
    expect(within(task(1)).getByText('Correct')).toBeVisible();
    expect(screen.getAllByText(STORAGE_CORRUPT)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByText(STORAGE_CORRUPT)).toBeNull();
    await placeAndCheck(user, 2, { 1: 'text/plain' });
    expect(screen.queryByText(STORAGE_CORRUPT)).toBeNull();

    unmount();
    renderSet(storage);
    expect(screen.queryByText(STORAGE_CORRUPT)).toBeNull();
    expect(blank(1)).toHaveAccessibleName('Blank 1: client_credentials, right');
  });

  it('storage that throws on every write: the page works, with one notice after the first write', async () => {
    const { user } = renderSet(memoryStorage({ failSet: true }));
    expect(screen.queryByText(STORAGE_UNAVAILABLE)).toBeNull();
    await placeAndCheck(user, 1, { 1: 'password' });
    expect(await screen.findAllByText(STORAGE_UNAVAILABLE)).toHaveLength(1);
    expect(blank(1)).toHaveAccessibleName('Blank 1: password, wrong');
    expect(within(task(1)).getByText('Attempts: 2 left')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'OK' }));
    await placeAndCheck(user, 1, SOLUTIONS[1]!);
    expect(within(task(1)).getByText('Correct')).toBeVisible();
    expect(screen.queryByText(STORAGE_UNAVAILABLE)).toBeNull();
  });
});
