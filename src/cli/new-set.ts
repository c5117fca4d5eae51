/**
 * `npm run new -- <id>`: writes exercises/<id>.json, a small valid set to start from, named after its
 * id with a title made from it. It never overwrites a file. `--dir <folder>` writes elsewhere (tests).
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const USAGE = `Usage: npm run new -- <id> [--dir <folder>]

Writes exercises/<id>.json, a one-task set that passes the validator, to edit into your own.
The id is a slug: lowercase letters, digits and single hyphens, like "python-loops".`;

/** "python-list-slicing" -> "Python list slicing". */
export function titleFor(id: string): string {
  const words = id.split('-').join(' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** The starting set's text for an id, or why the id cannot be one. */
export function newSetText(id: string): { ok: true; text: string } | { ok: false; message: string } {
  if (!SLUG.test(id)) return { ok: false, message: `"${id}" is not a set id: use lowercase letters, digits and single hyphens, like "python-loops"` };
  const set = {
    $schema: './schema.json',
    formatVersion: 1,
    id,
    title: titleFor(id),
    subject: 'Programming',
    estimatedMinutes: 5,
    tasks: [
      {
        id: 'add-two-numbers',
        difficulty: 'easy',
        prompt: 'Complete the function so that it returns the sum of its two arguments.',
        language: 'python',
        code: ['def add(a, b):', '    return a [[1]] b'],
        options: ['+', '-', '*'],
        answers: { '1': '+' },
        hints: ['Which operator adds two numbers?'],
        mistakes: [{ text: 'That subtracts b from a.', when: { '1': '-' } }],
        explanation: '+ adds its operands, so add(2, 3) returns 5.',
      },
    ],
  };
  return { ok: true, text: `${JSON.stringify(set, null, 2)}\n` };
}

/** Writes the starting set into `dir`; refuses an existing file. Returns the path written, or why not. */
export function writeNewSet(dir: string, id: string): { ok: true; path: string } | { ok: false; message: string } {
  const made = newSetText(id);
  if (!made.ok) return made;
  const path = join(dir, `${id}.json`);
  try {
    // "wx": create only, so an existing set is never overwritten, even by a race.
    writeFileSync(path, made.text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, message: `${path} already exists: choose another id, or edit that file` };
    return { ok: false, message: `Cannot write ${path} (${code ?? String(error)})` };
  }
  return { ok: true, path };
}

function main(args: readonly string[]): number {
  const dirAt = args.indexOf('--dir');
  const rest = dirAt < 0 ? args : args.filter((_, i) => i !== dirAt && i !== dirAt + 1);
  if (rest.length !== 1 || rest[0] === '--help' || rest[0] === '-h' || (dirAt >= 0 && args[dirAt + 1] === undefined)) {
    console.log(USAGE);
    return rest[0] === '--help' || rest[0] === '-h' ? 0 : 1;
  }
  const here = process.env.INIT_CWD ?? process.cwd();
  const dir = dirAt >= 0 ? resolve(here, args[dirAt + 1] as string) : fileURLToPath(new URL('../../exercises/', import.meta.url));
  const result = writeNewSet(dir, rest[0] as string);
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  const shown = relative(here, result.path);
  console.log(`wrote ${shown.startsWith('..') ? result.path : shown}: edit it, then run npm run validate`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
