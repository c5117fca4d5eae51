import type { Plugin } from 'vite';

/**
 * dnd-kit's DndContext falls back to English screen-reader instructions and announcements when it is
 * given none ("To pick up a draggable item, press the space bar..."). Every DndContext of ours passes
 * its own, in the learner's language (src/dnd), so the defaults are never said; but the context's code
 * names them, so no bundler can leave them out: 0.3 KB gzip on every learner's page. This empties them.
 * The build fails if the package's text changes, rather than silently shipping them again.
 */
export function dndKitDefaultsPlugin(): Plugin {
  const start = 'const defaultScreenReaderInstructions = {';
  const end = 'function Accessibility(';
  return {
    name: 'codeblanks-dnd-kit-defaults',
    transform(code, id) {
      if (!/@dnd-kit[\\/]core[\\/]dist[\\/]core\.esm\.js$/.test(id.split('?')[0]!)) return null;
      const from = code.indexOf(start);
      const to = code.indexOf(end, from);
      if (from < 0 || to < 0) this.error(`@dnd-kit/core changed: its default announcements are no longer where ${import.meta.url} expects them`);
      const none = 'const defaultScreenReaderInstructions = { draggable: "" };\nconst defaultAnnouncements = { onDragStart() {}, onDragOver() {}, onDragEnd() {}, onDragCancel() {} };\n\n';
      return { code: code.slice(0, from) + none + code.slice(to), map: null };
    },
  };
}
