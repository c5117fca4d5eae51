// "Choose your learning style": the set page lists the modes built (nine), each a link with what it
// trains and the learner's progress in it; the last mode used on a set is where the learner comes back;
// a task deep link works in every mode; an unknown mode says so; the catalogue shows progress across modes.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';

const SET = 'oauth2-client-credentials';
/** The seed set's last task: five lines, so every mode plays it, and far enough down to need the scroll. */
const LAST = 'requests-post';
const MODES = [
  ['Practice', 'practice'],
  ['Study', 'study'],
  ['Type it', 'typed'],
  ['Pick', 'pick'],
  ['Line order', 'order'],
  ['Flashcards', 'flashcards'],
  ['Review', 'review'],
  ['Challenge', 'challenge'],
  ['Exam', 'exam'],
] as const;

async function openPicker(page: Page) {
  await page.getByText(/^Choose your learning style · \d modes available$/).click();
  await expect(page.getByRole('link', { name: /^Practice\b/ })).toBeVisible();
}

test('the set page offers nine learning styles, each a link that names what it trains', async ({ page }) => {
  await page.goto(`/?set=${SET}`);
  await expect(page.getByText('Choose your learning style · 9 modes available', { exact: true })).toBeVisible();
  await openPicker(page);
  for (const [name, id] of MODES) {
    const link = page.getByRole('link', { name: new RegExp(`^${name}\\b`) });
    await expect(link).toHaveAttribute('href', `?set=${SET}&mode=${id}`);
    // Review gathers every set's past mistakes: with none, it says so rather than "Not started".
    await expect(link).toContainText(id === 'review' ? 'Nothing to review yet' : 'Not started');
  }
  await expect(page.getByRole('link', { name: /^Practice\b/ })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page);
});

test('flashcards and review say what they train and how far the learner is', async ({ page }) => {
  await page.goto(`/?set=${SET}`);
  await openPicker(page);
  await expect(page.getByRole('link', { name: /^Flashcards\b/ })).toContainText('Recall one blank at a time');
  await expect(page.getByRole('link', { name: /^Flashcards\b/ })).toContainText('Not started');
  await expect(page.getByRole('link', { name: /^Review\b/ })).toContainText('Nothing to review yet');
  // A wrong check in practice, and one card rated.
  const task1 = page.getByRole('region', { name: 'Task 1' });
  await task1.getByRole('button', { name: /^Blank 1\b/ }).click();
  await task1.getByRole('button', { name: 'password', exact: true }).click();
  await task1.getByRole('button', { name: 'Check' }).click();
  await page.goto(`/?set=${SET}&mode=flashcards`);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await openPicker(page);
  await expect(page.getByRole('link', { name: /^Flashcards\b/ })).toContainText('6 of 7 cards due today');
  await expect(page.getByRole('link', { name: /^Review\b/ })).toContainText('1 task got wrong, in every set');
  await expectNoAxeViolations(page);
});

test('choosing a style opens it; the set comes back in the style last used; practice counts its own progress', async ({ page }) => {
  await page.goto(`/?set=${SET}`);
  // Some practice progress: one option placed in task 1.
  const task1 = page.getByRole('region', { name: 'Task 1' });
  await task1.getByRole('button', { name: /^Blank 1\b/ }).click();
  await task1.getByRole('button', { name: 'client_credentials', exact: true }).click();
  await openPicker(page);
  await page.getByRole('link', { name: /^Pick\b/ }).click();
  await expect(page).toHaveURL(new RegExp(`mode=pick`));
  await expect(page.getByRole('region', { name: 'Task 1' }).getByRole('combobox').first()).toBeVisible();

  // Back to the set without naming a mode: the last one used.
  await page.goto(`/?set=${SET}`);
  await expect(page.getByRole('region', { name: 'Task 1' }).getByRole('combobox').first()).toBeVisible();
  await openPicker(page);
  await expect(page.getByRole('link', { name: /^Pick\b/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: /^Practice\b/ })).toContainText('In progress');
  await expectNoAxeViolations(page);
});

for (const [name, id] of MODES) {
  // Links and routing, the same on any screen: the desktop project only (the phone plays each mode in its own spec).
  test(`a task deep link works in ${name}`, { tag: tags.desktop }, async ({ page }) => {
    await page.goto(`/?set=${SET}&mode=${id}#task-${LAST}`);
    if (id === 'exam' || id === 'challenge') {
      // The exam and the challenge start at their start screen; the address still names the set and mode.
      await expect(page.getByRole('button', { name: /Start/ })).toBeVisible();
      return;
    }
    if (id === 'flashcards' || id === 'review') {
      // Neither shows the set's tasks: flashcards deal the deck's due cards in order, review the day's due
      // mistakes from every set. The address still names the set and the mode, and the page opens.
      if (id === 'flashcards') await expect(page.getByRole('region', { name: /^Card 1 of \d+$/ })).toBeVisible();
      else await expect(page.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
      return;
    }
    await expect(page.locator(`#task-${LAST}`)).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Task 1' })).not.toBeInViewport();
  });
}

test('an unknown style says so and offers practice, and the rest of the site keeps working', { tag: tags.desktop }, async ({ page }) => {
  await page.goto(`/?set=${SET}&mode=quiz`);
  await expect(page.getByRole('alert')).toContainText('There is no learning style called “quiz”');
  await page.getByRole('link', { name: 'Practise this set' }).click();
  await expect(page.getByRole('region', { name: 'Task 1' })).toBeVisible();
});

test('the catalogue shows a set started in any style as in progress, not "0 of 5 solved"', async ({ page }) => {
  await page.goto(`/?set=${SET}&mode=typed`);
  const box = page.getByRole('region', { name: 'Task 1' }).getByRole('textbox').first();
  await box.fill('client');
  await page.goto('/');
  const card = page.getByRole('link', { name: /Client credentials flow/ });
  await expect(card).toContainText('In progress');
  await expect(card).not.toContainText('0 of 5');
});
