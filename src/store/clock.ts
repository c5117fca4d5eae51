/**
 * The one source of time for everything scheduled over days (cards, reviews, streaks, the Today page).
 * In the browser it is `Date.now`, which Playwright's `page.clock` moves; unit tests set their own.
 * Pure engine functions never read it: they are handed `now`.
 */
let source: () => number = () => Date.now();

export const now = (): number => source();

/** For tests and hosts that keep their own time; returns a function that puts the previous source back. */
export function setClock(next: () => number): () => void {
  const previous = source;
  source = next;
  return () => {
    source = previous;
  };
}
