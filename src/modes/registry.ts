/**
 * The learning modes that have a view of their own, each behind a dynamic import: a mode's code is its
 * own chunk, fetched only when a learner chooses it. Every mode of src/engine/modes.ts but practice has
 * one (the type says so). This file is itself a chunk, reached through load.ts: practice, every
 * learner's default, pays for none of it (0.25 KB gzip on the set page, 0.3 KB on the embed).
 */
import type { Interaction } from '../engine/grading.ts';
import type { ModeId } from '../engine/modes.ts';
import type { ModeView } from '../components/mode-view.tsx';
import type { RoundRules } from '../store/rounds.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';

/** The set a mode plays instead of the page's own (review's tasks drawn from every set), and where each answer is logged. */
export interface Session {
  readonly set: ExerciseSet;
  readonly logAs: (taskId: string) => readonly [string, string] | undefined;
}

/** What a mode's chunk exports: its view, and how the learner answers (the option bank when absent). */
export interface ModeModule {
  readonly view: ModeView;
  readonly interaction?: Interaction;
  /** Timed rounds' rules, for a mode that keeps them (the exam). */
  readonly rounds?: RoundRules;
  /** Fetches what the mode says in `lang` when that is a chunk of its own (line order's French); awaited before it shows. */
  readonly prepare?: (lang: string) => Promise<void>;
  /**
   * Builds the session a page plays, from the page's set (review's: what is due). `others`: whether it
   * may fetch the site's other sets (the site's page); an embed on a course page has only its own.
   */
  readonly session?: (set: ExerciseSet, others?: boolean) => Promise<Session>;
}

const LOADERS: Readonly<Record<Exclude<ModeId, 'practice'>, () => Promise<ModeModule>>> = {
  study: () => import('./study/view.tsx'),
  typed: () => import('./typed/view.tsx'),
  pick: () => import('./pick/view.tsx'),
  order: () => import('./order/view.tsx'),
  flashcards: () => import('./flashcards/view.tsx'),
  review: () => import('./review/view.tsx'),
  challenge: () => import('./challenge/view.tsx'),
  exam: () => import('./exam/view.tsx'),
};



/**
 * The mode's chunk, with its words in `lang` (the site's pages are in English). Rejects when the chunk
 * cannot be fetched (the caller says so); words that cannot be fetched read English.
 */
export const loadModeChunk = (id: Exclude<ModeId, 'practice'>, lang = 'en'): Promise<ModeModule> =>
  LOADERS[id]().then((module) =>
    Promise.resolve(module.prepare?.(lang)).then(
      () => module,
      () => module,
    ),
  );
