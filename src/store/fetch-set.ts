/**
 * The validator as the embed loads it, in a chunk of its own (src/embed/load-set.ts fetches, this
 * checks): an invalid set comes back as a value with readable messages. Never throws.
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
