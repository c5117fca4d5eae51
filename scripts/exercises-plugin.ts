/**
 * Serves the authored sets to the site: every `exercises/*.json` at `/exercises/<file>`, plus
 * `/exercises/index.json`, the catalogue (title, subject, task count, minutes, or the problems that keep
 * a file from loading). In dev they are read on each request, so an author sees an edit on reload; a
 * build copies them into dist/. The embed fetches the same URLs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { loadExerciseSet } from '../src/engine/load-set.ts';
import { storageKeyFor } from '../src/store/persistence.ts';

export interface CatalogueEntry {
  readonly file: string;
  readonly id?: string;
  readonly title?: string;
  readonly subject?: string;
  readonly tasks?: number;
  readonly estimatedMinutes?: number;
  /** Where the learner's progress in this set is saved, so the catalogue can show it. */
  readonly storageKey?: string;
  /** Present when the file cannot be loaded: the first problems, as the validator words them. */
  readonly problems?: readonly string[];
}

export function buildCatalogue(dir: string): CatalogueEntry[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'index.json').sort() : [];
  return files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      return { file, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
    }
    const result = loadExerciseSet(json);
    if (!result.ok) {
      return { file, problems: result.issues.filter((i) => i.severity === 'error').slice(0, 5).map((i) => i.message) };
    }
    const { set } = result;
    return { file, id: set.id, title: set.title, subject: set.subject, tasks: set.tasks.length, storageKey: storageKeyFor(set), ...(set.estimatedMinutes ? { estimatedMinutes: set.estimatedMinutes } : {}) };
  });
}

export function exercisesPlugin(dir = path.resolve('exercises')): Plugin {
  return {
    name: 'codeblanks-exercises',
    configureServer(server) {
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
        res.end(fs.readFileSync(file));
      });
    },
    generateBundle() {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        this.emitFile({ type: 'asset', fileName: `exercises/${file}`, source: fs.readFileSync(path.join(dir, file)) });
      }
      this.emitFile({ type: 'asset', fileName: 'exercises/index.json', source: JSON.stringify(buildCatalogue(dir)) });
    },
  };
}
