/**
 * The sets that ship with the site. They were validated when the site was built (or, in dev, when the
 * file was served) by the same `loadExerciseSet` the embed runs in the browser, and the catalogue
 * records the verdict. So the learner's page trusts a set the catalogue lists as valid and loads no
 * validator: that keeps about 5 KB gzip of schema code off every page. The embed, which fetches sets
 * from anywhere, validates at run time any set its build's catalogue does not vouch for by content hash
 * (src/embed/load-set.ts).
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';

/** One line of exercises/index.json, written by scripts/exercises-plugin.ts. */
export interface CatalogueEntry {
  readonly file: string;
  readonly id?: string;
  readonly title?: string;
  readonly subject?: string;
  readonly tasks?: number;
  readonly estimatedMinutes?: number;
  /** Where the learner's practice progress in this set is saved, so the catalogue can show it. */
  readonly storageKey?: string;
  /** A hash of the set's content: the embed trusts a fetched set that matches it; format 1 keyed progress by it. */
  readonly hash?: string;
  /** Each task's record key in the saved progress (its id and content hash), in the set's order. */
  readonly items?: readonly string[];
  /** Present when the file cannot be loaded: its problems, as the validator words them. */
  readonly problems?: readonly string[];
}

/**
 * Why a set cannot be shown: no set by that id (`name` is the id), a file that failed validation (`name`
 * is the file) or a request that failed. problem.tsx words it, in the chunk only such a page loads.
 */
export interface SetProblem {
  /** A set missing, invalid or not loaded; or the learning style the address names (unknown, not loaded, or with no task in this set). */
  readonly kind: 'missing' | 'invalid' | 'unloadable' | 'mode-unknown' | 'mode-unloadable' | 'mode-unavailable';
  readonly name: string;
  readonly problems: readonly string[];
}

export type BundledSet = { readonly ok: true; readonly set: ExerciseSet } | ({ readonly ok: false } & SetProblem);

async function json<T>(url: string): Promise<T> {
  // A plain GET, so it is served from the preload that index.html starts before the app's code arrives.
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export function fetchCatalogue(): Promise<CatalogueEntry[]> {
  return json<CatalogueEntry[]>('exercises/index.json');
}

/** A bundled set by id, or why it cannot be shown. Never rejects. */
export async function fetchBundledSet(id: string): Promise<BundledSet> {
  const file = `${id}.json`;
  // Both requests at once: the verdict and the set arrive in one round trip.
  const set = json<ExerciseSet>(`exercises/${encodeURIComponent(file)}`);
  set.catch(() => undefined);
  try {
    const entry = (await fetchCatalogue()).find((e) => e.file === file);
    if (!entry) return { ok: false, kind: 'missing', name: id, problems: [] };
    if (entry.problems) return { ok: false, kind: 'invalid', name: entry.file, problems: entry.problems };
    return { ok: true, set: await set };
  } catch (error) {
    return { ok: false, kind: 'unloadable', name: id, problems: [error instanceof Error ? error.message : String(error)] };
  }
}
