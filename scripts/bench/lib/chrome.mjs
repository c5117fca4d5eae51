/**
 * Which Chromium the bench drives, and the flags that keep it quiet on a closed network.
 * Order: scripts/find-chrome.mjs (the project's shared finder, if present), then CHROME_PATH, then
 * Debian's /usr/bin/chromium. Fails loudly when none exists, rather than letting a tool download one.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROME_FLAGS } from '../../find-chrome.mjs';

const FINDER = fileURLToPath(new URL('../../find-chrome.mjs', import.meta.url));

/** Headless flags from shared/TOOLCHAIN.md (Playwright adds its own profile; never pass --user-data-dir). */
export const QUIET_FLAGS = ['--headless', ...CHROME_FLAGS];

/** The Chromium binary's path; also exported as CHROME_PATH so Lighthouse's launcher finds the same one. */
export async function chromePath() {
  let found;
  if (existsSync(FINDER)) {
    try {
      const mod = await import(pathToFileURL(FINDER).href);
      if (typeof mod.findChrome === 'function') found = await mod.findChrome();
    } catch (error) {
      console.warn(`bench: scripts/find-chrome.mjs failed (${error.message}); falling back to CHROME_PATH`);
    }
  }
  found ??= process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(found)) {
    throw new Error(`bench: no Chromium at ${found}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);
  }
  process.env.CHROME_PATH = found;
  return found;
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
