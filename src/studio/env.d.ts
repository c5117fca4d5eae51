/** Vite replaces `import.meta.env.DEV` at build time: true under `npm start`, false in a build. */
interface ImportMeta {
  readonly env: { readonly DEV: boolean };
}
