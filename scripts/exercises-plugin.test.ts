// @vitest-environment node
/**
 * The exercises plugin in a real Vite, over a temporary folder: a build with a broken set fails with the
 * validator's lines, and the dev server still lists the problems for the author's page, and announces
 * each save to the open pages and the terminal (e2e/live-reload.spec.ts shows it in a browser).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createLogger, createServer, type InlineConfig } from 'vite';
import type { CatalogueEntry } from '../src/app/bundled-sets.ts';
import { EXERCISES_EVENT as HEARD } from '../src/app/live-reload.ts';
import { EXERCISES_EVENT, exercisesPlugin } from './exercises-plugin.ts';

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

describe('live editing in the dev server', { timeout: 30_000 }, () => {
  it('sends the event the site listens for', () => {
    expect(EXERCISES_EVENT).toBe(HEARD);
  });

  /** Saves a sentinel file and waits until it is announced: any earlier save's events have come by then. */
  async function flush(sent: string[]) {
    const before = sent.filter((f) => f === 'sentinel.json').length;
    writeFileSync(path.join(exercises, 'sentinel.json'), `{"n": ${before}}`);
    await vi.waitFor(() => expect(sent.filter((f) => f === 'sentinel.json')).toHaveLength(before + 1));
  }

  /** The dev server, its announcements to the pages (file names) and what it printed (level and message). */
  async function liveServer() {
    const printed: { level: string; message: string }[] = [];
    const record = (level: string) => (message: string) => void printed.push({ level, message });
    const logger = createLogger('silent');
    Object.assign(logger, { info: record('info'), warn: record('warn'), warnOnce: record('warn'), error: record('error') });
    // No port of its own: the pages' channel is the server's, watched where it leaves the plugin.
    const server = await createServer({ ...config(), customLogger: logger, server: { middlewareMode: true, hmr: false } });
    const sent: string[] = [];
    vi.spyOn(server.ws, 'send').mockImplementation((payload: unknown) => {
      const { type, event, data } = payload as { type: string; event?: string; data?: { file: string } };
      if (type === 'custom' && event === EXERCISES_EVENT && data) sent.push(data.file);
    });
    // The watcher is ready once a save comes through; then one more, so every earlier save has come.
    await vi.waitFor(
      () => {
        writeFileSync(path.join(exercises, 'warm-up.json'), '{}');
        expect(sent).toContain('warm-up.json');
      },
      { timeout: 10_000, interval: 200 },
    );
    await flush(sent);
    sent.length = 0;
    printed.length = 0;
    return { server, sent, printed };
  }

  it('announces a saved, added or removed set once per save, and says so in the terminal', async () => {
    const { server, sent, printed } = await liveServer();
    try {
      writeFileSync(path.join(exercises, 'oauth2-client-credentials.json'), readFileSync(seed, 'utf8').replace('"title": "', '"title": "Edited: '));
      await vi.waitFor(() => expect(sent).toEqual(['oauth2-client-credentials.json']));
      writeFileSync(path.join(exercises, 'copy.json'), readFileSync(seed, 'utf8'));
      await vi.waitFor(() => expect(sent).toContain('copy.json'));
      // (The watcher holds a removal back a little, in case the file comes back at once: an editor's save.)
      unlinkSync(path.join(exercises, 'copy.json'));
      await vi.waitFor(() => expect(printed).toContainEqual({ level: 'info', message: 'exercises/copy.json removed' }));
      await flush(sent);
      expect(sent).toEqual(['oauth2-client-credentials.json', 'copy.json', 'copy.json', 'sentinel.json']);
      expect(printed).toContainEqual({ level: 'info', message: 'exercises/oauth2-client-credentials.json updated' });
      expect(printed.filter((p) => p.message.startsWith('exercises/oauth2-client-credentials.json'))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('prints a broken file\'s problems once, as the validator words them at line and column', async () => {
    const { server, sent, printed } = await liveServer();
    try {
      addBrokenSet();
      await flush(sent);
      expect(sent.filter((f) => f === 'answer-not-an-option.json')).toHaveLength(1);
      const about = printed.filter((p) => p.message.includes('answer-not-an-option.json'));
      expect(about).toHaveLength(1);
      expect(about[0]).toEqual({
        level: 'error',
        message: expect.stringContaining('\nexercises/answer-not-an-option.json:26:11: Answer "client-credentials" for blank 1 is not one of the options'),
      });
    } finally {
      await server.close();
    }
  });

  it('leaves the schema and files outside the folder alone', async () => {
    const { server, sent } = await liveServer();
    try {
      writeFileSync(path.join(exercises, 'schema.json'), '{}');
      writeFileSync(path.join(root, 'elsewhere.json'), '{}');
      await flush(sent);
      expect(sent).toEqual(['sentinel.json']);
    } finally {
      await server.close();
    }
  });
});
