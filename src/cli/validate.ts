/**
 * The authors' validator: `npm run validate -- [files or folders]` (default: exercises/).
 *
 * Prints one `path:line:column: message` line per problem and a summary, and exits 1 when any file has
 * an error. This file only finds, reads and prints; the checks are pure functions in check-file.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from './check-file.ts';
import { exitCodeFor, formatNote, formatProblem, formatSummary } from './report.ts';
import { validateFiles } from './solutions-node.ts';

const USAGE = `Usage: npm run validate -- [files or folders]

Checks exercise files (*.json; folders are searched, schema.json is skipped) against the exercise
format and its rules, and parses each task's solution (every blank filled with its first answer) with
a parser for its language where there is one. Without arguments it checks exercises/. Exits 1 when any
file has an error.`;

// scripts/validate.mjs runs this file from a bundle elsewhere, and says where the exercises are.
const DEFAULT_FOLDER = process.env.CODEBLANKS_DEFAULT_EXERCISES ?? fileURLToPath(new URL('../../exercises/', import.meta.url));

/** Every exercise file under the targets, sorted so the output is stable. Missing targets come back apart. */
function findFiles(targets: readonly string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.json') && entry.name !== 'schema.json') files.add(child);
    }
  };
  for (const target of targets) {
    const stat = statSync(target, { throwIfNoEntry: false });
    if (!stat) missing.push(target);
    else if (stat.isDirectory()) walk(target);
    else if (basename(target) !== 'schema.json') files.add(target);
  }
  return { files: [...files].sort(), missing };
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  // npm runs scripts from the package root; INIT_CWD is where the author typed the command.
  const here = process.env.INIT_CWD ?? process.cwd();
  const targets = args.length > 0 ? args.map((arg) => resolve(here, arg)) : [DEFAULT_FOLDER];
  const show = (path: string): string => {
    const rel = relative(here, path);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
  };

  const { files, missing } = findFiles(targets);
  const lines: string[] = [];
  const all: Problem[] = [];
  for (const path of missing) {
    const problem: Problem = { severity: 'error', code: 'not-found', message: 'No such file or folder', line: 1, column: 1 };
    all.push(problem);
    lines.push(formatProblem(show(path), problem));
  }
  if (files.length === 0 && missing.length === 0) {
    const problem: Problem = { severity: 'error', code: 'no-files', message: 'No exercise files (*.json) found here', line: 1, column: 1 };
    all.push(problem);
    lines.push(formatProblem(targets.map(show).join(', '), problem));
  }

  const sources = [];
  for (const path of files) {
    try {
      sources.push({ path: show(path), fileName: basename(path), text: readFileSync(path, 'utf8') });
    } catch (error) {
      const problem: Problem = { severity: 'error', code: 'unreadable', message: `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, line: 1, column: 1 };
      all.push(problem);
      lines.push(formatProblem(show(path), problem));
    }
  }
  const { results, unparsed } = await validateFiles(sources);
  for (const { path, problems } of results) {
    all.push(...problems);
    for (const problem of problems) lines.push(formatProblem(path, problem));
  }
  for (const [language, tasks] of unparsed) lines.push(formatNote(language, tasks));
  lines.push(formatSummary(files.length, all));
  process.stdout.write(`${lines.join('\n')}\n`);
  return exitCodeFor(all);
}

process.exitCode = await main(process.argv.slice(2));
