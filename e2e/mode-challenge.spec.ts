// Challenge mode (issue 11, mode 9): from a set's page, the learner adds another set, plays a round of
// ten tasks drawn from both and interleaved against a five-minute clock, one answer each and no hints,
// and sees the score (right answers + a speed bonus) and the personal best for that choice of sets,
// again after a reload. Each answer also reaches its own set's attempt log. The page's clock is
// Playwright's (page.clock), so minutes pass in a moment.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const PAGE = '/?set=oauth2-client-credentials&mode=challenge';
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (page: Page, ms: number) => page.clock.setFixedTime(T0 + ms);

type Task = { id: string; options: string[]; answers: Record<string, string | string[]> };
const answersOf = (setId: string): Map<string, Task> =>
  new Map((JSON.parse(readFileSync(new URL(`../exercises/${setId}.json`, import.meta.url), 'utf8')).tasks as Task[]).map((t) => [`${setId}~${t.id}`, t]));
const ANSWERS = new Map([...answersOf('oauth2-client-credentials'), ...answersOf('bash-pipelines')]);

const tasks = (page: Page) => page.getByRole('region', { name: /^Task \d+$/ });

/** Fills every blank of the task shown at `region` (right, or with another option when `wrong`) and saves it. */
async function answer(region: Locator, wrong = false, last = false) {
  const id = (await region.getAttribute('data-task'))!;
  const task = ANSWERS.get(id)!;
  const bank = region.getByRole('group', { name: 'Options' });
  // A wrong answer: a distractor (an option no blank accepts) in the first blank, the right ones in the
  // rest. One wrong option in every blank would move it from blank to blank (options are single-use) and
  // leave blanks empty, so a task of several blanks could not be saved.
  const accepted = Object.values(task.answers).flat();
  const distractor = task.options.find((o) => !accepted.includes(o));
  for (const [blank, ok] of Object.entries(task.answers)) {
    const right = Array.isArray(ok) ? ok[0]! : ok;
    const option = wrong && blank === Object.keys(task.answers)[0] ? (distractor ?? task.options.find((o) => ![ok].flat().includes(o))!) : right;
    await region.getByRole('button', { name: new RegExp(`^Blank ${blank}\\b`) }).click();
    await bank.getByRole('button', { name: option, exact: true }).click();
  }
  await region.getByRole('button', { name: 'Save answer' }).click();
  // The round's last answer ends it: the results replace the tasks.
  if (!last) await expect(region.getByText('Answer saved')).toBeVisible();
}

/** Presses Tab until `target` has focus. */
async function tabTo(page: Page, target: Locator, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target.toString()} not reached in ${max} presses of ${key}`);
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(T0);
});

test('finish a challenge round over two sets and see the score and the personal best, also after a reload', async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { name: 'Challenge', exact: true })).toBeVisible();
  // This set is picked already; the learner adds another.
  await expect(page.getByRole('checkbox', { name: /Client credentials flow/ })).toBeChecked();
  await expect(page.getByText(/speed bonus of 1 point for every full 30 seconds left/)).toBeVisible();
  await expect(page.getByText('No best yet with these sets.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: /Bash pipelines/ }).check();
  await page.getByRole('button', { name: 'Start the challenge' }).click();

  // Ten tasks, five from each set, interleaved; against the clock; no hints.
  await expect(page.getByRole('timer')).toHaveText('Time left: 5:00');
  await expect(tasks(page)).toHaveCount(10);
  const ids = await tasks(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-task')!.split('~')[0]));
  expect(ids.filter((s) => s === 'bash-pipelines')).toHaveLength(5);
  for (let i = 1; i < ids.length; i += 1) expect(ids[i], 'no two tasks in a row from one set').not.toBe(ids[i - 1]);
  await expect(page.getByRole('button', { name: 'Hint' })).toHaveCount(0);
  await expect(page.getByText('From: Bash pipelines: pipes, redirections, xargs and pipefail').first()).toBeVisible();
  await expect(tasks(page).first().getByRole('heading')).toBeFocused();
  await expectNoAxeViolations(page);

  // Nine right, one wrong; the last answer comes 62 s in: 3:58 left is 7 bonus points.
  const regions = await tasks(page).all();
  for (const [i, region] of regions.entries()) {
    if (i === 9) await at(page, 62_000);
    await answer(region, i === 0, i === 9);
    if (i === 1) await expect(page.getByText('2 of 10 answered')).toBeVisible();
  }

  // The round ends with its last answer.
  await expect(page.getByRole('heading', { name: 'Challenge results' })).toBeFocused();
  await expect(page.getByText('Score: 16', { exact: true })).toBeVisible();
  await expect(page.getByText('9 of 10 right + 7 speed bonus (3:58 left on the clock)')).toBeVisible();
  await expect(page.getByText('New personal best!')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '✗ Wrong' })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // Each answer is in its own set's attempt log, as the set's own.
  const logged = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('codeblanks:v2:bash-pipelines:log') ?? '{}')));
  expect(logged).toHaveLength(5);
  expect(logged.every((item) => item.startsWith('bash-pipelines/'))).toBe(true);

  await page.reload();
  await expect(page.getByText('No best yet with these sets.')).toBeVisible();
  await page.getByRole('checkbox', { name: /Bash pipelines/ }).check();
  await expect(page.getByText('Your best with these sets: 16 (9 right + 7 bonus)')).toBeVisible();
});

test('keyboard only: start, answer, finish early, play again, and time up ends a round', async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const start = page.getByRole('button', { name: 'Start the challenge' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  // One set of five: a round of five.
  await expect(tasks(page)).toHaveCount(5);
  const first = tasks(page).first();
  await expect(first.getByRole('heading')).toBeFocused();
  const id = (await first.getAttribute('data-task'))!;
  // The round's first task may have several blanks: each takes its right option.
  for (const [b, right] of Object.entries(ANSWERS.get(id)!.answers)) {
    // The bank comes after the code: back up to the next blank.
    await tabTo(page, first.getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) }), 40, b === '1' ? 'Tab' : 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, first.getByRole('group', { name: 'Options' }).getByRole('button', { name: right as string, exact: true }));
    await page.keyboard.press('Enter');
    await expect(first.getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) })).toHaveAccessibleName(`Blank ${b}: ${right as string}`);
  }
  await tabTo(page, first.getByRole('button', { name: 'Save answer' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 of 5 answered')).toBeVisible();

  await at(page, 30_000);
  await tabTo(page, page.getByRole('button', { name: 'Finish now' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Challenge results' })).toBeFocused();
  // One right, 4:30 left: the bonus is capped at one point per right answer.
  await expect(page.getByText('1 of 5 right + 1 speed bonus (4:30 left on the clock)')).toBeVisible();
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('button', { name: 'Play again' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('timer')).toHaveText('Time left: 5:00');
  await at(page, 30_000 + 5 * 60_000);
  await expect(page.getByRole('heading', { name: 'Challenge results' })).toBeFocused();
  await expect(page.getByText('Time is up: the challenge is over.').first()).toBeVisible();
  await expect(page.getByText('Your best with these sets: 2')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Change sets' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Challenge', exact: true })).toBeFocused();
  await expect(page.getByText('Your best with these sets: 2 (1 right + 1 bonus)')).toBeVisible();
});
