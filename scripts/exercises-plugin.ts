/**
 * Serves the authored sets to the site: every `exercises/*.json` at `/exercises/<file>`, plus
 * `/exercises/index.json`, the catalogue (title, subject, task count, minutes, or the problems that keep
 * a file from loading). In dev they are read on each request, and a saved, added or removed file is
 * announced to the open pages (EXERCISES_EVENT, see src/app/live-reload.ts) and its problems printed in
 * the terminal, so an author sees an edit within a second without reloading; a build copies them into
 * dist/. The embed fetches the same URLs.
 *
 * This is where the site's sets are validated: a valid set is served as the schema parsed it, and the
 * learner's page trusts that verdict (src/app/bundled-sets.ts). In dev an invalid file is served as
 * written and the catalogue lists its problems, so the author sees them in the page; a build with an
 * invalid file fails with the validator's lines, so no learner ever sees a developer's error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger, Plugin, ViteDevServer } from 'vite';
import { loadExerciseSet } from '../src/engine/load-set.ts';
import { hashOf, itemKeys, storageKeyFor } from '../src/store/persistence.ts';
import type { CatalogueEntry } from '../src/app/bundled-sets.ts';
import { checkFiles } from '../src/cli/check-file.ts';
import { formatProblem } from '../src/cli/report.ts';
import { validateFiles } from '../src/cli/solutions-node.ts';

/**
 * The catalogue, checked as `npm run validate` checks (all but the parse of solutions, which the build
 * does in folderProblems): a file with errors is listed with them, each as
 * `exercises/<file>:line:column: message`, and the dev site shows them in place of the set.
 */
export function buildCatalogue(dir: string): CatalogueEntry[] {
  const { sources, checks } = checkFolder(dir);
  return sources.map(({ path: file, text }, i) => {
    const errors = (checks[i]?.problems ?? []).filter((p) => p.severity === 'error');
    if (errors.length > 0) return { file, problems: errors.slice(0, 8).map((p) => formatProblem(`exercises/${file}`, p)) };
    const result = loadExerciseSet(JSON.parse(text));
    if (!result.ok) return { file, problems: result.issues.map((issue) => issue.message) };
    const { set } = result;
    return {
      file,
      id: set.id,
      title: set.title,
      subject: set.subject,
      tasks: set.tasks.length,
      ...(set.estimatedMinutes ? { estimatedMinutes: set.estimatedMinutes } : {}),
      storageKey: storageKeyFor(set),
      hash: hashOf(set),
      items: itemKeys(set),
    };
  });
}

/** An exercise set's file name (not the schema, nor the catalogue a build writes beside them). */
const isSetFile = (file: string): boolean => file.endsWith('.json') && file !== 'schema.json' && file !== 'index.json';

/** Every set file in the folder, read and checked together (set ids must be unique across files). */
function checkFolder(dir: string) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isSetFile).sort() : [];
  const sources = files.map((file) => ({ path: file, fileName: file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
  return { sources, checks: checkFiles(sources) };
}

/**
 * The problems in a folder's exercise files, exactly as `npm run validate` prints them
 * (`exercises/<file>:line:column: message`), solutions that do not parse included.
 */
export async function folderProblems(dir: string): Promise<{ readonly errors: string[]; readonly warnings: string[] }> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isSetFile).sort() : [];
  const { results } = await validateFiles(files.map((file) => ({ path: `exercises/${file}`, fileName: file, text: fs.readFileSync(path.join(dir, file), 'utf8') })));
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { path: shown, problems } of results) {
    for (const problem of problems) (problem.severity === 'error' ? errors : warnings).push(formatProblem(shown, problem));
  }
  return { errors, warnings };
}

/** A valid set as the schema parsed it (what the catalogue's `hash` and `items` hash); anything else as written. */
function servedForm(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (path.basename(file) === 'schema.json') return text;
  try {
    const result = loadExerciseSet(JSON.parse(text));
    return result.ok ? JSON.stringify(result.set) : text;
  } catch {
    return text;
  }
}

