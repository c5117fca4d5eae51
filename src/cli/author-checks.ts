/**
 * Checks that only the validator makes: they warn an author about what would look wrong to a learner,
 * but a set that fails them still loads, so the app (and the embed's bundle) never carries them.
 * They read the raw JSON, part by part, so they run even when another part of the file is malformed.
 */
import type { FormatIssue } from '../schema/exercise-schema.ts';
import { nearestLanguage, resolveLanguage } from '../schema/languages.ts';

/**
 * The longest option a phone shows on one line: its layout (390 px) fits about 40 monospace characters.
 * A longer option wraps or is cut short there, which is legal but worth a second look.
 */
export const MAX_OPTION_LENGTH = 40;

/** Warnings about each task's parts that have the right type. */
export function authorIssues(json: unknown): FormatIssue[] {
  const tasks = isRecord(json) && Array.isArray(json.tasks) ? (json.tasks as unknown[]) : [];
  return tasks.flatMap((task, index) => (isRecord(task) ? taskIssues(task, ['tasks', index]) : []));
}

function taskIssues(task: Record<string, unknown>, at: readonly (string | number)[]): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const { language } = task;
  if (typeof language === 'string' && language.trim() !== '' && resolveLanguage(language) === undefined) {
    const near = nearestLanguage(language);
    issues.push({
      severity: 'warning',
      code: 'unknown-language',
      message: `Unknown language "${language}": the code will show without highlighting (${near ? `did you mean "${near}"?` : 'any Prism grammar is known, by its name or a usual one like "python", "js", "c#" or "golang"; "plaintext" for none'})`,
      path: [...at, 'language'],
    });
  }
  if (Array.isArray(task.options)) {
    task.options.forEach((option: unknown, i) => {
      // Characters as people count them (an emoji is one), after the trimming the schema does.
      const length = typeof option === 'string' ? [...option.trim()].length : 0;
      if (length > MAX_OPTION_LENGTH) {
        issues.push({
          severity: 'warning',
          code: 'long-option',
          message: `Option is ${length} characters long: a phone shows about ${MAX_OPTION_LENGTH} in a line, so it will wrap or be cut short there`,
          path: [...at, 'options', i],
        });
      }
    });
  }
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
