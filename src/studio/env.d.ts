/** Vite replaces `import.meta.env.DEV` at build time: true under `npm start`, false in a build. */
interface ImportMeta {
  readonly env: { readonly DEV: boolean };
}

/** A file imported with `?url` (a grammar's .wasm): Vite serves it, or emits it as a build asset, and gives its URL. */
declare module '*?url' {
  const url: string;
  export default url;
}
