/**
 * Today's page (today.html, served at /today): the site's chrome around Today and nothing of the set
 * page's, so a learner who opens it directly loads React and Today's own code only (vite.today.config.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../components/styles.css';
import './site.css';
import { SiteChrome } from './site-chrome.tsx';
import { Today } from './today.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SiteChrome>
        <Today />
      </SiteChrome>
    </StrictMode>,
  );
}
