/**
 * What a learning mode brings beside its rules (src/engine/modes.ts): the parts of the view it draws its
 * own way. Practice draws nothing of its own; a mode's chunk (src/modes/<id>/view.tsx) exports one of
 * these and the site or the embed provides it around the set.
 */
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { Task } from '../schema/exercise-schema.ts';
import type { TaskStatus } from '../engine/grading.ts';
import type { BlankProps } from './blank.tsx';
import type { Strings } from '../i18n/table.ts';

/** A task's status as the learner may see it: `saved` is an ended task whose outcome a round still hides. */
export type ShownStatus = TaskStatus | 'saved';

export interface WorkspaceProps {
  readonly task: Task;
  readonly subject: string;
  readonly status: ShownStatus;
}

export interface ModeView {
  /** Replaces a task's code and option bank (lines to order). */
  readonly Workspace?: ComponentType<WorkspaceProps>;
  /**
   * Or keeps the code and puts this in each blank instead of the bank's button (a text box, a list): no
   * bank, no drag and drop. The mode's chunk then needs no code view of its own (importing CodeView
   * from a mode's chunk made the bundler split React out of the page's entry: +1.7 KB on the set page).
   */
  readonly Blank?: ComponentType<BlankProps>;
  /** The line under the code that says how to answer, in this mode's words (by the table's language). */
  readonly instructions?: (lang: string) => string;
  /** Wraps the set (an exam's start screen, timer, submission and results). */
  readonly Shell?: ComponentType<{ readonly children: ReactNode }>;
  /** The order a round shows the tasks in, from its seed (an exam's; the set's order when absent). */
  readonly orderTasks?: (tasks: readonly Task[], seed: number) => readonly Task[];
  /** The order a round shows a task's options in, from its seed (the task's order when absent). */
  readonly orderOptions?: (task: Task, seed: number) => readonly string[];
  /** The line an ended task shows while its outcome is not said yet, in this mode's words (by the table's language). */
  readonly endedLabel?: (lang: string) => string;
  /**
   * The shared words this mode says its own way (line order's parts are lines, not blanks), by the
   * table's language: the front door lays them over the table it hands the set.
   */
  readonly strings?: (lang: string) => Partial<Strings>;
}

const ModeViewContext = createContext<ModeView>({});

export const ModeViewProvider = ModeViewContext.Provider;

export const useModeView = (): ModeView => useContext(ModeViewContext);
