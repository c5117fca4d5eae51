/**
 * The package's settings, written by `npm run export` into index.html as JSON beside the set, and
 * read once by the runtime. Shared by the exporter (which writes it) and the runtime (which reads it).
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';

/**
 * The modes a package runs: those that play one set inside one sitting of an LMS activity, each resumed
 * from suspend_data (suspend.ts: options by index, typed text and line order's lines as text, an
 * exam's round).
 */
export const MODES = ['practice', 'study', 'typed', 'pick', 'order', 'exam'] as const;

/** The modes a package refuses, and why: each schedules over days or spans sets, which one activity's score cannot say. */
export const REFUSED_MODES: Readonly<Record<string, string>> = {
  flashcards: 'flashcards schedule the learner\'s recall over days and grade nothing an LMS could record',
  review: 'review draws past mistakes from every set the learner has practised, not one set\'s tasks',
  challenge: 'a challenge spans several sets and scores a personal best, not one set\'s tasks',
};

export const PACKAGE_FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];

export interface PackageConfig {
  readonly format: PackageFormat;
  readonly mode: string;
  /** The share of tasks to solve to pass, 0..1 (an LMS's own mastery score wins where it gives one). */
  readonly mastery: number;
  /** The set, with the package's attempts already applied. */
  readonly set: ExerciseSet;
}

/** The id of the `<script type="application/json">` that holds the config in index.html. */
export const CONFIG_ID = 'codeblanks-package';
