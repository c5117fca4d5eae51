// SCORM packages in a real SCORM runtime: scorm-again (the LMS side many LMSs use) runs as the
// course page's window.API / window.API_1484_11, with the exported SCO in an iframe served from a
// sub-path, as an LMS shows it. The learner solves some tasks and fails one; the test reads what the
// LMS received (every commit, as the LMS's server gets it), then relaunches the SCO with the browser's
// storage cleared, and it resumes from cmi.suspend_data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { test, expect, tags } from './helpers';
import { contentPath, exportPackage, startLms, type LmsServer } from './lms/lms-server';

const SET = 'oauth2-client-credentials';
type Flat = Record<string, unknown>;

/** The course page: the API on the window, the SCO in an iframe; `relaunch()` starts a new session as an LMS would. */
const coursePage = (version: '12' | '2004') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS course page</title>
<script src="/scorm-again.js"></script></head>
<body><h1>LMS</h1><iframe title="Course content" style="width:100%;height:2400px"></iframe>
<script>
  const settings = { lmsCommitUrl: '/commit/${version}', dataCommitFormat: 'flattened', autocommit: false, logLevel: 5 };
  const Api = ${version === '12' ? 'Scorm12API' : 'Scorm2004API'};
  const name = ${version === '12' ? "'API'" : "'API_1484_11'"};
  const frame = document.querySelector('iframe');
  window[name] = new Api(settings);
  window.launch = (saved) => {
    window[name] = new Api(settings);
    if (saved) window[name].loadFromJSON(saved);
    frame.src = '${contentPath(`scorm${version}`)}';
  };
  // The LMS ends the session as the SCO leaves (pagehide), then relaunches it with what it stored.
  window.unload = () => new Promise((resolve) => { frame.addEventListener('load', resolve, { once: true }); frame.src = 'about:blank'; });
  window.launch();