/**
 * The custom HMR event sent when an exercise file is saved, added or removed; its data is `{ file }`.
 * src/app/live-reload.ts listens for it under the same name (not imported from there: a module the
 * config imports is one Vite restarts the server for, and that one is the site's).
 */
export const EXERCISES_EVENT = 'codeblanks:exercises';

/**
 * What the terminal says about a saved (or added, or removed) file: one message, at the level of its
 * worst problem, with every problem as `exercises/<file>:line:column: message` (the validator's lines,
 * warnings included, where the page lists the errors alone).
 */
export function saveReport(dir: string, file: string): { level: 'info' | 'warn' | 'error'; message: string } {
  const shown = `exercises/${file}`;
  if (!fs.existsSync(path.join(dir, file))) return { level: 'info', message: `${shown} removed` };
  const { sources, checks } = checkFolder(dir);
  const problems = checks[sources.findIndex((s) => s.path === file)]?.problems ?? [];
  if (problems.length === 0) return { level: 'info', message: `${shown} updated` };
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    level: errors > 0 ? 'error' : 'warn',
    message: [`${shown} has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:`, ...problems.map((p) => formatProblem(shown, p))].join('\n'),
  };
}

/**
 * Under `npm start`: watches the folder (it may lie outside Vite's root) and, once per save, tells the
 * terminal what is wrong with the file and the open pages which file changed. An editor's save can be
 * several events (a rename and a write, say): the last within SETTLE_MS of the first counts.
 */
export function watchExercises(server: Pick<ViteDevServer, 'watcher' | 'ws'>, folder: string, logger: Logger): void {
  const dir = path.resolve(folder);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  server.watcher.add(dir);
  server.watcher.on('all', (event, changed) => {
    if (event !== 'add' && event !== 'change' && event !== 'unlink') return;
    const file = path.basename(changed);
    if (path.resolve(path.dirname(changed)) !== dir || !isSetFile(file)) return;
    clearTimeout(pending.get(file));
    pending.set(
      file,
      setTimeout(() => {
        pending.delete(file);
        const { level, message } = saveReport(dir, file);
        logger[level](message, { timestamp: true });
        server.ws.send({ type: 'custom', event: EXERCISES_EVENT, data: { file } });
      }, SETTLE_MS),
    );
  });
}

const SETTLE_MS = 30;

/** `dir`: exercises/ unless vite.config.ts passes another (it reads CODEBLANKS_EXERCISES_DIR, the browser tests' copy). */
export function exercisesPlugin(dir = path.resolve('exercises')): Plugin {
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'codeblanks-exercises',
    configResolved(config) {
      command = config.command;
    },
    // Before any bundling, so a broken set fails the build in a second, with every line an author must fix.
    async buildStart() {
      if (command !== 'build') return;
      const { errors, warnings } = await folderProblems(dir);
      for (const warning of warnings) this.warn(warning);
      if (errors.length > 0) {
        this.error(`The exercise files have errors, and a build ships only valid sets (\`npm run validate\` prints the same):\n${errors.join('\n')}`);
      }
    },
    configureServer(server) {
      // The server's logger, so the lines sit with Vite's own and follow its log level.
      watchExercises(server, dir, server.config.logger);
      server.middlewares.use('/exercises/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        if (name === 'index.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(buildCatalogue(dir)));
          return;
        }
        const file = path.join(dir, path.basename(name));
        if (!name.endsWith('.json') || !fs.existsSync(file)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(servedForm(file));
      });
    },
    generateBundle() {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        this.emitFile({ type: 'asset', fileName: `exercises/${file}`, source: servedForm(path.join(dir, file)) });
      }
      this.emitFile({ type: 'asset', fileName: 'exercises/index.json', source: JSON.stringify(buildCatalogue(dir)) });
    },
  };
}
