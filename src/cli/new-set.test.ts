// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newSetText, titleFor, writeNewSet } from './new-set.ts';
import { validateFiles } from './solutions-node.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'codeblanks-new-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  it.each([
    ['python-loops', 'Python loops'],
    ['sql', 'Sql'],
    ['http-caching-101', 'Http caching 101'],
  ])('titles %j as %j', (id, title) => {
    expect(titleFor(id)).toBe(title);
  });

  it('writes a set the validator passes, with the id and a title from it, named after the id', async () => {
    const written = writeNewSet(dir, 'rust-ownership');
    expect(written).toEqual({ ok: true, path: join(dir, 'rust-ownership.json') });
    const text = readFileSync(join(dir, 'rust-ownership.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ $schema: './schema.json', id: 'rust-ownership', title: 'Rust ownership' });
    const { results, unparsed } = await validateFiles([{ path: 'rust-ownership.json', fileName: 'rust-ownership.json', text }]);
    expect(results).toEqual([{ path: 'rust-ownership.json', problems: [] }]);
    expect(unparsed.size).toBe(0);
  });

  it.each(['Rust', 'rust_ownership', 'a--b', '-a', '', '../x'])('refuses the id %j, writing nothing', (id) => {
    expect(newSetText(id)).toEqual({ ok: false, message: expect.stringContaining('is not a set id') });
    expect(writeNewSet(dir, id).ok).toBe(false);
  });

  it('never overwrites a file', () => {
    writeFileSync(join(dir, 'mine.json'), 'my work');
    expect(writeNewSet(dir, 'mine')).toEqual({ ok: false, message: expect.stringContaining('already exists') });
    expect(readFileSync(join(dir, 'mine.json'), 'utf8')).toBe('my work');
  });

  it('runs as authors type it, and exits 1 when it refuses', { timeout: 30_000 }, () => {
    const run = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'new', '--', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: root }, timeout: 60_000 });
    const first = run('--dir', dir, 'go-errors');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`wrote ${join(dir, 'go-errors.json')}`);
    const again = run('--dir', dir, 'go-errors');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});
