// SCORM packages made with `--mode exam` and `--mode typed`, in scorm-again as the LMS (as in
// lms-scorm.spec.ts): the learner solves some tasks and fails one, the LMS receives the score and one
// interaction per task of the mode's type, and a relaunch on a clean browser resumes from
// cmi.suspend_data alone: typed text, an exam's round and its saved answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { test, expect, tags } from './helpers';
import { contentPath, exportPackage, startLms, type LmsServer } from './lms/lms-server';

const SET = 'oauth2-client-credentials';
type Flat = Record<string, unknown>;
const MODES = ['typed', 'exam'] as const;
type Mode = (typeof MODES)[number];

/** The course page: the API on the window, the SCO in an iframe; `launch(saved)` starts a new session as an LMS would. */
const coursePage = (version: '12' | '2004', mode: Mode) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS course page</title>
<script src="/scorm-again.js"></script></head>
<body><h1>LMS</h1><iframe title="Course content" style="width:100%;height:2400px"></iframe>
<script>
  const settings = { lmsCommitUrl: '/commit/${version}${mode}', dataCommitFormat: 'flattened', autocommit: false, logLevel: 5 };
  const Api = ${version === '12' ? 'Scorm12API' : 'Scorm2004API'};
  const name = ${version === '12' ? "'API'" : "'API_1484_11'"};
  const frame = document.querySelector('iframe');
  window[name] = new Api(settings);
  window.launch = (saved) => {
    window[name] = new Api(settings);
    if (saved) window[name].loadFromJSON(saved);
    frame.src = '${contentPath(`scorm${version}${mode}`)}';
  };
  window.unload = () => new Promise((resolve) => { frame.addEventListener('load', resolve, { once: true }); frame.src = 'about:blank'; });
  window.launch();
