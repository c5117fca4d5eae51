// A small LMS for the browser tests: it serves unzipped packages under a sub-path (as LMSs do), a
// course page per package, the real scorm-again runtime for SCORM, and records what the LMS is sent.
// Started by the test itself, on a free port, so it ends with the test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { runExport } from '../../src/cli/export.ts';

export interface LmsServer {
  readonly origin: string;
  /** Bodies the server received, per route ("commit-12", "statements", …), oldest first. */
  readonly received: Map<string, unknown[]>;
  /** Package files by package name, then path. */
  readonly packages: Map<string, Record<string, Uint8Array>>;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, body: string, response: ServerResponse, server: LmsServer) => boolean;

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', xml: 'application/xml', json: 'application/json' };

/** Exports a set (through the real CLI) into a temporary folder and returns the zip's files. */
export async function exportPackage(setId: string, args: readonly string[], dir: string): Promise<{ files: Record<string, Uint8Array>; zipBytes: number }> {
  const run = await runExport([setId, '--out', dir, ...args], process.cwd());
  if (run.exitCode !== 0 || !run.written) throw new Error(run.output);
  const zip = readFileSync(run.written);
  return { files: unzipSync(zip), zipBytes: zip.length };
}

export async function startLms(pages: Record<string, string>, handler?: Handler): Promise<LmsServer> {
  const received = new Map<string, unknown[]>();
  const packages = new Map<string, Record<string, Uint8Array>>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://lms');
      const send = (status: number, type: string, content: string | Uint8Array) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(content);
      };
      if (handler?.(request, body, response, lms)) return;
      const page = pages[url.pathname];
      if (page !== undefined) return send(200, TYPES.html as string, page);
      if (url.pathname === '/scorm-again.js') return send(200, TYPES.js as string, readFileSync('node_modules/scorm-again/dist/scorm-again.js'));
      const commit = /^\/commit\/(\w+)$/.exec(url.pathname);
      if (commit && request.method === 'POST') {
        const list = received.get(`commit-${commit[1]}`) ?? [];
        list.push(JSON.parse(body));
        received.set(`commit-${commit[1]}`, list);
        return send(200, TYPES.json as string, JSON.stringify({ result: true, errorCode: 0 }));
      }
      // Packages live under a deep sub-path, as an LMS serves them: only relative URLs work there.
      const file = /^\/pluginfile\.php\/42\/mod_scorm\/content\/(\w+)\/(.+)$/.exec(url.pathname);
      const bytes = file ? packages.get(file[1] as string)?.[file[2] as string] : undefined;
      if (bytes) return send(200, TYPES[(file?.[2] ?? '').split('.').pop() ?? ''] ?? 'application/octet-stream', bytes);
      send(404, 'text/plain', 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lms: LmsServer = {
    origin,
    received,
    packages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return lms;
}

/** Where the server serves a package's file. */
export const contentPath = (name: string, file = 'index.html') => `/pluginfile.php/42/mod_scorm/content/${name}/${file}`;
