// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMoodleXml } from '../import/moodle.ts';
import { runExport } from './export.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'codeblanks-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes <set-id>.xml for --format moodle, prints what Moodle cannot keep, and the file imports back', async () => {
    const run = await runExport(['oauth2-client-credentials', '--format', 'moodle', '--out', dir], process.cwd());
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain('grant-type: 4 common mistake(s) not carried over');
    expect(run.output).toMatch(/wrote .*oauth2-client-credentials\.xml \(5 ddwtos questions\)/);
    const back = importMoodleXml(readFileSync(join(dir, 'oauth2-client-credentials.xml'), 'utf8'), 'oauth2-client-credentials.xml');
    expect(back.ok && back.sets[0]?.tasks.map((t) => t.id)).toEqual(['grant-type', 'content-type', 'client-id-value', 'parse-access-token', 'requests-post']);
  });

  it.each([
    [['no-such-set'], /No set "no-such-set"/],
    [['oauth2-client-credentials', '--format', 'xapi'], /Unknown format "xapi": use scorm12, scorm2004, cmi5, moodle/],
    [['oauth2-client-credentials', '--mode', 'quiz'], /Unknown mode "quiz": the modes are practice, study, typed, pick, order, exam/],
    [['oauth2-client-credentials', '--mode', 'flashcards'], /cannot run the flashcards mode: flashcards schedule .* over days/],
    [['oauth2-client-credentials', '--mode', 'review'], /cannot run the review mode: review draws past mistakes from every set/],
    [['oauth2-client-credentials', '--mode', 'challenge'], /cannot run the challenge mode: a challenge spans several sets/],
    [['oauth2-client-credentials', '--attempts', '0'], /--attempts must be a whole number from 1 to 10/],
    [['oauth2-client-credentials', '--mastery', '80'], /--mastery must be a number from 0 to 1/],
    [['oauth2-client-credentials', 'another-set'], /One set at a time/],
    [[], /Which set\?/],
    [['../package'], /No set "..\/package"/],
  ])('refuses %j with a clear message and writes nothing', async (args, message) => {
    const run = await runExport([...args, '--out', dir], process.cwd());
    expect(run.exitCode).toBe(1);
    expect(run.output).toMatch(message);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
