import type { Handle, MountOptions } from '../embed/mount.tsx';
import type { ExerciseSet } from '../schema/exercise-schema.ts';

export function startCmi5(set: ExerciseSet, mastery: number, mountIt: (options: Pick<MountOptions, 'storage' | 'onEvent'>) => Handle): void {
  void set;
  void mastery;
  mountIt({ storage: null });
}
