// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkFile, type Problem } from './check-file.ts';
import { exitCodeFor, formatNote, formatProblem, formatSummary } from './report.ts';
import { validateFiles } from './solutions-node.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const brokenDir = new URL('fixtures/broken/', import.meta.url);
const brokenFiles = readdirSync(brokenDir).filter((f) => f.endsWith('.json')).sort();

/** What an author must be told about each broken fixture: `line:column`, and words the message must hold. */
type Expected = readonly [position: `${number}:${number}`, messageContains: string, severity?: 'warning'];

const EXPECTED: Readonly<Record<string, readonly Expected[]>> = {
  'answer-not-an-option.json': [['26:11', 'Answer "client-credentials" for blank 1 is not one of the options']],
  'answer-without-blank.json': [['25:9', 'Answer "2" has no blank [[2]] in the code']],
  'blank-gap.json': [['16:33', 'Blanks must be numbered 1 to 2 without gaps, but [[3]] is blank number 2']],
  'blank-without-answer.json': [['16:37', 'Blank [[2]] has no answer in "answers"']],
  // A comment and a trailing comma are read past exactly, so the rules after them are checked in the same run.
  'comment-and-rules.json': [
    ['2:3', 'Comments are not allowed'],
    ['15:51', 'Trailing comma before "]"'],
    ['16:25', 'Answer "implicit" for blank 1 is not one of the options'],
  ],
  'comment.json': [
    ['4:3', 'Comments are not allowed'],
    ['12:41', 'Comments are not allowed'],
  ],
  'duplicate-blank.json': [['15:21', 'Blank [[1]] appears more than once']],
  'duplicate-key.json': [['27:7', 'Key "hints" appears twice in this object']],
  'duplicate-option.json': [['21:9', 'Option "client_credentials" is listed twice (also option 1)']],
  'duplicate-set-id-copy.json': [
    ['4:9', 'File name "duplicate-set-id-copy.json" does not match the set id "duplicate-set-id": name the file "duplicate-set-id.json"'],
    ['4:9', 'Set id "duplicate-set-id" is also used by duplicate-set-id.json'],
  ],
  'duplicate-set-id.json': [['4:9', 'Set id "duplicate-set-id" is also used by duplicate-set-id-copy.json']],
  'duplicate-task-id.json': [['28:13', 'Task id "grant-type" is already used by task 1']],
  // Escapes before the blank (\", \u00e9, \\[[) and code written as one string with \n\t.
  'escaped-blank-position.json': [
    ['13:62', 'Blank [[2]] has no answer'],
    ['22:48', 'but [[3]] is blank number 2'],
  ],
  'file-name-mismatch.json': [['4:9', 'File name "file-name-mismatch.json" does not match the set id "name-mismatch"']],
  // A bank per blank (groups) and a list of reusable options, each rule at the value at fault.
  'groups.json': [
    ['14:55', 'No blank offers "WHERE": add it to a group, or leave a blank out of every group', 'warning'],
    ['15:40', 'Answer "WHERE" for blank 2 is not one of its group\'s options'],
    ['16:27', '"reusableOptions" lists "*", which is not one of the options'],
    ['18:25', 'Group 1 names blank 3, which the code does not have'],
    ['18:61', 'Group 1 lists "DELETE", which is not one of the options'],
    ['19:22', 'Blank 1 is in group 1 already: a blank has one group'],
    ['21:92', 'This mistake names "UPDATE", which blank 2 does not offer (its group lacks it)'],
  ],
  'invalid-escape.json': [['13:25', 'Invalid escape "\\[": a backslash in JSON is written "\\\\"']],
  // 47 characters warns; exactly 40 does not.
  'long-option.json': [['16:9', 'Option is 47 characters long: a phone shows about 40 in a line', 'warning']],
  'max-attempts.json': [
    ['7:18', 'maxAttempts must be at least 1'],
    ['27:22', 'maxAttempts must be at most 10'],
  ],
  'missing-key.json': [['8:5', 'Missing "prompt" in a task']],
  'mistake-when.json': [
    ['36:13', 'This mistake names blank 2, which the code does not have'],
    ['44:15', 'This mistake names "client_credentials", which is a right answer for blank 1'],
    ['51:18', 'This mistake names "implicit", which is not one of the options'],
  ],
  'needs-reuse.json': [['21:14', 'Blanks 1 and 2 both need "password": list it in "reusableOptions", or set that to true']],
  'newline-in-string.json': [['4:47', 'A string cannot run across lines']],
  // Structural errors and the rules of every part that parsed, in one run (task 2's options are a string: its rules are skipped, its id is not).
  'shape-and-rules.json': [
    ['5:12', 'title must not be empty'],
    ['8:5', 'Missing "difficulty" in a task'],
    ['15:33', 'Blank [[2]] has no answer in "answers"'],
    ['23:14', 'Answer "client-credentials" for blank 1 is not one of the options'],
    ['29:13', 'This mistake names blank 3, which the code does not have'],
    ['33:16', 'hints must be an array of strings'],
    ['36:13', 'Task id "grant-type" is already used by task 1'],
    ['41:18', 'options must be an array of strings'],
  ],
  // Python: the statement the parser cannot read; JavaScript: an answer that breaks the code points at its blank,
  // past escapes (\", \u00e9, \\) in the same string. The fragment is not parsed; http has no parser.
  'solution-does-not-parse.json': [
    ['15:14', 'With each blank filled with its first answer, the code is not valid Python here: cannot read "return sum(item.price for item…"'],
    ['27:76', 'the code is not valid js here: cannot read "*" (if the code is a piece of a program on purpose, set "fragment": true)'],
  ],
  'syntax-missing-comma.json': [['6:3', 'Expected a comma']],
  'too-few-options.json': [
    ['14:18', '2 blanks need at least 2 options unless "reusableOptions" is true'],
    ['19:14', 'Blanks 1 and 2 both need "client_credentials"'],
  ],
  'trailing-comma.json': [
    ['14:51', 'Trailing comma before "]"'],
    ['15:47', 'Trailing comma before "}"'],
  ],
  'unknown-key-typo.json': [['26:7', 'Unknown key "hint" in a task (allowed: id, difficulty, prompt,']],
  'unknown-language.json': [['12:19', 'Unknown language "Pyhton": the code will show without highlighting (did you mean "python"?)', 'warning']],
  'wrong-type.json': [
    ['7:23', 'estimatedMinutes must be a number'],
    ['19:18', 'options must be an array of strings'],
    ['23:26', 'reusableOptions must be true, false or a list of options'],
  ],
};

