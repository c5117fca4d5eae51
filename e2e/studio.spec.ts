// The authoring studio at /author: start from pasted code, make blanks by selecting code (by keyboard
// too), add distractors, see the learner's preview change (and at phone width), undo, and save under the
// dev server into an exercises folder, where the file is a valid set. The save tests run a real Vite dev
// server (port 5300 + the worker's index) over a temporary copy of nothing: CODEBLANKS_EXERCISES_DIR points it at a temp folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { test, expect, expectNoAxeViolations } from './helpers';
import { loadExerciseSet } from '../src/engine/load-set.ts';

// One dev server per Playwright worker (both projects run at once): 5300 + the worker's parallel index.
let DEV = '';

const PASTED = ['def total(prices):', '    result = 0', '    for p in prices:', '        result += p', '    return result'].join('\n');

const codeView = (page: Page) => page.getByRole('textbox', { name: /^Code of task-1/ });
const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

/** Selects `text` (its first occurrence) in a textarea, as a mouse drag would. */
async function selectText(area: Locator, text: string): Promise<void> {
  await area.evaluate((el, wanted) => {
    const box = el as HTMLTextAreaElement;
    const start = box.value.indexOf(wanted);
    box.focus();
    box.setSelectionRange(start, start + wanted.length);
  }, text);
}

async function startFromCode(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/author`);
  await page.getByRole('textbox', { name: 'Code to start from' }).fill(PASTED);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await page.getByRole('button', { name: 'Start a new set from this code' }).click();
  await expect(codeView(page)).toHaveValue(PASTED);
}

/** Three blanks: one by Shift+arrows and the button reached with Tab, one by Ctrl+B, one by a selection and a click. */
async function makeThreeBlanks(page: Page): Promise<void> {
  const code = codeView(page);
  await code.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Make blank' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove blank 1' })).toBeVisible();
  await expect(code).toHaveValue(/^def \[\[1\]\]\(prices\):/);

  await code.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+b');
  await expect(code).toHaveValue(/\n {4}\[\[2\]\] p in prices:/);

  await selectText(code, '+=');
  await page.getByRole('button', { name: 'Make blank' }).click();
  await expect(code).toHaveValue(/result \[\[3\]\] p/);
  await expect(page.getByRole('status').filter({ hasText: 'Blank 3 made from “+=”.' })).toBeVisible();
}

test.describe('the studio under the dev server', () => {
  // The browser logs the route's 409 answer (the file changed on disk), which the studio then handles.
  test.use({ allowedConsoleErrors: [/status of 409 \(Conflict\).*__codeblanks\/save/] });
  // A dev server compiles on first request (and pre-bundles CodeMirror): the first visit takes a while.
  test.describe.configure({ timeout: 120_000 });
  let server: ViteDevServer;
  let dir = '';

  // Playwright reads the first argument's pattern to know which fixtures a hook needs: none here.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, workerInfo) => {
    dir = mkdtempSync(path.join(tmpdir(), 'codeblanks-studio-'));
    process.env.CODEBLANKS_EXERCISES_DIR = dir;
    const port = 5300 + workerInfo.parallelIndex;
    DEV = `http://127.0.0.1:${port}`;
    server = await createServer({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', server: { port, strictPort: true, host: '127.0.0.1' } });
    await server.listen();
  });
  test.afterAll(async () => {
    await server.close();
    delete process.env.CODEBLANKS_EXERCISES_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  test('makes a set from pasted code by selection, previews it, and saves it valid into the exercises folder', async ({ page }) => {
    await startFromCode(page, DEV);
    await makeThreeBlanks(page);

    for (const distractor of ['-=', 'while']) {
      await page.getByRole('textbox', { name: 'Distractor' }).fill(distractor);
      await page.getByRole('button', { name: 'Add distractor' }).click();
    }
    await expect(page.getByText('Options: “total”, “for”, “+=”, “-=”, “while”')).toBeVisible();

    // The learner's view: three blanks and the distractors in the bank.
    const task = preview(page).getByRole('region', { name: 'Task 1' });
    await expect(task.getByRole('button', { name: /^Blank \d\b/ })).toHaveCount(3);
    await expect(task.getByRole('button', { name: '-=', exact: true })).toBeVisible();
    await expect(task.getByRole('button', { name: 'while', exact: true })).toBeVisible();

    // At phone width the preview is 390 px wide.
    await page.getByRole('button', { name: 'Phone width (390 px)' }).click();
    await expect(page.getByRole('button', { name: 'Phone width (390 px)' })).toHaveAttribute('aria-pressed', 'true');
    const frame = await preview(page).locator('.studio-preview-frame').boundingBox();
    expect(frame?.width).toBeLessThanOrEqual(390);
    // On a desktop the column is wider than a phone: the frame is exactly a phone's width.
    if ((page.viewportSize()?.width ?? 0) > 800) expect(Math.round(frame?.width ?? 0)).toBe(390);

    // Removing blank 1 renumbers the rest; Undo (the editor's history) brings it back.
    await page.getByRole('button', { name: 'Remove blank 1' }).click();
    await expect(page.getByText('Blank 1: for')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove blank 3' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Blank 1: total')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove blank 3' })).toBeVisible();

    // A second task from code, without a bracket typed.
    await page.getByRole('textbox', { name: 'Code to start from' }).fill('print(len(items))');
    await page.getByRole('button', { name: 'Add task from code' }).click();
    await expect(page.getByRole('combobox', { name: 'Task' })).toHaveValue('1');
    await selectText(page.getByRole('textbox', { name: /^Code of task-2/ }), 'len');
    await page.getByRole('button', { name: 'Make blank' }).click();
    await expect(preview(page).getByRole('region', { name: 'Task 2' })).toBeVisible();
    await expect(page.getByText('No problems: the validator accepts this set.')).toBeVisible();

    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Save to exercises/my-set.json' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved exercises/my-set.json.' })).toBeVisible();
    const saved = loadExerciseSet(JSON.parse(readFileSync(path.join(dir, 'my-set.json'), 'utf8')));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.set.tasks).toHaveLength(2);
    expect(saved.set.tasks[0]?.answers).toEqual({ '1': 'total', '2': 'for', '3': '+=' });
    expect(saved.set.tasks[0]?.options).toEqual(['total', 'for', '+=', '-=', 'while']);

    // Someone edits the file on disk: the studio asks before overwriting it.
    writeFileSync(path.join(dir, 'my-set.json'), '{"edited": "elsewhere"}\n');
    await page.getByRole('textbox', { name: 'Distractor' }).fill('map');
    await page.getByRole('button', { name: 'Add distractor' }).click();
    await page.getByRole('button', { name: 'Save to exercises/my-set.json' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'changed on disk since you opened it' })).toBeVisible();
    expect(readFileSync(path.join(dir, 'my-set.json'), 'utf8')).toBe('{"edited": "elsewhere"}\n');
    await page.getByRole('button', { name: 'Overwrite' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved exercises/my-set.json.' })).toBeVisible();
    expect(loadExerciseSet(JSON.parse(readFileSync(path.join(dir, 'my-set.json'), 'utf8'))).ok).toBe(true);
  });

  test('shows the validator\'s problems at their line and column as the JSON is typed', async ({ page }) => {
    await startFromCode(page, DEV);
    // No blank yet, so no option: the validator says so at the place of the empty list (line 20 of the
    // new file, column 18), and the editor underlines that very place.
    await expect(page.getByRole('list', { name: 'Problems' })).toHaveText('Error at line 20, column 18: options must not be empty');
    await expect(page.locator('.cm-lintRange-error')).toHaveText('[');
    await expect(page.getByText('The preview shows the set once the JSON is valid.')).toBeVisible();
    await expectNoAxeViolations(page);
    // Typing in the editor: the problems follow the text.
    await page.getByRole('textbox', { name: 'JSON of my-set.json' }).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' "oops": 1,');
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('Error at line 2, column 31: Unknown key "oops" in the set');
    await expectNoAxeViolations(page);
  });
});

