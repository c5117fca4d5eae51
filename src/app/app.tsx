/**
 * The site's chrome and its pages: a set (in the entry), the catalogue and the studio (one chunk), Today
 * (a chunk of its own). Plain links and query strings: deep links work on any static host.
 */
import { Chunk, Problem, SetPage } from './set-page.tsx';

export function App({ location }: { location: Pick<Location, 'pathname' | 'search' | 'hash'> }) {
  const query = new URLSearchParams(location.search);
  const setId = query.get('set');
  // The site lives at the root (the build's base, as its asset URLs say). A server that answers every
  // path with this page (a preview server, a host's SPA fallback) would otherwise show the catalogue
  // anywhere, or fetch its data relative to a path where none is and fail on the HTML it gets back.
  const found = /^\/(index\.html|author|today)?$/.test(location.pathname);
  return (
    <div className="cb-root site">
      <header className="site-header">
        <a className="site-brand" href="./">
          <span className="site-logo" aria-hidden="true">
            [[ ]]
          </span>
          codeblanks
        </a>
        <a className="site-brand" href="today">
          Today
        </a>
      </header>
      <main className="site-main">
        {!found ? (
          <Problem />
        ) : setId ? (
          <SetPage id={setId} hash={location.hash} mode={query.get('mode')} />
        ) : location.pathname === '/today' ? (
          // Today is a chunk of its own, not the catalogue's: it waits for nothing of the catalogue's.
          <Chunk load={() => import('./today.tsx')} show={(m) => <m.Today />} />
        ) : (
          <Chunk load={() => import('./catalogue.tsx')} show={(m) => <m.FrontPage path={location.pathname} />} />
        )}
      </main>
      <footer className="site-footer">
        <p>Your progress stays in this browser.</p>
      </footer>
    </div>
  );
}
