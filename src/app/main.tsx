/** The site's front door: the catalogue at `/`, a set at `/?set=<id>`, a task at `/?set=<id>#task-<task id>`. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../components/styles.css';
import './site.css';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App location={window.location} />
    </StrictMode>,
  );
}
