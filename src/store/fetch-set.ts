/**
 * Fetching an exercise set by URL, for the site and the embed: every way it can fail (network, HTTP
 * status, not JSON, not a valid set) comes back as a value with a readable message. Never throws.
 */
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet, FormatIssue } from '../schema/exercise-schema.ts';

export type FetchSetResult =
  | { readonly ok: true; readonly set: ExerciseSet }
  | { readonly ok: false; readonly source: string; readonly message: string; readonly issues: readonly string[] };

/** "tasks[0].answers.1" from a JSON path: the same address the validator reports, minus line numbers. */
export function formatPath(path: FormatIssue['path']): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

/** Validates already-parsed JSON (an inline exercise) with the same messages as a fetched one. */
export function checkSetJson(json: unknown, source: string): FetchSetResult {
  const result = loadExerciseSet(json);
  if (result.ok) return { ok: true, set: result.set };
  const issues = result.issues.filter((i) => i.severity === 'error').map((i) => `${formatPath(i.path) || '(top level)'}: ${i.message}`);
  return { ok: false, source, message: `${source} is not a valid exercise set`, issues };
}

export async function fetchExerciseSet(url: string, fetcher: typeof fetch = fetch): Promise<FetchSetResult> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: { Accept: 'application/json' } });
  } catch {
    return { ok: false, source: url, message: `${url} could not be fetched (network error)`, issues: [] };
  }
  if (!response.ok) {
    return { ok: false, source: url, message: `${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, issues: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch (error) {
    return { ok: false, source: url, message: `${url} is not JSON (${error instanceof Error ? error.message : 'parse error'})`, issues: [] };
  }
  return checkSetJson(json, url);
}
