// @vitest-environment node
/**
 * The exercises plugin in a real Vite, over a temporary folder: a build with a broken set fails with the
 * validator's lines, and the dev server still lists the problems for the author's page.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, type InlineConfig } from 'vite';
import type { CatalogueEntry } from '../src/app/bundled-sets.ts';
import { exercisesPlugin } from './exercises-plugin.ts';

const seed = fileURLToPath(new URL('../exercises/oauth2-client-credentials.json', import.meta.url));
const brokenFixture = fileURLToPath(new URL('../src/cli/fixtures/broken/answer-not-an-option.json', import.meta.url));

let root = '';
let exercises = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'codeblanks-plugin-'));
  exercises = path.join(root, 'exercises');
  mkdirSync(exercises);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title><script type="module" src="./main.js"></script>');
  writeFileSync(path.join(root, 'main.js'), 'document.title = "built";');
  cpSync(seed, path.join(exercises, 'oauth2-client-credentials.json'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const config = (): InlineConfig => ({
  configFile: false,
  root,
  logLevel: 'silent',
  plugins: [exercisesPlugin(exercises)],
  build: { write: false, outDir: path.join(root, 'dist') },
});

/** The broken fixture, under the name its set id asks for (so its only problem is the planted one). */
function addBrokenSet(): void {
  writeFileSync(path.join(exercises, 'answer-not-an-option.json'), readFileSync(brokenFixture, 'utf8'));
}

describe('the production build', { timeout: 30_000 }, () => {
  it('ships a folder of valid sets with their catalogue', async () => {
    const output = await build(config());
    const files = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output.map((f) => f.fileName) : []));
    expect(files).toEqual(expect.arrayContaining(['exercises/index.json', 'exercises/oauth2-client-credentials.json']));
  });

  it('fails on a broken set, with the validator\'s exercises/<file>:line:column lines', async () => {
    addBrokenSet();
    const failure = await build(config()).then(
      () => new Error('the build passed'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toContain('The exercise files have errors');
    expect(failure.message).toContain('exercises/answer-not-an-option.json:26:11: Answer "client-credentials" for blank 1 is not one of the options');
    expect(failure.message).not.toContain('oauth2-client-credentials.json:');
  });

  it('fails on a set whose solution does not parse, as the validator says it', async () => {
    writeFileSync(path.join(exercises, 'solution-does-not-parse.json'), readFileSync(new URL('../src/cli/fixtures/broken/solution-does-not-parse.json', import.meta.url), 'utf8'));
    const failure = await build(config()).then(
      () => new Error('the build passed'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toContain('exercises/solution-does-not-parse.json:15:14: With each blank filled with its first answer, the code is not valid Python here');
    expect(failure.message).toContain('exercises/solution-does-not-parse.json:27:76: ');
  });
});

describe('the dev server', { timeout: 30_000 }, () => {
  it('keeps serving and lists a broken set\'s problems in the catalogue, for the author\'s page', async () => {
    addBrokenSet();
    const server = await createServer({ ...config(), server: { host: '127.0.0.1', port: 5205, strictPort: true } });
    try {
      await server.listen();
      const catalogue = (await (await fetch('http://127.0.0.1:5205/exercises/index.json')).json()) as CatalogueEntry[];
      expect(catalogue.find((e) => e.file === 'answer-not-an-option.json')?.problems).toEqual([
        expect.stringContaining('exercises/answer-not-an-option.json:26:11: Answer "client-credentials" for blank 1 is not one of the options'),
      ]);
      expect(catalogue.find((e) => e.file === 'oauth2-client-credentials.json')).toMatchObject({ id: 'oauth2-client-credentials', tasks: 5 });
    } finally {
      await server.close();
    }
  });
});