</script></body></html>`;

let lms: LmsServer;
let dir: string;
const zipSizes: Record<string, number> = {};

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codeblanks-scorm-'));
  lms = await startLms({ '/lms/12': coursePage('12'), '/lms/2004': coursePage('2004') });
  for (const version of ['12', '2004'] as const) {
    // One attempt per task (a package setting), so one wrong check fails a task.
    const { files, zipBytes } = await exportPackage(SET, ['--format', `scorm${version}`, '--attempts', '1'], dir);
    lms.packages.set(`scorm${version}`, files);
    zipSizes[version] = zipBytes;
  }
});
test.afterAll(async () => {
  await lms?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sco = (page: Page) => page.frameLocator('iframe[title="Course content"]');
const task = (frame: FrameLocator, n: number) => frame.getByRole('region', { name: `Task ${n}` });

async function place(frame: FrameLocator, n: number, b: number, text: string) {
  await task(frame, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) }).click();
  await task(frame, n).getByRole('button', { name: text, exact: true }).click();
  await expect(task(frame, n).getByRole('button', { name: new RegExp(`^Blank ${b}: `) })).toHaveAccessibleName(new RegExp(`^Blank ${b}: ${text}`));
}
async function check(frame: FrameLocator, n: number, status: 'Solved' | 'Not solved') {
  await task(frame, n).getByRole('button', { name: 'Check' }).click();
  await expect(badge(frame, n, status)).toBeVisible();
}
/** The task's status badge ("✓ Solved"). */
const badge = (frame: FrameLocator, n: number, status: 'Solved' | 'Not solved') => task(frame, n).getByText(new RegExp(`^\\W*${status}$`)).first();

const commits = (version: string) => (lms.received.get(`commit-${version}`) ?? []) as Flat[];
const lastCommit = (version: string) => commits(version).at(-1) ?? {};

/** What an LMS keeps between sessions, from the last commit: the stored CMI to relaunch with. */
function stored(version: '12' | '2004', flat: Flat) {
  const value = (key: string) => String(flat[key] ?? '');
  return version === '12'
    ? { suspend_data: value('cmi.suspend_data'), core: { entry: 'resume', lesson_status: value('cmi.core.lesson_status') } }
    : { suspend_data: value('cmi.suspend_data'), entry: 'resume', completion_status: value('cmi.completion_status') };
}

for (const version of ['12', '2004'] as const) {
  const v12 = version === '12';
  const el = (name12: string, name2004: string) => (v12 ? name12 : name2004);

  test(`SCORM ${v12 ? '1.2' : '2004'}: each result reaches the LMS with its commit, and a relaunch resumes from suspend_data`, { tag: tags.desktop }, async ({ page }) => {
    await page.goto(`${lms.origin}/lms/${version}`);
    const frame = sco(page);
    await expect(frame.getByRole('heading', { level: 2, name: 'Client credentials flow in Rest API' })).toBeVisible();

    await place(frame, 1, 1, 'client_credentials');
    await check(frame, 1, 'Solved');
    await expect.poll(() => lastCommit(version)[el('cmi.interactions.0.result', 'cmi.interactions.0.result')]).toBe('correct');
    const afterFirst = commits(version).length;

    await place(frame, 2, 1, 'application/x-www-form-urlencoded');
    await check(frame, 2, 'Solved');
    await place(frame, 3, 1, 'client_secret');
    await check(frame, 3, 'Not solved');
    // A commit after every result, not only when the page closes.
    await expect.poll(() => commits(version).length).toBeGreaterThanOrEqual(afterFirst + 2);
    await expect.poll(() => lastCommit(version)[`cmi.interactions.2.result`]).toBe(v12 ? 'wrong' : 'incorrect');
    await place(frame, 5, 1, 'client_credentials'); // placed, not checked: only suspend_data knows

    const flat = lastCommit(version);
    expect(flat).toMatchObject(
      v12
        ? {
            'cmi.core.lesson_status': 'incomplete',
            'cmi.core.score.raw': '40',
            'cmi.core.score.min': '0',
            'cmi.core.score.max': '100',
            'cmi.core.exit': 'suspend',
            'cmi.interactions.0.id': 'grant-type',
            'cmi.interactions.0.type': 'fill-in',
            'cmi.interactions.0.student_response': 'client_credentials',
            'cmi.interactions.0.correct_responses.0.pattern': 'client_credentials',
            'cmi.interactions.2.id': 'client-id-value',
            'cmi.interactions.2.student_response': 'client_secret',
            'cmi.interactions.4.id': 'requests-post',
            'cmi.interactions.4.correct_responses.0.pattern': 'client_credentials[,]your_client_id[,]your_client_secret',
          }
        : {
            'cmi.completion_status': 'incomplete',
            'cmi.success_status': 'unknown',
            'cmi.score.raw': '2',
            'cmi.score.min': '0',
            'cmi.score.max': '5',
            'cmi.score.scaled': '0.4',
            'cmi.progress_measure': '0.6',
            'cmi.exit': 'suspend',
            'cmi.interactions.0.id': 'grant-type',
            'cmi.interactions.0.type': 'fill-in',
            'cmi.interactions.0.learner_response': 'client_credentials',
            'cmi.interactions.0.correct_responses.0.pattern': 'client_credentials',
            'cmi.interactions.2.learner_response': 'client_secret',
            'cmi.interactions.4.id': 'requests-post',
          },
    );
    expect(String(flat['cmi.suspend_data'])).toMatch(/^c1\|/);
    expect(String(flat['cmi.suspend_data']).length).toBeLessThan(4096);

    // The learner leaves: the SCO ends its session (LMSFinish / Terminate commits once more).
    const before = commits(version).length;
    await page.evaluate(() => (window as unknown as { unload(): Promise<void> }).unload());
    await expect.poll(() => commits(version).length).toBeGreaterThan(before);
    const last = lastCommit(version);
    expect(String(last[el('cmi.core.session_time', 'cmi.session_time')] ?? '')).not.toBe('');
    // The placement made after the last result reached suspend_data before the session ended.
    expect(String(last['cmi.suspend_data'])).not.toBe(String(flat['cmi.suspend_data']));

    // Another computer: nothing in the browser's storage; the LMS relaunches with what it stored.
    await page.evaluate(() => localStorage.clear());
    await page.evaluate((saved) => (window as unknown as { launch(s: unknown): void }).launch(saved), stored(version, last));
    await expect(badge(frame, 1, 'Solved')).toBeVisible();
    await expect(badge(frame, 3, 'Not solved')).toBeVisible();
    await expect(task(frame, 5).getByRole('button', { name: /^Blank 1: / })).toHaveAccessibleName(/^Blank 1: client_credentials/);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('codeblanks')))).toEqual([]);

    // The rest of the set: 4 of 5 solved passes the package's mastery (0.8).
    await place(frame, 4, 1, 'access_token');
    await check(frame, 4, 'Solved');
    await place(frame, 5, 2, 'your_client_id');
    await place(frame, 5, 3, 'your_client_secret');
    await check(frame, 5, 'Solved');
    await expect.poll(() => lastCommit(version)[el('cmi.core.lesson_status', 'cmi.success_status')]).toBe('passed');
    expect(lastCommit(version)).toMatchObject(
      v12
        ? { 'cmi.core.score.raw': '80', 'cmi.core.exit': '' }
        : { 'cmi.completion_status': 'completed', 'cmi.score.scaled': '0.8', 'cmi.progress_measure': '1', 'cmi.exit': 'normal' },
    );
  });
}

test('SCORM zips of the seed set stay within 120 KB', { tag: tags.desktop }, () => {
  for (const size of Object.values(zipSizes)) expect(size).toBeLessThanOrEqual(120 * 1024);
});
