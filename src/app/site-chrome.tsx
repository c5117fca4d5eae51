/** The site's chrome around each of its pages (index.html's and today.html's): the header's links, and the footer. */
import type { ReactNode } from 'react';

export function SiteChrome({ children }: { children: ReactNode }) {
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
      <main className="site-main">{children}</main>
      <footer className="site-footer">
        <p>Your progress stays in this browser.</p>
      </footer>
    </div>
  );
}
