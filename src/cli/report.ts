/**
 * The validator's output, as pure functions: one line per problem in the `path:line:column: message`
 * form that terminals, editors and CI annotate, and a closing line that sums up.
 */
import type { Problem } from './check-file.ts';

/** A problem as one line. Errors carry no label; warnings say so. Control characters are escaped. */
export function formatProblem(path: string, problem: Problem): string {
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  return `${path}:${problem.line}:${problem.column}: ${label}${oneLine(problem.message)}`;
}

/** Said once per language whose solutions were not parsed, for example `note: http has no parser here: 3 tasks' solutions are not parsed`. */
export function formatNote(language: string, tasks: number): string {
  return `note: ${oneLine(language)} has no parser here: ${tasks === 1 ? "1 task's solution is" : `${tasks} tasks' solutions are`} not parsed`;
}

/** For example `3 files checked: 2 errors, 1 warning`. */
export function formatSummary(fileCount: number, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${count(fileCount, 'file')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

/** 1 when any problem is an error (warnings alone pass), 0 otherwise. */
export function exitCodeFor(problems: readonly Problem[]): 0 | 1 {
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
}
