// The authoring studio at /author: start from pasted code, make blanks by selecting code (by keyboard
// too), add distractors, see the learner's preview change (and at phone width), undo, and save under the
// dev server into an exercises folder, where the file is a valid set. The save tests run a real Vite dev
// server (port 5300 + the worker's index) over a temporary copy of nothing: CODEBLANKS_EXERCISES_DIR points it at a temp folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { test, expect, expectNoAxeViolations, tags } from './helpers';
import { zipSync, strToU8 } from 'fflate';
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

/** Opens the open/paste form, which folds once a set is open. */
async function openForm(page: Page): Promise<void> {
  const form = page.locator('details.studio-open');
  if (!(await form.evaluate((el) => (el as HTMLDetailsElement).open))) await page.getByText('Open, import or start a set').click();
  await expect(page.getByRole('textbox', { name: 'Code to start from' })).toBeVisible();
}

/** Drops a file on the studio, as one dragged from the desktop. */
async function dropFile(page: Page, name: string, bytes: Uint8Array | string): Promise<void> {
  const data = [...(typeof bytes === 'string' ? strToU8(bytes) : bytes)];
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      return transfer;
    },
    { name, data },
  );
  const studio = page.locator('.studio');
  await studio.dispatchEvent('dragover', { dataTransfer });
  await studio.dispatchEvent('drop', { dataTransfer });
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