test('the static build offers Download and Copy instead of saving, and the learner\'s page loads none of the studio', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto('/?set=oauth2-client-credentials');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((url) => /studio|codemirror|catalogue/i.test(url))).toEqual([]);

  await page.goto('/');
  await page.getByRole('link', { name: 'Write a set in the studio' }).click();
  await expect(page).toHaveURL(/\/author$/);
  await page.getByRole('combobox', { name: 'Bundled set' }).selectOption('python-indexing-and-slicing.json');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'JSON of python-indexing-and-slicing.json' })).toContainText('"id": "python-indexing-and-slicing"');
  await expect(page.getByRole('button', { name: /^Save to/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download python-indexing-and-slicing.json' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy JSON' })).toBeVisible();
  await expect(preview(page).getByRole('heading', { name: 'Indexing and slicing in Python' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the preview shows the set in every mode the site offers for it, and leaves out line order for one-line tasks', async ({ page }) => {
  await page.goto('/author');
  await page.getByRole('combobox', { name: 'Bundled set' }).selectOption('python-indexing-and-slicing.json');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const mode = page.getByRole('combobox', { name: 'Mode' });
  await expect(mode.getByRole('option')).toHaveText(['Practice', 'Type it', 'Pick', 'Line order', 'Exam']);
  await expect(mode).toHaveValue('practice');
  const task = preview(page).getByRole('region', { name: 'Task 1' });
  await expect(task.getByRole('button', { name: /^Blank 1\b/ })).toBeVisible();

  // Each mode's own view, interaction and words, as the site's set page shows them.
  await mode.selectOption({ label: 'Type it' });
  await expect(preview(page).getByText('Type it · 5 tasks')).toBeVisible();
  await task.getByRole('textbox', { name: 'Blank 1' }).fill('[1:3]');
  await expect(task.getByRole('textbox', { name: 'Blank 1' })).toHaveValue('[1:3]');
  await mode.selectOption({ label: 'Line order' });
  await expect(task.getByRole('group', { name: 'Lines' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A set of one one-line task has nothing to put in order: line order is not offered, and the preview
  // that showed it falls back to practice.
  await page.getByRole('textbox', { name: 'Code to start from' }).fill('print(len(items))');
  await page.getByRole('button', { name: 'Start a new set from this code' }).click();
  await selectText(page.getByRole('textbox', { name: /^Code of task-1/ }), 'len');
  await page.getByRole('button', { name: 'Make blank' }).click();
  await expect(preview(page).getByRole('region', { name: 'Task 1' })).toBeVisible();
  await expect(mode.getByRole('option')).toHaveText(['Practice', 'Type it', 'Pick', 'Exam']);
  await expect(mode).toHaveValue('practice');
  await mode.selectOption({ label: 'Pick' });
  await expect(preview(page).getByText('Pick · 1 task')).toBeVisible();
});
