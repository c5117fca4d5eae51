/**
 * Which Chromium the bench drives: scripts/find-chrome.mjs's, the one the browser tests use (CHROME_PATH,
 * then a chromium on PATH, then Playwright's; it installs one when there is none, and throws with what
 * to do when it cannot). Playwright starts it headless itself; Lighthouse's launcher is given --headless.
 */
import { execFileSync } from 'node:child_process';
import { CHROME_FLAGS, findChrome } from '../../find-chrome.mjs';

export { CHROME_FLAGS };

/** The Chromium binary's path. */
export function chromePath() {
  return findChrome();
}

/** "Chromium 156.0.8078.108" or the like, for the record of the machine. */
export function chromeVersion(path) {
  try {
    // Debian's wrapper script prints a shell warning on stderr; only stdout matters.
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
