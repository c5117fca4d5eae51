/**
 * Syntax highlighting of a template with its blanks in place.
 *
 * The whole code is tokenized at once (so a string or comment spanning a blank stays one token), with
 * each blank stood in for by one private-use character that no grammar matches; blanks are found again
 * by offset, so authored code may contain any character. Prism's grammars come from refractor, whose
 * slim core keeps them off `window` (a host page may have its own Prism) and never touches the DOM.
 * Each grammar is its own chunk, loaded when a set needs it: a page pays only for its languages.
 * Names are matched in any case; the usual languages load directly, and any other name (an alias like
 * "js", or one of refractor's three hundred grammars) first fetches the table of names (grammars.ts).
 */
import { Prism, type PrismToken } from 'codeblanks-prism-core';
import type { Template } from '../../engine/template.ts';

/** A refractor grammar module's default export. */
export type Syntax = ((prism: unknown) => void) & { displayName: string; aliases?: string[] };

/**
 * The grammars loaded without the table of names: the bundled sets' languages and other common ones.
 * A grammar that other grammars import comes through its facade, as in grammar-loaders.ts (see
 * scripts/generate-languages.ts for why): its colours come one round trip after the facade.
 */
const LOADERS: Readonly<Record<string, () => Promise<{ default: Syntax }>>> = {
  bash: () => import('./facades/bash.ts'),
  css: () => import('./facades/css.ts'),
  go: () => import('refractor/go'),
  http: () => import('refractor/http'),
  java: () => import('./facades/java.ts'),
  javascript: () => import('./facades/javascript.ts'),
  json: () => import('./facades/json.ts'),
  markup: () => import('./facades/markup.ts'),
  python: () => import('./facades/python.ts'),
  rust: () => import('refractor/rust'),
  sql: () => import('./facades/sql.ts'),
  typescript: () => import('./facades/typescript.ts'),
};

const registered = new Set<string>();
const listeners = new Set<() => void>();
// What refractor's grammar modules expect of their host: the Prism API plus `register` for dependencies.
const host = Object.assign(Object.create(Prism) as typeof Prism, {
  register(syntax: Syntax) {
    if (registered.has(syntax.displayName)) return;
    registered.add(syntax.displayName);
    syntax(host);
  },
});

const pending = new Map<string, Promise<void>>();
/** A name as written (lower case) to its grammar, for names that are not a grammar's own. */
const grammarOf = new Map<string, string>();
const notify = () => listeners.forEach((listener) => listener());

function load(language: string, loader: () => Promise<{ default: Syntax }>): Promise<void> {
  if (registered.has(language)) return Promise.resolve();
  let loading = pending.get(language);
  if (!loading) {
    loading = loader()
      .then((module) => {
        host.register(module.default);
        notify();
      })
      // Without its grammar the code still shows, in one colour.
      .catch(() => undefined);
    pending.set(language, loading);
  }
  return loading;
}

/** Loads the grammars for these languages (names in any case); resolves (never rejects) when they are ready or failed. */
export function loadLanguages(languages: Iterable<string>): Promise<void> {
  const loads = [...new Set([...languages].map((name) => name.trim().toLowerCase()))].map((name) => {
    const loader = LOADERS[name];
    if (loader) return load(name, loader);
    // Plain text needs no grammar, nor the table that would say so (schema/languages.ts's PLAIN_NAMES).
    if (/^(plain(text)?|te?xt)$/.test(name)) return Promise.resolve();
    return import('./grammars.ts')
      .then(({ findGrammar }) => {
        const found = findGrammar(name);
        if (!found) return undefined;
        grammarOf.set(name, found.name);
        // The grammar may already be in under its own name: the code shown under this one still needs a repaint.
        return load(found.name, found.load).then(notify);
      })
      .catch(() => undefined);
  });
  return Promise.all(loads).then(() => undefined);
}

/** The grammar's name for a language as an author wrote it. */
function grammarName(written: string): string {
  const name = written.trim().toLowerCase();
  return grammarOf.get(name) ?? name;
}

/** For useSyncExternalStore: tells React when another grammar has arrived. */
export function subscribeLanguages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the grammar for this name (in any case, as authors write it) is in. */
export function isLanguageReady(name: string): boolean {
  const language = grammarName(name);
  return registered.has(language) && Prism.languages[language] !== undefined;
}

export type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly className: string }
  | { readonly kind: 'blank'; readonly blank: number };

/** Stands in for a blank while tokenizing: a private-use character, which no grammar matches. */
const PLACEHOLDER = '\ue000';

/** Lines of highlighted pieces and blanks. A language whose grammar is not loaded comes back as plain text. */
export function highlightTemplate(template: Template, language: string): Piece[][] {
  const blankAt = new Map<number, number>();
  let source = '';
  template.lines.forEach((line, index) => {
    if (index > 0) source += '\n';
    for (const segment of line) {
      if (segment.kind === 'text') source += segment.text;
      else {
        blankAt.set(source.length, segment.blank);
        source += PLACEHOLDER;
      }
    }
  });
  const grammar = isLanguageReady(language) ? Prism.languages[grammarName(language)] : undefined;
  const tokens = grammar ? Prism.tokenize(source, grammar) : [source];
  const lines: Piece[][] = [[]];
  let offset = 0;
  const emit = (text: string, className: string) => {
    let start = 0;
    const flush = (end: number) => {
      const piece = text.slice(start, end);
      if (piece) (lines[lines.length - 1] as Piece[]).push({ kind: 'text', text: piece, className });
    };
    for (let i = 0; i < text.length; i += 1) {
      const blank = blankAt.get(offset + i);
      if (blank !== undefined) {
        flush(i);
        (lines[lines.length - 1] as Piece[]).push({ kind: 'blank', blank });
        start = i + 1;
      } else if (text[i] === '\n') {
        flush(i);
        lines.push([]);
        start = i + 1;
      }
    }
    flush(text.length);
    offset += text.length;
  };
  const walk = (token: string | PrismToken | (string | PrismToken)[], className: string) => {
    if (typeof token === 'string') emit(token, className);
    else if (Array.isArray(token)) token.forEach((t) => walk(t, className));
    else {
      const aliases = token.alias ? (Array.isArray(token.alias) ? token.alias : [token.alias]) : [];
      walk(token.content, ['tok', `tok-${token.type}`, ...aliases.map((a) => `tok-${a}`)].join(' '));
    }
  };
  walk(tokens, '');
  return lines;
}
