/**
 * The catalogue's reading of saved progress. A module of its own so its code loads with the catalogue,
 * not with every set page.
 */
import { parseEntry, read, type KeyValueStorage } from './persistence.ts';

/**
 * How far a learner got (for the catalogue): solved and failed among the records named (every record
 * when none are), or null when none is started. `version` 1 reads a format 1 entry.
 */
export function summariseSaved(
  storage: KeyValueStorage | null,
  key: string,
  items?: readonly string[],
  version?: number,
): { solved: number; failed: number } | null {
  const raw = read(storage, key);
  const tasks = raw ? parseEntry(raw, version)?.tasks : undefined;
  const started = tasks ? (items ?? Object.keys(tasks)).map((item) => tasks[item]?.status).filter(Boolean) : [];
  return started.length ? { solved: started.filter((s) => s === 'solved').length, failed: started.filter((s) => s === 'failed').length } : null;
}
