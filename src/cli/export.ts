/**
 * `npm run export -- <set-id> --format <scorm12|scorm2004|cmi5|moodle> [--out dir] [--mode <mode>]
 * [--attempts N] [--mastery 0.8] [--xsd]`: one file an LMS takes: a zip (SCORM 1.2, the default; SCORM 2004
 * 4th Edition; cmi5) or, for Moodle, a question bank as Moodle XML. The set is read from exercises/
 * and must pass the validator; nothing is written otherwise.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExerciseSet } from '../engine/load-set.ts';
import { exportMoodleXml } from '../export/moodle-xml.ts';
import { packageFiles, zipPackage } from '../export/package.ts';
import { MODES, PACKAGE_FORMATS, REFUSED_MODES, type PackageFormat } from '../lms/config.ts';

const FORMATS = [...PACKAGE_FORMATS, 'moodle'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: npm run export -- <set-id> [--format ${FORMATS.join('|')}] [--out <folder>] [--mode <mode>] [--attempts N] [--mastery 0.8] [--xsd]

Writes one file an LMS takes, from exercises/<set-id>.json:
  scorm12    (default) <set-id>.scorm12.zip, a SCORM 1.2 package: every LMS reads it
  scorm2004  <set-id>.scorm2004.zip, a SCORM 2004 4th Edition package
  cmi5       <set-id>.cmi5.zip, a cmi5 course of one assignable unit
  moodle     <set-id>.xml, Moodle XML: one "drag and drop into text" question per task
  --out <folder>  where to write (default: the current folder)
  --mode          how the learner works: ${MODES.join(', ')} (default: practice; not flashcards,
                  review or challenge, which schedule over days or span sets)
  --attempts N    attempts per task, 1-10 (default: the set's)
  --mastery X     the share of tasks to solve to pass, 0-1 (default: 0.8)
  --xsd           SCORM 2004: ship the schema files the manifest names (about +21 KB; SCORM 1.2 always ships its 4 KB)`;

export interface ExportRun {
  readonly exitCode: 0 | 1;
  readonly output: string;
  readonly written?: string;
}

const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));

interface Args {
  setId?: string;
  format: Format;
  out: string;
  mode: string;
  attempts?: number;
  mastery: number;
  xsd?: boolean;
}

function parseArgs(args: readonly string[]): Args | string {
  const parsed: Args = { format: 'scorm12', out: '.', mode: 'practice', mastery: 0.8 };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return args[i];
    };
    if (name === '--format') {
      const format = value();
      if (!(FORMATS as readonly string[]).includes(format ?? '')) return `Unknown format ${JSON.stringify(format ?? '')}: use ${FORMATS.join(', ')}`;
      parsed.format = format as Format;
    } else if (name === '--out') {
      const out = value();
      if (!out) return '--out needs a folder';
      parsed.out = out;
    } else if (name === '--mode') {
      const mode = value() ?? '';
      const refused = REFUSED_MODES[mode];
      if (refused) return `A package cannot run the ${mode} mode: ${refused}. Its modes are ${MODES.join(', ')}`;
      if (!(MODES as readonly string[]).includes(mode)) return `Unknown mode ${JSON.stringify(mode)}: the modes are ${MODES.join(', ')}`;
      parsed.mode = mode;
    } else if (name === '--attempts') {
      const attempts = Number(value());
      if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) return '--attempts must be a whole number from 1 to 10';
      parsed.attempts = attempts;
    } else if (name === '--mastery') {
      const mastery = Number(value());
      if (!(mastery >= 0 && mastery <= 1)) return '--mastery must be a number from 0 to 1 (0.8: four tasks in five)';
      parsed.mastery = mastery;
    } else if (name === '--xsd') {
      parsed.xsd = true;
    } else if (name.startsWith('--')) return `Unknown option ${name}`;
    else if (parsed.setId) return `One set at a time: ${parsed.setId} and ${name}`;
    else parsed.setId = name;
  }
  return parsed;
}

/** Runs the export; `cwd` is where a relative --out starts. Never throws for bad input. */
export async function runExport(args: readonly string[], cwd: string, exercises = EXERCISES): Promise<ExportRun> {
  if (args.includes('--help') || args.includes('-h')) return { exitCode: 0, output: USAGE };
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { exitCode: 1, output: `${parsed}\n\n${USAGE}` };
  if (!parsed.setId) return { exitCode: 1, output: `Which set? Name one from exercises/.\n\n${USAGE}` };
  const file = join(exercises, `${parsed.setId}.json`);
  if (!/^[a-z0-9-]+$/.test(parsed.setId) || !existsSync(file)) return { exitCode: 1, output: `No set "${parsed.setId}" in ${exercises}` };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { exitCode: 1, output: `${file} is not JSON (${(error as Error).message}): run npm run validate` };
  }
  const loaded = loadExerciseSet(json);
  if (!loaded.ok) return { exitCode: 1, output: `${file} is not a valid set (${loaded.issues[0]?.message ?? 'invalid'}): run npm run validate` };
  const set = loaded.set;
  const outDir = resolve(cwd, parsed.out);
  const show = (path: string) => {
    const rel = relative(cwd, path);
    return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
  mkdirSync(outDir, { recursive: true });
  if (parsed.format === 'moodle') {
    const { xml, notes } = exportMoodleXml(set);
    const path = join(outDir, `${set.id}.xml`);
    writeFileSync(path, xml);
    const lines = notes.flatMap((n) => n.notes.map((note) => `${n.taskId}: ${note}`));
    return { exitCode: 0, output: [...lines, `wrote ${show(path)} (${set.tasks.length} ddwtos questions)`].join('\n'), written: path };
  }
  const format: PackageFormat = parsed.format;
  const files = await packageFiles(set, { format, mode: parsed.mode, ...(parsed.attempts ? { attempts: parsed.attempts } : {}), mastery: parsed.mastery, ...(parsed.xsd ? { xsd: true } : {}) });
  const zip = zipPackage(files);
  const path = join(outDir, `${set.id}.${format}.zip`);
  writeFileSync(path, zip);
  return { exitCode: 0, output: `wrote ${show(path)}: ${Object.keys(files).length} files, ${(zip.length / 1024).toFixed(1)} KB (${Object.keys(files).join(', ')})`, written: path };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runExport(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd()).then(
    (run) => {
      process.stdout.write(`${run.output}\n`);
      process.exitCode = run.exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`export failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
