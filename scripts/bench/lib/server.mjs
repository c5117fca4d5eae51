/**
 * Serves a built site with Vite's own `preview()` (its JS API, so the server ends with this process; see
 * TOOLCHAIN.md on npx leaving children behind), from any folder and on a free loopback port, so a bench
 * never collides with a teammate's `npm run preview` on 4173.
 */
import { createServer } from 'node:net';
import { preview } from 'vite';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts `vite preview` over `outDir` with the project's vite config (so base, headers and SPA fallback
 * are what users get). Returns { url, close }.
 */
export async function servePreview({ root, outDir }) {
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local?.[0] ?? `http://127.0.0.1:${port}/`;
  return {
    url: url.endsWith('/') ? url : `${url}/`,
    close: () => server.close(),
    /** Extra connect middleware, e.g. to answer a request the build does not hold. */
    use: (fn) => server.middlewares.use(fn),
  };
}
