/**
 * Progress the learner owns: every `codeblanks:` entry of this browser in one JSON file, and that file
 * merged back into another browser. The file:
 *
 *   { "format": "codeblanks-progress", "version": 1, "exportedAt": <ms>,
 *     "entries": { "<storage key>": <the entry: its JSON, or its text when it is not JSON> } }
 *
 * (An entry that is text is written back as that text; no entry of the app's holds a bare JSON string,
 * the one case this would not bring back exactly.)
 *
 * Importing checks the whole file first (its format, its version, every entry whole for its kind:
 * src/store/progress-merge.ts) and refuses it, changing nothing, at the first fault; only then merges
 * entry by entry and writes. A write that storage refuses (full) puts back what was written before it.
 * Nothing here throws.
 */
import { read, type KeyValueStorage } from './persistence.ts';
import { isWhole, kindOf, mergeEntry, type EntryKind } from './progress-merge.ts';

export const PROGRESS_FORMAT = 'codeblanks-progress';
/** The file's version. A later build that changes the file raises it and reads this one too. */
export const PROGRESS_VERSION = 1;

const PREFIX = 'codeblanks:';
type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An entry's value as the file holds it: its JSON where it is JSON (most are), else its text. */
function valueOf(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Every `codeblanks:` entry's key; none when storage cannot be read. */
function progressKeys(storage: KeyValueStorage | null): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    // Storage that cannot be listed exports nothing.
  }
  return keys.sort();
}

/** The export: the file's text and a name for it (`codeblanks-progress-<date>.json`). */
export function exportProgress(storage: KeyValueStorage | null, now: number): { name: string; text: string; entries: number } {
  const entries: Json = {};
  for (const key of progressKeys(storage)) {
    const raw = read(storage, key);
    if (typeof raw === 'string') entries[key] = valueOf(raw);
  }
  const text = JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: now, entries }, null, 1);
  return { name: `codeblanks-progress-${new Date(now).toISOString().slice(0, 10)}.json`, text, entries: Object.keys(entries).length };
}

/** Why a file was refused, in words for the learner; nothing was changed. */
export type Refusal = { readonly ok: false; readonly message: string };

/** A file checked whole: its entries, each with its kind. */
export type ProgressFile = { readonly ok: true; readonly entries: ReadonlyArray<readonly [key: string, kind: EntryKind, value: unknown]> };

const KINDS: Readonly<Record<EntryKind, string>> = {
  snapshot: 'saved progress',
  log: 'attempt log',
  mode: 'last learning style',
  challenge: 'challenge bests',
  schedule: 'schedule',
  other: 'entry',
};

/** Reads a progress file; a damaged, foreign or newer file is a Refusal saying which. */
export function readProgressFile(text: string): ProgressFile | Refusal {
  const refuse = (message: string): Refusal => ({ ok: false, message: `${message} Nothing was changed.` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('This file is damaged: it is not complete JSON.');
  }
  if (!isObject(json) || json.format !== PROGRESS_FORMAT) return refuse('This is not a codeblanks progress file.');
  const version = json.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION)
    return refuse(`This file was made by a newer version of codeblanks (format ${version}; this page reads format ${PROGRESS_VERSION}). Reload the page to update it, then import again.`);
  if (version !== PROGRESS_VERSION) return refuse('This progress file has an unknown version.');
  if (!isObject(json.entries)) return refuse('This file is damaged: it has no entries.');
  const entries: [string, EntryKind, unknown][] = [];
  for (const [key, value] of Object.entries(json.entries)) {
    if (!key.startsWith(PREFIX)) return refuse(`This file is damaged: "${key}" is not codeblanks progress.`);
    const kind = kindOf(key, value);
    if (!isWhole(kind, value)) return refuse(`This file is damaged: its ${KINDS[kind]} "${key.slice(PREFIX.length)}" cannot be read.`);
    entries.push([key, kind, value]);
  }
  return { ok: true, entries };
}

/** What an import did: entries written (new or merged), and those of this browser it could not read and left alone. */
export type Imported = { readonly ok: true; readonly written: number; readonly unchanged: number; readonly unreadable: number };

/**
 * Merges a progress file into storage. Refused (nothing changed) when the file is damaged, foreign or
 * newer, or when storage refuses a write (what was written is put back). An entry of this browser that
 * does not read as its kind is left as it is, not overwritten.
 */
export function importProgress(storage: KeyValueStorage | null, text: string): Imported | Refusal {
  const file = readProgressFile(text);
  if (!file.ok) return file;
  const writes: [string, string, string | null][] = [];
  let unchanged = 0;
  let unreadable = 0;
  for (const [key, kind, theirs] of file.entries) {
    const raw = read(storage, key);
    if (raw === undefined) return { ok: false, message: 'Progress could not be read in this browser (storage is blocked). Nothing was changed.' };
    const mine = raw === null ? undefined : valueOf(raw);
    if (mine !== undefined && kind !== 'other' && !isWhole(kindOf(key, mine), mine)) {
      unreadable += 1;
      continue;
    }
    const merged = mergeEntry(kind, mine, theirs);
    // Text stays text (the last mode is stored bare); everything else is JSON, as the app writes it.
    const next = typeof merged === 'string' ? merged : JSON.stringify(merged);
    if (next === raw) unchanged += 1;
    else writes.push([key, next, raw]);
  }
  // Storage is written here rather than with persistence.ts's write and forget: importing those from
  // this chunk would make the set page's entry export them, bytes on every set page.
  const put = (key: string, value: string | null) => {
    try {
      if (value === null) storage?.removeItem(key);
      else storage?.setItem(key, value);
      return !!storage;
    } catch {
      return false;
    }
  };
  for (const [i, [key, value]] of writes.entries()) {
    if (!put(key, value)) {
      for (const [k, , was] of writes.slice(0, i)) put(k, was);
      return { ok: false, message: 'This browser has no room to save the imported progress. Nothing was changed.' };
    }
  }
  return { ok: true, written: writes.length, unchanged, unreadable };
}
