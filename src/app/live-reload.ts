/// <reference types="vite/client" />
/**
 * Live editing under `npm start`: the dev server announces each saved, added or removed exercise file
 * (scripts/exercises-plugin.ts, watchExercises) and the open catalogue and set pages fetch it again, in
 * place, without a page reload, so the author keeps the scroll position and the learner's progress.
 * Every use sits under `if (import.meta.hot)`, which a build replaces with `undefined` and drops with
 * the code it guards: none of this reaches a learner (the set page's size is unchanged).
 */

/** The custom HMR event's name, as scripts/exercises-plugin.ts sends it; its data is `{ file }`, the file's name in exercises/. */
export const EXERCISES_EVENT = 'codeblanks:exercises';

declare module 'vite/types/customEvent.d.ts' {
  interface CustomEventMap {
    'codeblanks:exercises': { readonly file: string };
  }
}

/** How many saves this page has followed: a set shown again does not scroll back to the address's #task. */
export const liveSession = { saves: 0 };

// One listener for the page, passed on as a window event. Not one per component: Vite drops a module's
// listeners when that module is edited, and React Fast Refresh does not always run the component's
// effect again to put them back, so after an edit to set-page.tsx saves went unheard.
if (import.meta.hot) {
  import.meta.hot.on(EXERCISES_EVENT, ({ file }) => {
    liveSession.saves++;
    window.dispatchEvent(new CustomEvent(EXERCISES_EVENT, { detail: file }));
  });
}

/** Calls `listener` with the file's name at each save; returns the function that stops listening. */
export function onExerciseSaved(listener: (file: string) => void): () => void {
  const on = (event: Event) => listener((event as CustomEvent<string>).detail);
  window.addEventListener(EXERCISES_EVENT, on);
  return () => window.removeEventListener(EXERCISES_EVENT, on);
}
