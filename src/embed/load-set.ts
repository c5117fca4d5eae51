/**
 * Loading an exercise set for the embed, with the site's trust rule and a content check on top: the sets a codeblanks build serves
 * were validated when it was built, and its catalogue (`index.json` beside them) records the verdict and
 * a hash of each set's content. A fetched set that matches its catalogue entry is used as it is; anything
 * else (an inline set, a set hosted elsewhere, a file edited since the build) goes through the validator,
 * which is a chunk of its own: the pages that show a build's own sets never load it.
 *
 * Every way this can fail comes back as a value with a readable message. Never throws.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { FetchSetResult } from '../store/fetch-set.ts';
import { hashOf } from '../store/persistence.ts';

/** The part of a catalogue line (scripts/exercises-plugin.ts writes them) this needs. */
interface CatalogueLine {
  readonly file: string;
  readonly hash?: string;
  readonly problems?: readonly string[];
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const catalogues = new Map<string, Promise<readonly CatalogueLine[] | null>>();

/** The catalogue beside a set's URL, fetched once per page; null when there is none. */
function catalogueFor(url: URL, fetcher: Fetch): Promise<readonly CatalogueLine[] | null> {
  const at = new URL('index.json', url).href;
  let catalogue = catalogues.get(at);
  if (!catalogue) {
    catalogue = fetcher(at, { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
      .then((json) => (Array.isArray(json) ? (json as CatalogueLine[]) : null))
      .catch(() => null);
    catalogues.set(at, catalogue);
  }
  return catalogue;
}

/** Runs the full validator (schema and rules) over parsed JSON; `source` names it in the messages. */
export function validateSet(json: unknown, source: string): Promise<FetchSetResult> {
  return import('../store/fetch-set.ts').then(
    ({ checkSetJson }) => checkSetJson(json, source),
    () => ({ ok: false, source, message: `${source} could not be checked (the validator did not load)`, issues: [] }),
  );
}

/** A set by URL: trusted when its build's catalogue vouches for exactly this content, validated otherwise. */
export async function loadSet(href: string, fetcher: Fetch = (url, init) => fetch(url, init)): Promise<FetchSetResult> {
  const fail = (message: string): FetchSetResult => ({ ok: false, source: href, message: `${href} ${message}`, issues: [] });
  const url = new URL(href);
  // Only a build's exercises/ folder has a catalogue; asking anywhere else would log a 404 for nothing.
  const catalogue = /\/exercises\/[^/]+\.json$/.test(url.pathname) ? catalogueFor(url, fetcher) : null;
  let response: Response;
  try {
    response = await fetcher(href, { headers: { Accept: 'application/json' } });
  } catch {
    return fail('could not be fetched (network error)');
  }
  if (!response.ok) return fail(`answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch (error) {
    return fail(`is not JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  const file = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
  const entry = (await catalogue)?.find((line) => line.file === file);
  if (entry?.hash && !entry.problems && typeof json === 'object' && json !== null) {
    const set = json as ExerciseSet;
    if (entry.hash === hashOf(set)) return { ok: true, set };
  }
  return validateSet(json, href);
}
