/**
 * One front door for every import: the file's bytes decide the reader (a zip is an H5P package, JSON
 * is an H5P content.json, XML is Moodle XML), never its name alone. Pure: bytes in, a result out; the
 * CLI (and later the studio) does the reading and writing.
 */
import { LIMITS, refuse, type ImportResult } from './build.ts';
import { importH5p, isZip } from './h5p.ts';
import { importMoodleXml } from './moodle.ts';

/** Imports one file. `h5pMeta` is the text of an `h5p.json` that sits beside a `content.json`. */
export function importFile(fileName: string, bytes: Uint8Array, h5pMeta?: string): ImportResult {
  if (bytes.length > LIMITS.maxBytes) {
    return refuse('too-large', `The file is ${(bytes.length / 1048576).toFixed(1)} MB, more than the ${LIMITS.maxBytes / 1048576} MB one import may read: refused`);
  }
  if (bytes.length === 0) return refuse('empty', 'The file is empty');
  if (isZip(bytes)) return importH5p(bytes, fileName, h5pMeta);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not-text', 'The file is neither a zip (.h5p) nor UTF-8 text (content.json or Moodle XML)');
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return importMoodleXml(text, fileName);
  if (start.startsWith('{')) return importH5p(bytes, fileName, h5pMeta);
  return refuse('unknown-format', 'Not a format this importer reads: expected an H5P file (.h5p or content.json) or Moodle XML');
}
