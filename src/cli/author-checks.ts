/**
 * Checks that only the validator makes: they warn an author about what would look wrong to a learner,
 * but a set that fails them still loads, so the app (and the embed's bundle) never carries them.
 * They read the raw JSON, part by part, so they run even when another part of the file is malformed.
 */
import { KNOWN_LANGUAGES, type FormatIssue } from '../schema/exercise-schema.ts';

/** Warnings about each task's parts that have the right type. */
export function authorIssues(json: unknown): FormatIssue[] {
  const tasks = isRecord(json) && Array.isArray(json.tasks) ? (json.tasks as unknown[]) : [];
  return tasks.flatMap((task, index) => (isRecord(task) ? taskIssues(task, ['tasks', index]) : []));
}

function taskIssues(task: Record<string, unknown>, at: readonly (string | number)[]): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const { language } = task;
  if (typeof language === 'string' && language.trim() !== '' && !(KNOWN_LANGUAGES as readonly string[]).includes(language.trim().toLowerCase())) {
    issues.push({
      severity: 'warning',
      code: 'unknown-language',
      message: `Unknown language "${language}": the code will show without highlighting (known: ${KNOWN_LANGUAGES.join(', ')})`,
      path: [...at, 'language'],
    });
  }
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
