/**
 * The embed's settings, read from an element's attributes or from mount()'s options and checked before
 * anything loads. Every problem comes back as a value with a message a page author can act on; nothing
 * here throws. Pure: no DOM, so it is tested as a table.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { ModeId } from '../engine/modes.ts';
import { BUILT_MODES } from '../modes/load.ts';

/** The modes an embed can run in: every one built (src/modes/registry.ts). */
export const MODES = BUILT_MODES;
export type Mode = ModeId;

/** `light` by default: a guest on someone else's page follows that page, which is light more often than not. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** What mount() and <code-blanks> take from the page author, before the exercise is loaded. */
export interface Settings {
  /** Where the exercise comes from: a URL, or JSON already in hand (an inline exercise). */
  readonly source: { readonly src: string } | { readonly exercise: unknown };
  /** One task to show, by id or 1-based number; all of them when absent. */
  readonly task: string | number | undefined;
  readonly mode: Mode;
  readonly lang: string | undefined;
  readonly storageKey: string | undefined;
  readonly theme: Theme;
}

export type SettingsResult = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly message: string };

/** The settings mount() accepts; the same names as the element's attributes, in camelCase. */
export interface SettingsInput {
  /** The exercise set itself, as parsed JSON (it is validated like a fetched one). */
  readonly exercise?: unknown;
  /** The URL of an exercise set's JSON file, resolved against the page. */
  readonly src?: string;
  /** A task id, or a task's 1-based number in the set. */
  readonly task?: string | number;
  /** The learning mode: "practice" (the default), "study", "typed", "pick", "order", "challenge" or "exam" (src/engine/modes.ts). */
  readonly mode?: string;
  /** The UI language: "en" (the default) or "fr"; "fr-CA" means "fr", anything else English. */
  readonly lang?: string;
  /** Instances with the same key share saved progress. Default: the set's id. */
  readonly storageKey?: string;
  /** "light" (the default), "dark", or "auto" (follows the system's preference). */
  readonly theme?: string;
}

const quote = (value: unknown) => JSON.stringify(String(value));
const blank = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value.trim());
const fail = (message: string): SettingsResult => ({ ok: false, message });

/** Checks mount()'s options. */
export function readSettings(input: SettingsInput): SettingsResult {
  const src = typeof input.src === 'string' ? blank(input.src) : undefined;
  const hasExercise = input.exercise !== undefined && input.exercise !== null;
  if (src && hasExercise) return fail('give the exercise either as src or inline, not both');
  if (!src && !hasExercise) return fail('no exercise: set src to the URL of an exercise set, or give the exercise inline');

  let task: string | number | undefined;
  if (typeof input.task === 'number') {
    if (!Number.isInteger(input.task) || input.task < 1) return fail(`task ${input.task} is not a task number (1, 2, 3…) or a task id`);
    task = input.task;
  } else if (typeof input.task === 'string') {
    const text = blank(input.task);
    task = text !== undefined && /^\d+$/.test(text) ? Number(text) : text;
    if (task === 0) return fail('task 0 is not a task number: tasks are numbered from 1');
  }

  const mode = blank(input.mode) ?? 'practice';
  if (!(MODES as readonly string[]).includes(mode)) return fail(`unknown mode ${quote(mode)}: the modes are ${MODES.join(', ')}`);
  const theme = blank(input.theme) ?? 'light';
  if (!(THEMES as readonly string[]).includes(theme)) return fail(`unknown theme ${quote(theme)}: use ${THEMES.join(', ')}`);

  return {
    ok: true,
    settings: {
      source: src ? { src } : { exercise: input.exercise },
      task,
      mode: mode as Mode,
      lang: blank(input.lang),
      storageKey: blank(input.storageKey),
      theme: theme as Theme,
    },
  };
}

/**
 * Reads <code-blanks>: its attributes, and the text of a `<script type="application/json">` child when
 * there is one (`inline`, null when there is none).
 */
export function readAttributes(attribute: (name: string) => string | null, inline: string | null): SettingsResult {
  let exercise: unknown;
  if (inline !== null) {
    try {
      exercise = JSON.parse(inline);
    } catch (error) {
      return fail(`the inline exercise is not JSON (${error instanceof Error ? error.message : 'parse error'})`);
    }
  }
  return readSettings({
    exercise,
    src: attribute('src') ?? undefined,
    task: attribute('task') ?? undefined,
    mode: attribute('mode') ?? undefined,
    lang: attribute('lang') ?? undefined,
    storageKey: attribute('storage-key') ?? undefined,
    theme: attribute('theme') ?? undefined,
  });
}

/** The task ids to show for a `task` setting (undefined: all), or why that task is not in the set. */
export function pickTasks(
  set: ExerciseSet,
  task: string | number | undefined,
): { readonly ok: true; readonly taskIds: readonly string[] | undefined } | { readonly ok: false; readonly message: string } {
  if (task === undefined) return { ok: true, taskIds: undefined };
  const found = typeof task === 'number' ? set.tasks[task - 1] : set.tasks.find((t) => t.id === task);
  if (found) return { ok: true, taskIds: [found.id] };
  const count = set.tasks.length;
  return {
    ok: false,
    message: `task ${quote(task)} is not in the set ${quote(set.id)}, which has ${count === 1 ? 'task 1' : `tasks 1 to ${count}`}: ${set.tasks.map((t) => t.id).join(', ')}`,
  };
}
