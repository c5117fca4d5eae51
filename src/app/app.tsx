/**
 * The site's chrome and its two pages. Plain links and query strings: deep links work on any static
 * host.
 */
import { lazy, Suspense } from 'react';
import { Problem, SetPage } from './set-page.tsx';

// The catalogue is its own chunk so a set page, the heavier one, carries nothing of it; the studio
// (/author) and the Today page (/today) are reached through that chunk, so this entry, which every
// learner loads, hardly grows.
const FrontPage = lazy(() => import('./catalogue.tsx').then((m) => ({ default: m.FrontPage })));

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
        {/* Today (what is due, the streak, mastery) is reached through the catalogue's chunk, as /author is. */}
        <a className="site-brand" href="today">
          Today
        </a>
      </header>
      <main className="site-main">
        {/* For the lazy pages: the catalogue, and a page that cannot be shown (set-page.tsx's Problem). */}
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          {!found ? (
            <Problem />
          ) : setId ? (
            <SetPage id={setId} hash={location.hash} mode={query.get('mode')} />
          ) : (
            <FrontPage path={location.pathname} />
          )}
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Practise code by filling in the blanks. Your progress stays in this browser.</p>
      </footer>
    </div>
  );
}
