/**
 * The studio's two dev-server routes, under `npm start` only (`apply: 'serve'`: a build has no route,
 * and the studio offers Download and Copy instead):
 *
 *   GET  /__codeblanks/file?name=<file>.json  the file as written on disk, and the hash of that text
 *   POST /__codeblanks/save                    {name, text, hash?, overwrite?} writes exercises/<name>
 *
 * A write goes into the exercises folder and nowhere else: a name with a path in it (`..`, `/`, `\`,
 * an absolute path), a name that is not `*.json` (or is schema.json or index.json, which are generated),
 * a symbolic link, or a folder whose real path is elsewhere is refused. Only the dev server's own pages
 * may call it: a request whose Host is not the server's address, or whose Origin is not that host, is
 * refused (another site open in the same browser cannot write files). A file whose text changed on
 * disk since the studio opened it (its hash differs from the one the studio sends) is not overwritten:
 * the answer is 409, and the studio asks the author before sending `overwrite: true`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export const SAVE_ROUTE = '/__codeblanks/save';
export const FILE_ROUTE = '/__codeblanks/file';

/** The hash the studio sends back with a save: sha-256 of the text as it was on disk. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

type Answer = { status: number; body: Record<string, unknown> };

/** The file a name stands for, inside `dir`, or why it cannot be written or read. */
export function resolveExerciseFile(dir: string, name: unknown): { ok: true; file: string } | { ok: false; status: number; error: string } {
  if (typeof name !== 'string' || name === '') return { ok: false, status: 400, error: 'No file name' };
  if (name.includes('..') || /[/\\\0]/.test(name) || path.isAbsolute(name)) return { ok: false, status: 400, error: 'A file name only: no folders, no ".."' };
  if (!/^[\w.-]+\.json$/.test(name)) return { ok: false, status: 400, error: 'Only .json files are written' };
  if (name === 'schema.json' || name === 'index.json') return { ok: false, status: 400, error: `${name} is generated, not authored` };
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
  } catch {
    return { ok: false, status: 500, error: 'The exercises folder does not exist' };
  }
  const file = path.join(realDir, name);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) return { ok: false, status: 403, error: 'A symbolic link is never written through' };
  if (stat && !stat.isFile()) return { ok: false, status: 403, error: 'Not a file' };
  if (path.dirname(file) !== realDir) return { ok: false, status: 403, error: 'Outside the exercises folder' };
  return { ok: true, file };
}

/** Whether a request comes from the dev server's own page: its Host is one of ours and its Origin is that host. */
export function isOwnOrigin(req: Pick<IncomingMessage, 'headers'>, hosts: readonly string[]): boolean {
  const host = req.headers.host;
  if (!host || !hosts.includes(host)) return false;
  const origin = req.headers.origin;
  return origin === `http://${host}` || origin === `https://${host}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 2_000_000) reject(new Error('too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** Handles both routes; `hosts` says which Host headers are this server's (127.0.0.1:<port>, localhost:<port>). */
export function studioMiddleware(dir: string, hosts: () => readonly string[]) {
  const send = (res: ServerResponse, { status, body }: Answer) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  };

  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== SAVE_ROUTE && url.pathname !== FILE_ROUTE) return next();
    if (!isOwnOrigin(req, hosts()) && !(req.method === 'GET' && req.headers.origin === undefined && hosts().includes(req.headers.host ?? ''))) {
      return send(res, { status: 403, body: { error: 'Only the dev server\'s own pages may use this route' } });
    }
    if (url.pathname === FILE_ROUTE) {
      if (req.method !== 'GET') return send(res, { status: 405, body: { error: 'GET only' } });
      const target = resolveExerciseFile(dir, url.searchParams.get('name'));
      if (!target.ok) return send(res, { status: target.status, body: { error: target.error } });
      if (!fs.existsSync(target.file)) return send(res, { status: 404, body: { error: 'No such file' } });
      const text = fs.readFileSync(target.file, 'utf8');
      return send(res, { status: 200, body: { text, hash: textHash(text) } });
    }
    if (req.method !== 'POST') return send(res, { status: 405, body: { error: 'POST only' } });
    // A JSON body: a plain form on another site cannot send one without a CORS preflight we never answer.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, { status: 415, body: { error: 'Send JSON' } });
    let request: { name?: unknown; text?: unknown; hash?: unknown; overwrite?: unknown };
    try {
      request = JSON.parse(await readBody(req)) as typeof request;
    } catch {
      return send(res, { status: 400, body: { error: 'The request is not JSON' } });
    }
    const target = resolveExerciseFile(dir, request.name);
    if (!target.ok) return send(res, { status: target.status, body: { error: target.error } });
    if (typeof request.text !== 'string') return send(res, { status: 400, body: { error: 'No text to write' } });
    if (fs.existsSync(target.file) && request.overwrite !== true) {
      const onDisk = textHash(fs.readFileSync(target.file, 'utf8'));
      if (onDisk !== request.hash) {
        return send(res, { status: 409, body: { error: 'The file changed on disk since it was opened', hash: onDisk } });
      }
    }
    fs.writeFileSync(target.file, request.text);
    return send(res, { status: 200, body: { saved: `exercises/${path.basename(target.file)}`, hash: textHash(request.text) } });
  };
}

export function studioSavePlugin(dir = path.resolve('exercises')): Plugin {
  return {
    name: 'codeblanks-studio-save',
    apply: 'serve',
    configureServer(server) {
      const hosts = () => {
        const address = server.httpServer?.address();
        const port = address && typeof address === 'object' ? address.port : server.config.server.port;
        return [`127.0.0.1:${port}`, `localhost:${port}`];
      };
      const handle = studioMiddleware(dir, hosts);
      server.middlewares.use((req, res, next) => {
        handle(req, res, next).catch(() => {
          res.statusCode = 500;
          res.end();
        });
      });
    },
  };
}
