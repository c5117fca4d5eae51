/**
 * Reading the attempt logs (written by the store, persistence.ts's appendLog). Only the pages that look
 * back over them load this (flashcards, review, the picker's list, Today): in persistence.ts, which
 * every learner's page carries, it cost 0.1 KB gzip there for nothing.
 */
import { read, type KeyValueStorage, type LogEntry } from './persistence.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The log under `key`, item -> its lines in order; lines that are not objects with a time are left out. */
export function readLog(storage: KeyValueStorage | null, key: string): Record<string, LogEntry[]> {
  try {
    const log: unknown = JSON.parse(read(storage, key) ?? '{}');
    if (!isObject(log)) return {};
    return Object.fromEntries(
      Object.entries(log).map(([item, lines]) => [item, Array.isArray(lines) ? lines.filter((l): l is LogEntry => isObject(l) && typeof l.t === 'number') : []]),
    );
  } catch {
    return {};
  }
}

const LOG = /^codeblanks:v2:.+:log$/;

/**
 * The attempt logs of every storage key (every set, the site's and any embed's), item -> lines in time
 * order. An item logged under two keys has its lines joined. Never throws.
 */
export function readAllLogs(storage: KeyValueStorage | null): Record<string, LogEntry[]> {
  const out: Record<string, LogEntry[]> = {};
  let keys: string[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) keys.push(storage.key(i) ?? '');
  } catch {
    // Storage that cannot be listed shows nothing logged.
    keys = [];
  }
  for (const key of keys.filter((k) => LOG.test(k))) {
    for (const [item, lines] of Object.entries(readLog(storage, key))) {
      const was = out[item];
      out[item] = was ? [...was, ...lines].sort((a, b) => a.t - b.t) : lines;
    }
  }
  return out;
}
