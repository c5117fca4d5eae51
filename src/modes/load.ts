/**
 * How the pages load a learning mode. Practice, every learner's default, has no chunk; any other mode
 * comes through the registry's chunk (registry.ts), so the page every learner loads carries neither the
 * registry nor its eight loaders.
 */
import { MODE_IDS, type ModeId } from '../engine/modes.ts';
import type { ModeModule } from './registry.ts';

/** The modes a learner can choose, in the picker's order: every mode is built. */
export const BUILT_MODES: readonly ModeId[] = MODE_IDS;

const PRACTICE_MODULE: ModeModule = { view: {} };

/** The mode's chunk, with its words in `lang`; practice has none. Rejects when a chunk cannot be fetched (the caller says so). */
export function loadMode(id: ModeId, lang?: string): Promise<ModeModule> {
  return id === 'practice' ? Promise.resolve(PRACTICE_MODULE) : import('./registry.ts').then((registry) => registry.loadModeChunk(id, lang));
}
