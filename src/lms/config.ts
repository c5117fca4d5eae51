/**
 * The package's settings, written by `npm run export` into index.html as JSON beside the set, and
 * read once by the runtime. Shared by the exporter (which writes it) and the runtime (which reads it).
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';

/**
 * The modes a package runs. Practice only for now: SCORM 1.2's 4,096 characters of suspend_data hold
 * progress by option index (suspend.ts), which a typed answer, a line order or an exam's round do not
 * fit yet; the embed and the site run every mode.
 */
export const MODES = ['practice'] as const;

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
