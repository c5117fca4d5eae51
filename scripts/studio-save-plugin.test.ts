// @vitest-environment node
/**
 * The studio's save route in a real Vite dev server (port 5208) over a temporary exercises folder: it
 * writes a file there, and refuses every request that would write anywhere else, come from another
 * origin, or overwrite a file that changed on disk since it was opened.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { SAVE_ROUTE, FILE_ROUTE, isOwnOrigin, studioSavePlugin, textHash } from './studio-save-plugin.ts';

const PORT = 5208;
const HOST = `127.0.0.1:${PORT}`;
let root = '';
let exercises = '';
let outside = '';
let server: ViteDevServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codeblanks-save-'));
  exercises = path.join(root, 'exercises');
  outside = path.join(root, 'outside');
  mkdirSync(exercises);
  mkdirSync(outside);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  server = await createServer({ configFile: false, root, logLevel: 'silent', plugins: [studioSavePlugin(exercises)], server: { host: '127.0.0.1', port: PORT, strictPort: true } });
  await server.listen();
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

function call(method: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port: PORT, path: route, method, headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let parsed: Record<string, unknown>;
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            // Vite's own host check answers in plain text.
            parsed = { raw: text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const save = (body: unknown, headers?: Record<string, string>) => call('POST', SAVE_ROUTE, body, headers);

describe('POST /__codeblanks/save', () => {
  it('writes a new file into the exercises folder', async () => {
    expect(await save({ name: 'new-set.json', text: '{"a":1}\n' })).toMatchObject({ status: 200, body: { saved: 'exercises/new-set.json' } });
    expect(readFileSync(path.join(exercises, 'new-set.json'), 'utf8')).toBe('{"a":1}\n');
  });

  it('overwrites a file unchanged since it was opened, and answers 409 when it changed on disk', async () => {
    writeFileSync(path.join(exercises, 'kept.json'), 'first');
    const opened = await call('GET', `${FILE_ROUTE}?name=kept.json`, undefined);
    expect(opened).toMatchObject({ status: 200, body: { text: 'first', hash: textHash('first') } });
    expect((await save({ name: 'kept.json', text: 'second', hash: opened.body.hash })).status).toBe(200);
    // Someone else edits the file; the studio still holds the hash of "first".
    writeFileSync(path.join(exercises, 'kept.json'), 'edited elsewhere');
    expect(await save({ name: 'kept.json', text: 'third', hash: opened.body.hash })).toMatchObject({ status: 409 });
    expect(readFileSync(path.join(exercises, 'kept.json'), 'utf8')).toBe('edited elsewhere');
    // A file that exists but was never opened (no hash) is not overwritten silently either.
    expect((await save({ name: 'kept.json', text: 'third' })).status).toBe(409);
    expect((await save({ name: 'kept.json', text: 'third', overwrite: true })).status).toBe(200);
    expect(readFileSync(path.join(exercises, 'kept.json'), 'utf8')).toBe('third');
  });

  it.each([
    ['a name with ..', '../escape.json', 400],
    ['a name with a folder', 'sub/x.json', 400],
    ['an absolute path', '/tmp/x.json', 400],
    ['a Windows path', '..\\x.json', 400],
    ['a name that is not .json', 'notes.txt', 400],
    ['the generated schema', 'schema.json', 400],
    ['no name', '', 400],
  ])('refuses %s', async (_what, name, status) => {
    expect((await save({ name, text: 'x' })).status).toBe(status);
    expect(existsSync(path.join(root, 'escape.json'))).toBe(false);
  });

  it('refuses to write through a symbolic link, even one into the folder', async () => {
    const target = path.join(outside, 'target.json');
    writeFileSync(target, 'outside');
    symlinkSync(target, path.join(exercises, 'link.json'));
    expect(await save({ name: 'link.json', text: 'x', overwrite: true })).toMatchObject({ status: 403 });
    expect(readFileSync(target, 'utf8')).toBe('outside');
  });

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['no origin', { origin: '' }],
    ['another Host (DNS rebinding)', { host: `evil.example:${PORT}`, origin: `http://evil.example:${PORT}` }],
  ])('refuses a request from %s', async (_what, headers) => {
    expect((await save({ name: 'origin.json', text: 'x' }, headers)).status).toBe(403);
    expect(existsSync(path.join(exercises, 'origin.json'))).toBe(false);
  });

  it('refuses a body that is not JSON, and other methods', async () => {
    expect((await save('name=x.json', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('GET', SAVE_ROUTE, undefined)).status).toBe(405);
  });

  it('reads no file outside the folder either', async () => {
    expect((await call('GET', `${FILE_ROUTE}?name=..%2Foutside%2Ftarget.json`, undefined)).status).toBe(400);
  });
});

describe('isOwnOrigin (the route\'s own check, behind Vite\'s host check)', () => {
  const hosts = [HOST, `localhost:${PORT}`];
  it.each([
    [{ host: HOST, origin: `http://${HOST}` }, true],
    [{ host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }, true],
    [{ host: HOST, origin: 'http://evil.example' }, false],
    [{ host: HOST }, false],
    [{ host: 'evil.example', origin: 'http://evil.example' }, false],
    [{ host: HOST, origin: `http://localhost:${PORT}` }, false],
  ])('%o -> %s', (headers, expected) => {
    expect(isOwnOrigin({ headers }, hosts)).toBe(expected);
  });
});
