/// <reference types="vite/client" />
/**
 * Live editing under `npm start`: the dev server announces each saved, added or removed exercise file
 * (scripts/exercises-plugin.ts, watchExercises) and the open catalogue and set pages fetch it again, in
 * place, without a page reload, so the author keeps the scroll position and the learner's progress.
 * Every call sits under `if (import.meta.hot)`, which a build replaces with `false`: none of this reaches
 * a learner.
 */
import type { ViteHotContext } from 'vite/types/hot.d.ts';

/** The custom HMR event's name; its data is `{ file }`, the file's name in exercises/. */
export const EXERCISES_EVENT = 'codeblanks:exercises';

declare module 'vite/types/customEvent.d.ts' {
  interface CustomEventMap {
    'codeblanks:exercises': { readonly file: string };
  }
}

/** How many saves this page has followed: a set shown again does not scroll back to the address's #task. */
export const liveSession = { saves: 0 };

/** Calls `listener` with the file's name at each save; returns the function that stops listening. */
export function onExerciseSaved(hot: ViteHotContext, listener: (file: string) => void): () => void {
  const on = ({ file }: { readonly file: string }) => {
    liveSession.saves++;
    listener(file);
  };
  hot.on(EXERCISES_EVENT, on);
  return () => hot.off(EXERCISES_EVENT, on);
}
