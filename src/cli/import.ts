/**
 * `npm run import -- <file>... [--out exercises/] [--force]`: H5P and Moodle XML files become exercise
 * sets, one `<set-id>.json` per input file, with a report of what each source question lost.
 *
 * All or nothing: every file is read and converted, and every output checked by the validator, before
 * anything is written; any refusal (malformed, oversized, hostile input, an output that exists
 * already without --force, two outputs with one name) writes nothing. Output names come from set ids
 * (slugs), never from paths inside a zip. The converting is done by the pure functions in src/import/.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles } from './check-file.ts';
import { formatProblem } from './report.ts';
import { importFile } from '../import/import-file.ts';
import { LIMITS, type QuestionReport } from '../import/build.ts';

const USAGE = `Usage: npm run import -- <file>... [--out <folder>] [--force]

Imports exercises from other tools into exercise sets, one <set-id>.json per file:
  H5P "Drag the Words" and "Fill in the Blanks": a .h5p file or its content.json
      (also inside Interactive Book, Column, Course Presentation, Question Set, Game Map)
  Moodle XML: ddwtos (drag and drop into text), gapselect (select missing words), gapfill
Prints, per source question, what could not be carried over. Writes nothing when any file is refused.
  --out <folder>  where to write (default: exercises/)
  --force         overwrite sets that exist already`;

/** What one run did, for the caller (and the tests) to read without parsing the output. */
export interface ImportRun {
  readonly exitCode: 0 | 1;
  readonly output: string;
  readonly written: readonly string[];
}

const DEFAULT_FOLDER = fileURLToPath(new URL('../../exercises/', import.meta.url));

interface Args {
  files: string[];
  out: string;
  force: boolean;
  help: boolean;
  error?: string;
}

function parseArgs(args: readonly string[]): Args {
  const parsed: Args = { files: [], out: DEFAULT_FOLDER, force: false, help: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--force') parsed.force = true;
    else if (arg === '--out') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) parsed.error = '--out needs a folder';
      else parsed.out = value;
      i += 1;
    } else if (arg.startsWith('--out=')) parsed.out = arg.slice(6);
    else if (arg.startsWith('--')) parsed.error = `Unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  return parsed;
}

/** The `h5p.json` that describes a `content.json`: beside it as `<name>.h5p.json`, or one folder up in an unpacked package. */
function h5pMetaFor(path: string): string | undefined {
  const candidates = [path.replace(/\.content\.json$/i, '.h5p.json'), join(dirname(path), '..', 'h5p.json')];
  for (const candidate of candidates) {
    if (candidate === path || !/content\.json$/i.test(path)) continue;
    try {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return readFileSync(candidate, 'utf8');
    } catch {
      // An unreadable description only costs the title: the content decides.
    }
  }
  return undefined;
}

function formatReport(path: string, report: readonly QuestionReport[]): string[] {
  const lines: string[] = [];
  for (const entry of report) {
    const to = entry.taskId ? ` -> task "${entry.taskId}"` : ' -> not imported';
    lines.push(`${path}: ${entry.question}${to}`);
    for (const note of entry.notes) lines.push(`    - ${note}`);
  }
  return lines;
}

/** Runs the import; `cwd` is where relative paths start. Never throws for bad input. */
export function runImport(args: readonly string[], cwd: string): ImportRun {
  const parsed = parseArgs(args);
  if (parsed.help) return { exitCode: 0, output: USAGE, written: [] };
  if (parsed.error) return { exitCode: 1, output: `${parsed.error}\n\n${USAGE}`, written: [] };
  if (parsed.files.length === 0) return { exitCode: 1, output: `No files to import.\n\n${USAGE}`, written: [] };
  const show = (path: string): string => {
    const rel = relative(cwd, path);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
  };
  const outDir = resolve(cwd, parsed.out);

  const lines: string[] = [];
  const errors: string[] = [];
  const outputs: { path: string; text: string; source: string }[] = [];
  for (const file of parsed.files) {
    const path = resolve(cwd, file);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      errors.push(`${show(path)}: error: no such file`);
      continue;
    }
    if (stat.size > LIMITS.maxBytes) {
      errors.push(`${show(path)}: error: the file is ${(stat.size / 1048576).toFixed(1)} MB, more than the ${LIMITS.maxBytes / 1048576} MB one import may read: refused`);
      continue;
    }
    const result = importFile(basename(path), readFileSync(path), h5pMetaFor(path));
    lines.push(...formatReport(show(path), result.report ?? []));
    if (!result.ok) {
      errors.push(`${show(path)}: error: ${result.message}`);
      continue;
    }
    for (const set of result.sets) {
      outputs.push({ path: join(outDir, `${set.id}.json`), text: `${JSON.stringify(set, null, 2)}\n`, source: show(path) });
    }
  }

  // Every output must be one the validator passes, and each name must be free.
  const seen = new Map<string, string>();
  for (const output of outputs) {
    const other = seen.get(output.path);
    if (other !== undefined) errors.push(`${output.source}: error: ${show(output.path)} would also be written from ${other}: import them apart, or rename one file`);
    seen.set(output.path, output.source);
    if (!parsed.force && existsSync(output.path)) errors.push(`${output.source}: error: ${show(output.path)} exists already: use --force to overwrite it`);
  }
  const checked = checkFiles(outputs.map((o) => ({ path: show(o.path), fileName: basename(o.path), text: o.text })));
  for (const { path, problems } of checked) {
    for (const problem of problems) if (problem.severity === 'error') errors.push(formatProblem(path, problem));
  }

  if (errors.length > 0) {
    lines.push(...errors, `Nothing written: ${errors.length === 1 ? 'fix the error above' : `fix the ${errors.length} errors above`} and import again.`);
    return { exitCode: 1, output: lines.join('\n'), written: [] };
  }
  mkdirSync(outDir, { recursive: true });
  for (const output of outputs) {
    writeFileSync(output.path, output.text, { flag: parsed.force ? 'w' : 'wx' });
    lines.push(`wrote ${show(output.path)}`);
  }
  const tasks = outputs.reduce((sum, o) => sum + (JSON.parse(o.text) as { tasks: unknown[] }).tasks.length, 0);
  lines.push(`${outputs.length} set${outputs.length === 1 ? '' : 's'} written, ${tasks} task${tasks === 1 ? '' : 's'}: check them with npm run validate`);
  return { exitCode: 0, output: lines.join('\n'), written: outputs.map((o) => o.path) };
}

// Run only as the script itself, so tests can import runImport.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const run = runImport(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  process.stdout.write(`${run.output}\n`);
  process.exitCode = run.exitCode;
}
