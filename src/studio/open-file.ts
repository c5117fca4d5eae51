/**
 * A file from the author's computer (dropped on the studio or chosen in its picker): one of our sets
 * opens as it is written; an H5P package (.h5p), its content.json or Moodle XML goes through the
 * importers (src/import, the same code `npm run import` runs), whose chunk, with its zip and XML readers,
 * is fetched only then.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { QuestionReport } from '../import/build.ts';

export type OpenedFile =
  | { readonly kind: 'set'; readonly text: string }
  | { readonly kind: 'imported'; readonly sets: readonly ExerciseSet[]; readonly report: readonly QuestionReport[] }
  | { readonly kind: 'refused'; readonly message: string };

// As src/import/build.ts's LIMITS.maxBytes: checked before the file is read at all.
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * Whether text is one of our sets rather than something to import: JSON with our keys, or a `.json` that
 * does not parse (the author opened a broken set to fix it; the editor shows where). An H5P content.json
 * has neither `formatVersion` nor `tasks`.
 */
export function isOwnSet(fileName: string, text: string): boolean {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null && ('formatVersion' in value || 'tasks' in value);
  } catch {
    return /\.json$/i.test(fileName) && !/(^|[\\/])content\.json$/i.test(fileName) && !text.trimStart().startsWith('<');
  }
}

/** Reads a file and says what it is: a set to open, sets imported (with the report), or a refusal. Never throws. */
export async function openFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_BYTES) return { kind: 'refused', message: `The file is ${(file.size / 1048576).toFixed(1)} MB, more than the ${MAX_BYTES / 1048576} MB one import may read: refused` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { kind: 'refused', message: `${file.name} could not be read` };
  }
  // A zip is never one of our sets; text is, when it says so.
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const text = zip ? '' : new TextDecoder().decode(bytes);
  if (!zip && isOwnSet(file.name, text)) return { kind: 'set', text: text.replace(/^\uFEFF/, '') };
  try {
    const { importFile } = await import('../import/import-file.ts');
    const result = importFile(file.name, bytes);
    return result.ok ? { kind: 'imported', sets: result.sets, report: result.report } : { kind: 'refused', message: result.message };
  } catch (error) {
    // The importers return refusals as values; this is the chunk failing to load, or a bug.
    return { kind: 'refused', message: `${file.name} could not be imported: ${error instanceof Error ? error.message : String(error)}` };
  }
}
