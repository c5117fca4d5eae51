// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { checkFiles } from './check-file.ts';
import { runImport } from './import.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../import/fixtures/', import.meta.url));

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'codeblanks-import-'));
  out = join(dir, 'out');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The files under the output folder (none when it was never made). */
const written = (): string[] => {
  try {
    return readdirSync(out).sort();
  } catch {
    return [];
  }
};

const dragText = readFileSync(join(fixtures, 'dragtext-syntax.content.json'));

describe('npm run import', () => {
  it('writes one valid set per file, named after its id, and reports per question what was not carried over', () => {
    const run = runImport([join(fixtures, 'dragtext-syntax.content.json'), join(fixtures, 'ddwtos-groups.xml'), '--out', out], dir);
    expect(run.exitCode).toBe(0);
    expect(written()).toEqual(['ddwtos-groups.json', 'dragtext-syntax.json']);
    const files = written().map((name) => ({ path: name, fileName: name, text: readFileSync(join(out, name), 'utf8') }));
    for (const { problems } of checkFiles(files)) expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(run.output).toContain('#1 "Nested lists" (ddwtos) -> task "nested-lists"');
    expect(run.output).toContain('- hint settings (show the number correct, clear wrong answers) not carried over');
    expect(run.output).toContain('#3 "Not a gap question" (multichoice) -> not imported');
    expect(run.output).toContain('2 sets written, 3 tasks');
  });

  it('refuses to overwrite a set unless --force', () => {
    const file = join(fixtures, 'code-blanks.content.json');
    expect(runImport([file, '--out', out], dir).exitCode).toBe(0);
    writeFileSync(join(out, 'code-blanks.json'), 'mine');
    const again = runImport([file, '--out', out], dir);
    expect(again.exitCode).toBe(1);
    expect(again.output).toContain('exists already: use --force to overwrite it');
    expect(readFileSync(join(out, 'code-blanks.json'), 'utf8')).toBe('mine');
    expect(runImport([file, '--out', out, '--force'], dir).exitCode).toBe(0);
    expect(readFileSync(join(out, 'code-blanks.json'), 'utf8')).toContain('"formatVersion": 1');
  });

  it('refuses two files that would write the same set', () => {
    const copy = join(dir, 'sub');
    mkdirSync(copy);
    writeFileSync(join(copy, 'code-blanks.content.json'), readFileSync(join(fixtures, 'code-blanks.content.json')));
    const run = runImport([join(fixtures, 'code-blanks.content.json'), join(copy, 'code-blanks.content.json'), '--out', out], dir);
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain('would also be written from');
    expect(written()).toEqual([]);
  });

  it('reads an h5p.json beside a content.json for the title', () => {
    writeFileSync(join(dir, 'berries.content.json'), dragText);
    writeFileSync(join(dir, 'berries.h5p.json'), JSON.stringify({ title: 'Berry words', mainLibrary: 'H5P.DragText' }));
    expect(runImport(['berries.content.json', '--out', out], dir).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'berries.json'), 'utf8'))).toMatchObject({ id: 'berries', title: 'Berry words' });
  });

  it('explains its usage, and refuses unknown options and missing files', () => {
    expect(runImport(['--help'], dir)).toMatchObject({ exitCode: 0 });
    expect(runImport(['--help'], dir).output).toContain('npm run import -- <file>...');
    expect(runImport(['--bogus', 'x'], dir).output).toContain('Unknown option --bogus');
    expect(runImport([], dir).exitCode).toBe(1);
    expect(runImport(['nope.h5p', '--out', out], dir).output).toContain('nope.h5p: error: no such file');
  });

  it('runs as the npm script', () => {
    const run = spawnSync('npm', ['run', '-s', 'import', '--', join(fixtures, 'column-container.content.json'), '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 set written, 2 tasks');
    expect(written()).toEqual(['column-container.json']);
  });
});

describe('hostile, oversized and malformed files: a clear error, and nothing written at all', () => {
  /** Imports `bad` beside a good file: the whole run must refuse and leave no file behind. */
  function refuses(name: string, bad: Uint8Array | string, message: string): void {
    writeFileSync(join(dir, name), bad);
    const run = runImport([join(fixtures, 'code-blanks.content.json'), name, '--out', out], dir);
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(`${name}: error: `);
    expect(run.output).toContain(message);
    expect(run.output).toContain('Nothing written');
    expect(written()).toEqual([]);
  }

  it('a zip bomb (60 MB of zeros in a small .h5p)', () => {
    const bomb = zipSync({ 'h5p.json': strToU8('{}'), 'content/content.json': new Uint8Array(60 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    refuses('bomb.h5p', bomb, 'unpacks to 60.0 MB, more than the 50 MB allowed (a zip bomb?)');
  }, 30_000);

  it('a zip entry whose path climbs out of its folder', () => {
    const zip = zipSync({ 'content/content.json': dragText, '../../../etc/evil.json': strToU8('{}') });
    refuses('traversal.h5p', zip, 'unsafe path ("../../../etc/evil.json")');
    expect(readdirSync(dir).sort()).toEqual(['traversal.h5p']);
  });

  it('10,000 questions', () => {
    const one = '<question type="gapselect"><name><text>Q</text></name><questiontext><text>a [[1]]</text></questiontext><selectoption><text>b</text><group>1</group></selectoption></question>';
    refuses('huge.xml', `<?xml version="1.0"?><quiz>${one.repeat(10_000)}</quiz>`, 'holds 10000 questions, more than the 500');
  });

  it('script in the text', () => {
    refuses('script.content.json', JSON.stringify({ textField: 'Say *hi*<script>fetch("https://evil.example")</script>' }), 'a <script> element');
  });

  it('malformed XML and JSON, and a file of another kind', () => {
    refuses('broken.xml', '<quiz><question type="ddwtos">', 'Not well-formed XML');
    refuses('broken.content.json', '{"textField": ', 'content.json is not valid JSON');
    refuses('notes.txt', 'just some notes', 'Not a format this importer reads');
  });
});