</script></body></html>`;

let lms: LmsServer;
let dir: string;
const zipSizes: Record<string, number> = {};

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codeblanks-scorm-modes-'));
  const pages: Record<string, string> = {};
  for (const version of ['12', '2004'] as const) for (const mode of MODES) pages[`/lms/${version}${mode}`] = coursePage(version, mode);
  lms = await startLms(pages);
  for (const version of ['12', '2004'] as const) {
    for (const mode of MODES) {
      // Typed: one attempt per task (a package setting), so one wrong check fails a task.
      const { files, zipBytes } = await exportPackage(SET, ['--format', `scorm${version}`, '--mode', mode, ...(mode === 'typed' ? ['--attempts', '1'] : [])], dir);
      lms.packages.set(`scorm${version}${mode}`, files);
      zipSizes[`${version} ${mode}`] = zipBytes;
    }
  }
});
test.afterAll(async () => {
  await lms?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sco = (page: Page) => page.frameLocator('iframe[title="Course content"]');
const task = (frame: FrameLocator, n: number) => frame.getByRole('region', { name: `Task ${n}`, exact: true });
const box = (frame: FrameLocator, n: number, b = 1) => task(frame, n).getByRole('textbox', { name: `Blank ${b}`, exact: true });
const badge = (frame: FrameLocator, n: number, status: 'Solved' | 'Not solved') => task(frame, n).getByText(new RegExp(`^\\W*${status}$`)).first();

const commits = (key: string) => (lms.received.get(`commit-${key}`) ?? []) as Flat[];
const lastCommit = (key: string) => commits(key).at(-1) ?? {};

/** What an LMS keeps between sessions, from the last commit: the stored CMI to relaunch with. */
function stored(version: '12' | '2004', flat: Flat) {
  const value = (key: string) => String(flat[key] ?? '');
  return version === '12'
    ? { suspend_data: value('cmi.suspend_data'), core: { entry: 'resume', lesson_status: value('cmi.core.lesson_status') } }
    : { suspend_data: value('cmi.suspend_data'), entry: 'resume', completion_status: value('cmi.completion_status') };
}

/** Ends the session, then relaunches it on a clean browser; gives what the LMS stored. */
async function relaunch(page: Page, version: '12' | '2004', key: string): Promise<Flat> {
  const before = commits(key).length;
  await page.evaluate(() => (window as unknown as { unload(): Promise<void> }).unload());
  await expect.poll(() => commits(key).length).toBeGreaterThan(before);
  // Another computer: nothing in the browser's storage; the LMS relaunches with what it stored.
  await page.evaluate(() => localStorage.clear());
  const last = lastCommit(key);
  await page.evaluate((saved) => (window as unknown as { launch(s: unknown): void }).launch(saved), stored(version, last));
  return last;
}

for (const version of ['12', '2004'] as const) {
  const v12 = version === '12';
  const key = (mode: Mode) => `${version}${mode}`;

  test(`SCORM ${v12 ? '1.2' : '2004'} --mode typed: typed answers reach the LMS as fill-in interactions, and typed text resumes from suspend_data`, { tag: tags.desktop }, async ({ page }) => {
    const k = key('typed');
    await page.goto(`${lms.origin}/lms/${k}`);
    const frame = sco(page);
    await box(frame, 1).fill('client_credentials');
    await box(frame, 1).press('Enter');
    await expect(badge(frame, 1, 'Solved')).toBeVisible();
    await box(frame, 2).fill('application/x-www-form-urlencoded');
    await box(frame, 2).press('Enter');
    await expect(badge(frame, 2, 'Solved')).toBeVisible();
    await box(frame, 3).fill('client_secret');
    await box(frame, 3).press('Enter');
    await expect(badge(frame, 3, 'Not solved')).toBeVisible();
    await expect.poll(() => lastCommit(k)['cmi.interactions.2.result']).toBe(v12 ? 'wrong' : 'incorrect');
    const flat = lastCommit(k);
    expect(flat).toMatchObject(
      v12
        ? {
            'cmi.core.lesson_status': 'incomplete',
            'cmi.core.score.raw': '40',
            'cmi.interactions.0.type': 'fill-in',
            'cmi.interactions.0.student_response': 'client_credentials',
            'cmi.interactions.0.correct_responses.0.pattern': 'client_credentials',
            'cmi.interactions.2.student_response': 'client_secret',
          }
        : {
            'cmi.score.scaled': '0.4',
            'cmi.interactions.0.type': 'fill-in',
            'cmi.interactions.0.learner_response': 'client_credentials',
            'cmi.interactions.0.correct_responses.0.pattern': '{case_matters=true}client_credentials',
            'cmi.interactions.2.learner_response': 'client_secret',
          },
    );
    expect(String(flat['cmi.suspend_data']).length).toBeLessThan(4096);

    // Typed, not checked: only suspend_data knows (committed as the session ends). Text that is one of
    // the task's options travels as its index; any other text as itself, escaped.
    await box(frame, 5, 1).fill('client credentials.');
    await box(frame, 5, 2).fill('your_client_id');
    await box(frame, 5, 2).press('Tab');
    expect(String((await relaunch(page, version, k))['cmi.suspend_data'])).toMatch(/;;a0\.0\.~client%20credentials%2E,[0-9a-z],\./);
    await expect(badge(frame, 1, 'Solved')).toBeVisible();
    await expect(badge(frame, 3, 'Not solved')).toBeVisible();
    await expect(box(frame, 5, 1)).toHaveValue('client credentials.');
    await expect(box(frame, 5, 2)).toHaveValue('your_client_id');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('codeblanks')))).toEqual([]);

    // The rest: 4 of 5 solved passes the package's mastery (0.8).
    await box(frame, 4).fill('access_token');
    await box(frame, 4).press('Enter');
    await box(frame, 5, 1).fill('client_credentials');
    await box(frame, 5, 3).fill('your_client_secret');
    await box(frame, 5, 3).press('Enter');
    await expect(badge(frame, 5, 'Solved')).toBeVisible();
    await expect.poll(() => lastCommit(k)[v12 ? 'cmi.core.lesson_status' : 'cmi.success_status']).toBe('passed');
  });

  test(`SCORM ${v12 ? '1.2' : '2004'} --mode exam: the round resumes from suspend_data, and the submitted exam's score reaches the LMS`, { tag: tags.desktop }, async ({ page }) => {
    const k = key('exam');
    await page.goto(`${lms.origin}/lms/${k}`);
    const frame = sco(page);
    await frame.getByRole('button', { name: 'Start the exam' }).click();
    await expect(frame.getByRole('region', { name: /^Task / })).toHaveCount(5);
    const order = await frame.locator('section[data-task]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')));
    const region = (id: string) => task(frame, order.indexOf(id) + 1);
    const blank = (scope: Locator, b = 1) => scope.getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
    const answer = async (id: string, option: string, save = true) => {
      await blank(region(id)).click();
      await region(id).getByRole('button', { name: option, exact: true }).click();
      await expect(blank(region(id))).toHaveAccessibleName(`Blank 1: ${option}`);
      if (!save) return;
      await region(id).getByRole('button', { name: 'Save answer' }).click();
      await expect(region(id).getByText('Answer saved')).toBeVisible();
    };
    await answer('grant-type', 'client_credentials');
    await answer('content-type', 'text/plain');
    await answer('client-id-value', 'your_client_id', false);
    await expect.poll(() => String(lastCommit(k)['cmi.suspend_data'])).toMatch(/^c1\|.*\|[0-9a-z]+\.[0-9a-z]+\.\.\|/);
    // Each saved answer is a result the LMS hears (its mark stays hidden from the learner until the exam is submitted).
    expect(lastCommit(k)).toMatchObject(
      v12
        ? { 'cmi.interactions.0.type': 'fill-in', 'cmi.interactions.1.result': 'wrong', 'cmi.interactions.1.student_response': 'text/plain', 'cmi.core.lesson_status': 'incomplete' }
        : { 'cmi.interactions.0.type': 'fill-in', 'cmi.interactions.1.result': 'incorrect', 'cmi.interactions.1.learner_response': 'text/plain', 'cmi.completion_status': 'incomplete' },
    );

    await relaunch(page, version, k);
    // The same round, in the same order, its saved answers and the unsaved placement kept.
    await expect(frame.getByRole('button', { name: 'Start the exam' })).toHaveCount(0);
    await expect(frame.getByRole('region', { name: /^Task / })).toHaveCount(5);
    expect(await frame.locator('section[data-task]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')))).toEqual(order);
    await expect(region('grant-type').getByText('Answer saved')).toBeVisible();
    await expect(blank(region('content-type'))).toHaveAccessibleName('Blank 1: text/plain');
    await expect(blank(region('client-id-value'))).toHaveAccessibleName('Blank 1: your_client_id');

    await region('client-id-value').getByRole('button', { name: 'Save answer' }).click();
    await answer('parse-access-token', 'access_token');
    await frame.getByRole('button', { name: 'Submit exam' }).click();
    await frame.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(frame.getByRole('region', { name: 'Exam results' }).getByText('3 of 5 right', { exact: true })).toBeVisible();
    await expect.poll(() => lastCommit(k)[v12 ? 'cmi.core.lesson_status' : 'cmi.success_status']).toBe('failed');
    expect(lastCommit(k)).toMatchObject(
      v12
        ? { 'cmi.core.score.raw': '60', 'cmi.interactions.2.result': 'correct', 'cmi.interactions.2.student_response': 'your_client_id' }
        : { 'cmi.score.scaled': '0.6', 'cmi.completion_status': 'completed', 'cmi.interactions.2.result': 'correct', 'cmi.interactions.2.learner_response': 'your_client_id' },
    );
  });
}

test('SCORM zips of the seed set in --mode exam and --mode typed: sizes', { tag: tags.desktop }, () => {
  console.info(Object.entries(zipSizes).map(([name, size]) => `${name}: ${(size / 1024).toFixed(1)} KB`).join(', '));
  // The default package's 120 KB plus at most 12 KB for a mode's view and the registry (package.test.ts).
  for (const size of Object.values(zipSizes)) expect(size).toBeLessThanOrEqual(132 * 1024);
});
