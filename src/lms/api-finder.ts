/**
 * Finds the LMS's SCORM runtime the way ADL's own sample code does: up through `window.parent` (at
 * most 500 levels, as the SCORM run-time documents say, so a frame loop cannot hang the page), then
 * from the opener (of this window or of its top window) and its parents (an LMS that opens the SCO in a pop-up). A cross-origin frame
 * throws on access; it is skipped rather than ending the search.
 */
export const MAX_LEVELS = 500;

/** The window shape the search walks; a real `Window` is one. */
export interface ApiWindow {
  readonly parent: ApiWindow | null;
  readonly opener?: ApiWindow | null;
  readonly [name: string]: unknown;
}

function lookUp<T>(start: ApiWindow | null | undefined, name: string): T | null {
  let win = start;
  for (let level = 0; win && level <= MAX_LEVELS; level += 1) {
    try {
      const api = win[name];
      if (api && typeof api === 'object') return api as T;
      if (win.parent === win || !win.parent) return null;
      win = win.parent;
    } catch {
      // A window of another origin: nothing readable above it on this path.
      return null;
    }
  }
  return null;
}

/** `API` (SCORM 1.2) or `API_1484_11` (SCORM 2004) from the nearest window that has it, or null. */
export function findApi<T>(win: ApiWindow, name: 'API' | 'API_1484_11'): T | null {
  const found = lookUp<T>(win, name);
  if (found) return found;
  // The opener belongs to the pop-up's top window, which is this one unless the SCO is framed in it.
  let top: ApiWindow = win;
  try {
    for (let level = 0; level < MAX_LEVELS && top.parent && top.parent !== top && !top.opener; level += 1) top = top.parent;
    return lookUp<T>(top.opener, name);
  } catch {
    return null;
  }
}