// As the CLI checks them: each file's own checks and its solutions'.
const { results, unparsed } = await validateFiles(
  brokenFiles.map((name) => ({ path: name, fileName: name, text: readFileSync(new URL(name, brokenDir), 'utf8') })),
);

describe('the validator on the broken fixtures', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    expect(brokenFiles).toEqual(Object.keys(EXPECTED).sort());
    expect(brokenFiles.length).toBeGreaterThanOrEqual(12);
  });

  it.each(brokenFiles)('reports exactly the problems planted in %s, at the key or value at fault', (name) => {
    const problems = results.find((r) => r.path === name)?.problems ?? [];
    const seen = problems.map((p) => [`${p.line}:${p.column}`, p.severity, p.message]);
    const expected = (EXPECTED[name] ?? []).map(([position, text, severity = 'error']) => [position, severity, expect.stringContaining(text)]);
    expect(seen).toEqual(expected);
  });

  it('fails every fixture but the warning-only ones', () => {
    const passing = results.filter((r) => exitCodeFor(r.problems) === 0).map((r) => r.path);
    expect(passing).toEqual(['long-option.json', 'unknown-language.json']);
  });
});

describe('checkFile on small texts', () => {
  const valid = readFileSync(new URL('../../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8');
  const messages = (name: string, text: string) => checkFile(name, text).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

  it('passes the seed set', () => {
    expect(messages('oauth2-client-credentials.json', valid)).toEqual([]);
  });

  it('ignores a byte-order mark and keeps columns as the editor shows them', () => {
    expect(messages('oauth2-client-credentials.json', `\uFEFF${valid}`)).toEqual([]);
    expect(messages('x.json', '\uFEFF{"id": "x",}')).toContain('1:11 Trailing comma before "}": JSON allows no comma after the last key');
  });

  it.each([
    ['an empty file', '', '1:1 The file is empty'],
    ['single quotes', "{'id': 'x'}", '1:2 Strings and keys need double quotes'],
    ['an unquoted key', '{\n  id: "x"\n}', '2:3 Unexpected "id": keys and strings need double quotes'],
    ['a missing colon', '{"id" "x"}', '1:7 Expected a colon'],
    ['an unclosed object', '{"id": "x"', '1:11 The file ends before an object is closed'],
    ['an invalid escape after a valid one', '{"id": "a\\\\b\\q"}', '1:13 Invalid escape "\\q"'],
    ['a tab inside a string', '{"id": "a\tb"}', '1:10 Strings cannot hold a tab (write \\t)'],
    ['text after the object', '{"id": "x"} x', '1:13 Unexpected "x"'],
  ])('explains %s at the spot, and stops there', (_name, text, expected) => {
    expect(messages('x.json', text)).toEqual([expect.stringContaining(expected)]);
  });

  const withLanguage = (language: string) => valid.replace('"language": "http"', `"language": ${JSON.stringify(language)}`);

  it.each(['HTTP', 'Http', ' http '])('accepts the language name %j in any case', (language) => {
    expect(withLanguage(language)).not.toBe(valid);
    expect(messages('oauth2-client-credentials.json', withLanguage(language))).toEqual([]);
  });

  it('still warns about a language it does not know, at the name', () => {
    expect(messages('oauth2-client-credentials.json', withLanguage('Klingon'))).toEqual([expect.stringMatching(/^\d+:\d+ Unknown language "Klingon"/)]);
  });

  it.each([
    ['40 characters', 'x'.repeat(40), []],
    ['41 characters', 'x'.repeat(41), ['Option is 41 characters long']],
    ['40 emoji (one character each, two UTF-16 units)', '🙂'.repeat(40), []],
    ['40 characters inside spaces the schema trims', `  ${'x'.repeat(40)}  `, []],
  ])('warns about an option of %s only past 40, at the option', (_name, option, expected) => {
    const text = valid.replace('"refresh_token"', JSON.stringify(option));
    expect(text).not.toBe(valid);
    const line = text.split('\n').findIndex((l) => l.includes(JSON.stringify(option))) + 1;
    const column = (text.split('\n')[line - 1] ?? '').indexOf(JSON.stringify(option)) + 1;
    const warnings = checkFile('oauth2-client-credentials.json', text).problems.filter((p) => p.code === 'long-option');
    expect(warnings.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual(
      expected.map((m) => expect.stringContaining(`${line}:${column} warning ${m}`)),
    );
  });

  it('does not also blame the file name when the id itself is wrong', () => {
    const text = valid.replace('"id": "oauth2-client-credentials"', '"id": "OAuth2"');
    expect(messages('oauth2-client-credentials.json', text)).toEqual([expect.stringContaining('Set id must be a slug')]);
  });

  it('says once that the file must hold an object, when it holds an array', () => {
    expect(messages('x.json', '[\n  {"id": "x"}\n]')).toEqual(['1:1 The set must be an object, not an array']);
  });
});

describe('report lines', () => {
  const problem = (severity: Problem['severity'], message: string): Problem => ({ severity, code: 'x', message, line: 3, column: 7 });

  it('formats errors bare and warnings marked, one line each', () => {
    expect(formatProblem('exercises/a.json', problem('error', 'Bad'))).toBe('exercises/a.json:3:7: Bad');
    expect(formatProblem('exercises/a.json', problem('warning', 'Hmm'))).toBe('exercises/a.json:3:7: warning: Hmm');
    expect(formatProblem('a.json', problem('error', 'Unknown key "a\nb"'))).toBe('a.json:3:7: Unknown key "a\\nb"');
  });

  it('sums up with the right plurals', () => {
    expect(formatSummary(3, [problem('error', 'a'), problem('error', 'b'), problem('warning', 'c')])).toBe('3 files checked: 2 errors, 1 warning');
    expect(formatSummary(1, [])).toBe('1 file checked: 0 errors, 0 warnings');
  });

  it('exits 1 only for errors', () => {
    expect(exitCodeFor([problem('warning', 'c')])).toBe(0);
    expect(exitCodeFor([problem('warning', 'c'), problem('error', 'a')])).toBe(1);
    expect(exitCodeFor([])).toBe(0);
  });
});

// Each run starts npm, tsx and node: allow for a busy machine.
describe('the real CLI, as authors run it', { timeout: 30_000 }, () => {
  const run = (...args: string[]) => {
    const result = spawnSync('npm', ['run', '--silent', 'validate', '--', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: root },
      timeout: 60_000,
    });
    return { status: result.status, lines: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
  };

  it('passes exercises/ (the default) with a summary and exit 0', () => {
    const { status, lines, stderr } = run();
    expect(stderr).toBe('');
    const files = readdirSync(new URL('../../exercises/', import.meta.url)).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    // Every solution parses; a language without a parser is said once, not per task.
    expect(lines.at(-1)).toBe(`${files.length} file${files.length === 1 ? '' : 's'} checked: 0 errors, 0 warnings`);
    const notes = lines.slice(0, -1);
    for (const note of notes) expect(note).toMatch(/^note: [\w-]+ has no parser here: \d+ tasks?'s? solutions? (is|are) not parsed$/);
    expect(new Set(notes.map((note) => note.split(' ')[1])).size).toBe(notes.length);
    expect(status).toBe(0);
  });

  it('fails the broken folder with one path:line:column line per problem and exit 1', () => {
    const { status, lines } = run('src/cli/fixtures/broken', 'no-such-folder');
    const problems = results.flatMap((r) => r.problems);
    expect(status).toBe(1);
    const missing: Problem = { severity: 'error', code: 'not-found', message: 'No such file or folder', line: 1, column: 1 };
    expect(lines.at(-1)).toBe(formatSummary(brokenFiles.length, [...problems, missing]));
    expect(lines[0]).toBe('no-such-folder:1:1: No such file or folder');
    const notes = [...unparsed].map(([language, tasks]) => formatNote(language, tasks));
    expect(notes).toEqual([expect.stringMatching(/^note: http has no parser here: \d+ tasks' solutions are not parsed$/)]);
    expect(lines.slice(-1 - notes.length, -1)).toEqual(notes);
    const body = lines.slice(1, -1 - notes.length);
    expect(body).toHaveLength(problems.length);
    for (const line of body) expect(line).toMatch(/^src\/cli\/fixtures\/broken\/[a-z-]+\.json:\d+:\d+: (warning: )?\S/);
    expect(body).toContain('src/cli/fixtures/broken/unknown-key-typo.json:26:7: Unknown key "hint" in a task (allowed: id, difficulty, prompt, language, code, options, answers, hints, mistakes, explanation, maxAttempts, reusableOptions, groups, ignoreCase, fragment)');
    expect(body).toContain(
      'src/cli/fixtures/broken/duplicate-set-id.json:4:9: Set id "duplicate-set-id" is also used by src/cli/fixtures/broken/duplicate-set-id-copy.json: every set needs its own id',
    );
  });
});