// The studio is an instructor's tool for a laptop or desktop screen; its phone-width preview is a toggle
// inside that page, tested here. Its tests run in the desktop project only.
test.describe('the studio under the dev server', { tag: tags.desktop }, () => {
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

    // A second task from code, without a bracket typed (the form folded when the set opened).
    await openForm(page);
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

test('the static build offers Download and Copy instead of saving, and the learner\'s page loads none of the studio', { tag: tags.desktop }, async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto('/?set=oauth2-client-credentials');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((url) => /studio|codemirror|catalogue|tree-sitter|\.wasm/i.test(url))).toEqual([]);

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

test('the preview shows the set in every mode the site offers for it, and leaves out line order for one-line tasks', { tag: tags.desktop }, async ({ page }) => {
  await page.goto('/author');
  await page.getByRole('combobox', { name: 'Bundled set' }).selectOption('python-indexing-and-slicing.json');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const mode = page.getByRole('combobox', { name: 'Mode' });
  await expect(mode.getByRole('option')).toHaveText(['Practice', 'Study', 'Type it', 'Pick', 'Line order', 'Flashcards', 'Review', 'Challenge', 'Exam']);
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
  await openForm(page);
  await page.getByRole('textbox', { name: 'Code to start from' }).fill('print(len(items))');
  await page.getByRole('button', { name: 'Start a new set from this code' }).click();
  await selectText(page.getByRole('textbox', { name: /^Code of task-1/ }), 'len');
  await page.getByRole('button', { name: 'Make blank' }).click();
  await expect(preview(page).getByRole('region', { name: 'Task 1' })).toBeVisible();
  await expect(mode.getByRole('option')).toHaveText(['Practice', 'Study', 'Type it', 'Pick', 'Flashcards', 'Review', 'Challenge', 'Exam']);
  await expect(mode).toHaveValue('practice');
  await mode.selectOption({ label: 'Pick' });
  await expect(preview(page).getByText('Pick · 1 task')).toBeVisible();
});

/** A one-task set file as an author writes it. */
function setFile(task: Record<string, unknown>, extra: Record<string, unknown>[] = []): string {
  const base = { difficulty: 'easy', prompt: 'Fill it.', options: ['x', 'y'], answers: { '1': 'x' } };
  const set = { formatVersion: 1, id: 'parse-check', title: 'Parse check', subject: 'Tests', tasks: [{ id: 't1', ...base, ...task }, ...extra.map((t, i) => ({ id: `t${i + 2}`, ...base, ...t }))] };
  return `${JSON.stringify(set, null, 2)}\n`;
}

test('parses each solution as the author types, at the JSON\'s line and column, honours "fragment", names a language it cannot parse once, and fetches only the grammars the set needs', { tag: tags.desktop }, async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  const broken = { language: 'python', code: ['def f(x):', '    return g(x, [[1]]'] };
  const http = { language: 'http', code: ['GET /[[1]] HTTP/1.1'] };
  const text = setFile(broken, [http, http]);
  await page.goto('/author');
  await page.getByLabel('File from this computer').setInputFiles({ name: 'parse-check.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('return g('));
  const column = (lines[line] ?? '').indexOf('return g(') + 1;
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toHaveText(`Error at line ${line + 1}, column ${column}: With each blank filled with its first answer, the code is not valid python here: cannot read "return g(x, x" (if the code is a piece of a program on purpose, set "fragment": true)`);
  // The editor underlines the same place, and says each language without a parser once.
  await expect(page.locator('.cm-lintRange-error')).toHaveText('return');
  await expect(page.getByText("No parser for http: 2 tasks' solutions are not checked.")).toHaveCount(1);
  expect(wasm.map((name) => name.replace(/-[\w-]{8}\.wasm$/, ''))).toEqual(['tree-sitter', 'tree-sitter-python']);
  await expectNoAxeViolations(page);

  // Typing "fragment": true into the task: the same code is not held to a whole program's grammar.
  const editor = page.getByRole('textbox', { name: 'JSON of parse-check.json' });
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < lines.findIndex((l) => l.includes('"id": "t1"')); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' "fragment": true,');
  await expect(page.getByText('No problems: the validator accepts this set.')).toBeVisible();
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
});

test('imports an H5P file, content.json or Moodle XML dropped on the studio or chosen in its picker, shows what was not carried over, and refuses a broken or hostile file without changing anything', { tag: tags.desktop }, async ({ page }) => {
  const fixture = (name: string) => readFileSync(path.resolve('src/import/fixtures', name), 'utf8');
  await page.goto('/author');

  // Moodle XML, dropped: the set opens (in the editor and the preview) with the import's report.
  await dropFile(page, 'ddwtos-groups.xml', fixture('ddwtos-groups.xml'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported ddwtos-groups.xml' })).toBeVisible();
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText(/Nested lists.*task “/);
  const editor = page.getByRole('textbox', { name: /^JSON of / });
  await expect(editor).toContainText('"formatVersion": 1');
  await expect(preview(page).getByRole('region', { name: 'Task 1' })).toBeVisible();
  await expectNoAxeViolations(page);
  const before = await editor.textContent();

  // Broken and hostile files: the importer's own message, and the open set stays as it was.
  await dropFile(page, 'broken.h5p', zipSync({ 'h5p.json': strToU8('{}') }));
  await expect(page.getByRole('alert')).toHaveText('broken.h5p was not imported: The zip has no content/content.json: not an H5P file.');
  await dropFile(page, 'content.json', JSON.stringify({ text: '<p>Fill in.</p>', questions: ['<p><script>alert(1)</script> *x*</p>'] }));
  await expect(page.getByRole('alert')).toContainText('content.json was not imported: content.json holds');
  await expect(page.getByRole('alert')).toContainText('refused');
  expect(await editor.textContent()).toBe(before);
  await expect(report).toContainText('Nested lists');

  // An .h5p package through the file picker.
  await openForm(page);
  const h5p = zipSync({ 'h5p.json': strToU8(JSON.stringify({ title: 'Area', mainLibrary: 'H5P.Blanks' })), 'content/content.json': strToU8(fixture('code-blanks.content.json')) });
  await page.getByLabel('File from this computer').setInputFiles({ name: 'area.h5p', mimeType: 'application/zip', buffer: Buffer.from(h5p) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported area.h5p' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Imported from area.h5p' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(preview(page).getByRole('region', { name: 'Task 1' })).toBeVisible();
});

test.describe('on a laptop screen', () => {
  test.use({ viewport: { width: 1400, height: 1000 } });
  test('the open form folds once a set is open, so the JSON editor and the preview start in view; its summary reopens it', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/author');
    await page.getByRole('combobox', { name: 'Bundled set' }).selectOption('python-indexing-and-slicing.json');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('combobox', { name: 'Bundled set' })).toBeHidden();
    const top = async (name: string | RegExp, role: 'textbox' | 'region') => (await page.getByRole(role, { name }).boundingBox())?.y ?? Infinity;
    await expect(page.getByRole('textbox', { name: 'JSON of python-indexing-and-slicing.json' })).toBeVisible();
    expect(await top('JSON of python-indexing-and-slicing.json', 'textbox')).toBeLessThan(1000);
    expect(await top('Preview', 'region')).toBeLessThan(1000);
    await page.getByText('Open, import or start a set').click();
    await expect(page.getByRole('combobox', { name: 'Bundled set' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
