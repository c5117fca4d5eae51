/**
 * A tiny static server for the example course page: dist/ at `/` (the built site, the embed bundle,
 * embed.html and the exercise files) and examples/ at `/examples/`, every response carrying a strict
 * Content Security Policy, as a careful course site would send it. The browser tests start it on a free
 * port; to look at the page yourself:
 *
 *   npm run build && npx tsx examples/serve.ts      then open the URL it prints
 *
 * CODEBLANKS_DIST=<folder> serves another build in place of dist/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** No inline script or style, no eval, nothing from elsewhere: what codeblanks must work under. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names, or null when it is outside both folders or missing. */
function fileFor(pathname: string, dist: string, examples: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const [base, rest] = path.startsWith('/examples/') ? [examples, path.slice('/examples/'.length)] : [dist, path.slice(1)];
  const file = resolve(base, rest || 'index.html');
  if (file !== base && !file.startsWith(base + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export interface ExampleServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (port 0: any free port). */
export function serveExamples({ port = 0, csp = STRICT_CSP, dist = process.env.CODEBLANKS_DIST ?? join(ROOT, 'dist') } = {}): Promise<ExampleServer> {
  const examples = join(ROOT, 'examples');
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(url.pathname, resolve(dist), resolve(examples));
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        origin: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4180);
  serveExamples({ port }).then(
    ({ origin }) => console.log(`Example course page: ${origin}/examples/course.html  (Ctrl-C to stop)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
