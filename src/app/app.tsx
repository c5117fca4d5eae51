/**
 * The site's pages on index.html: a set (in the entry), the catalogue and the studio (one chunk). Today
 * is a page of its own (today.html, served at /today): its visitors load none of the set page's code.
 * Plain links and query strings: deep links work on any static host.
 */
import { Problem, SetPage } from './set-page.tsx';
import { Chunk } from './chunk.tsx';
import { SiteChrome } from './site-chrome.tsx';

export function App({ location }: { location: Pick<Location, 'pathname' | 'search' | 'hash'> }) {
  const query = new URLSearchParams(location.search);
  const setId = query.get('set');
  // The site lives at the root (the build's base, as its asset URLs say). A server that answers every
  // path with this page (a preview server, a host's SPA fallback) would otherwise show the catalogue
  // anywhere, or fetch its data relative to a path where none is and fail on the HTML it gets back.
  const found = /^\/(index\.html|author)?$/.test(location.pathname);
  return (
    <SiteChrome>
      {!found ? (
        <Problem />
      ) : setId ? (
        <SetPage id={setId} hash={location.hash} mode={query.get('mode')} />
      ) : (
        <Chunk load={() => import('./catalogue.tsx')} show={(m) => <m.FrontPage path={location.pathname} />} />
      )}
    </SiteChrome>
  );
}
