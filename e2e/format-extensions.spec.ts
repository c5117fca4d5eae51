// The format's extensions as a learner meets them, on a set served as if it were bundled: a bank per
// blank (groups: selecting a blank narrows the bank to its options; Pick lists only them), an option
// reusable among single-use ones (placed again it is copied, while a single-use one moves), and typed
// answers that ignore case (Type it takes "select" for "SELECT", with no "check the capitals").
import type { Page, Route } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const SET = {
  formatVersion: 1,
  id: 'format-extensions',
  title: 'Banks and cases',
  subject: 'Test',
  tasks: [
    {
      id: 'flags',
      difficulty: 'easy',
      prompt: 'Turn both flags on and pick the fast mode.',
      language: 'python',
      code: ['debug = [[1]]', 'verbose = [[2]]', 'mode = [[3]]'],
      options: ['True', 'False', '"fast"', '"slow"'],
      answers: { '1': 'True', '2': 'True', '3': '"fast"' },
      groups: [
        { blanks: [1, 2], options: ['True', 'False'] },
        { blanks: [3], options: ['"fast"', '"slow"'] },
      ],
      reusableOptions: ['True', 'False'],
    },
    {
      id: 'keyword',
      difficulty: 'easy',
      prompt: 'Read the names of the users.',
      language: 'sql',
      code: ['[[1]] name [[2]] users;'],
      options: ['SELECT', 'UPDATE', 'FROM', 'INTO'],
      answers: { '1': 'SELECT', '2': 'FROM' },
      ignoreCase: true,
    },
  ],
};

async function open(page: Page, mode?: string) {
  await page.route('**/exercises/index.json', async (route: Route) => {
    const response = await route.fetch();
    const list = (await response.json()) as unknown[];
    list.push({ file: `${SET.id}.json`, id: SET.id, title: SET.title, subject: SET.subject, tasks: SET.tasks.length, estimatedMinutes: 5 });
    await route.fulfill({ response, json: list });
  });
  await page.route(`**/exercises/${SET.id}.json`, (route) => route.fulfill({ json: SET }));
  await page.goto(`/?set=${SET.id}${mode ? `&mode=${mode}` : ''}`);
}

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, b: number) => task(page, 1).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const bank = (page: Page) => task(page, 1).getByRole('group', { name: 'Options' }).getByRole('button');

test('practice: a selected blank offers only its group\'s options; a reusable option is copied, a single-use one moves', async ({ page }) => {
  await open(page);
  await expect(bank(page)).toHaveText(['ATrue', 'BFalse', 'C"fast"', 'D"slow"']);

  // Blank 3's bank is the modes: the booleans leave the bank while it is selected.
  await blank(page, 3).click();
  await expect(bank(page)).toHaveText(['C"fast"', 'D"slow"']);
  await expectNoAxeViolations(page);
  await task(page, 1).getByRole('button', { name: '"slow"', exact: true }).click();
  await expect(blank(page, 3)).toHaveAccessibleName('Blank 3: "slow"');
  await expect(bank(page)).toHaveCount(4);

  // True is reusable: placed in blank 1, then in blank 2, it stays in blank 1 as well.
  await blank(page, 1).click();
  await expect(bank(page)).toHaveText(['ATrue', 'BFalse']);
  await task(page, 1).getByRole('button', { name: 'True', exact: true }).click();
  await blank(page, 2).click();
  await task(page, 1).getByRole('button', { name: 'True', exact: true }).click();
  await expect(blank(page, 1)).toHaveAccessibleName('Blank 1: True');
  await expect(blank(page, 2)).toHaveAccessibleName('Blank 2: True');

  // "fast" is single-use: selected first, it cannot go into a boolean's blank (refused, nothing changes)...
  await task(page, 1).getByRole('button', { name: '"fast"', exact: true }).click();
  await blank(page, 1).click();
  await expect(blank(page, 1)).toHaveAccessibleName('Blank 1: True');
  // ...and placed in its own blank it takes the place of "slow".
  await task(page, 1).getByRole('button', { name: '"fast"', exact: true }).click();
  await blank(page, 3).click();
  await expect(blank(page, 3)).toHaveAccessibleName('Blank 3: "fast"');

  await task(page, 1).getByRole('button', { name: 'Check' }).click();
  await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Pick: each blank lists only its group\'s options', async ({ page }) => {
  await open(page, 'pick');
  const list = (b: number) => task(page, 1).getByRole('combobox', { name: `Blank ${b}`, exact: true });
  await expect(list(1).getByRole('option')).toHaveText(['Choose…', 'True', 'False']);
  await expect(list(3).getByRole('option')).toHaveText(['Choose…', '"fast"', '"slow"']);
  // Pick has no bank to take from: the reusable True answers both of its blanks.
  await list(1).selectOption('True');
  await list(2).selectOption('True');
  await list(3).selectOption('"fast"');
  await task(page, 1).getByRole('button', { name: 'Check' }).click();
  await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Type it: a task that ignores case takes an answer in any case, with no "check the capitals"', async ({ page }) => {
  await open(page, 'typed');
  const box = (b: number) => task(page, 2).getByRole('textbox', { name: `Blank ${b}`, exact: true });
  await box(1).fill('select');
  await box(2).fill('From');
  await box(2).press('Enter');
  await expect(task(page, 2).getByText(/^✓? ?Correct$/)).toBeVisible();
  await expect(task(page, 2).getByText('check the capitals')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
