/**
 * Syntax highlighting of a template with its blanks in place.
 *
 * The whole code is tokenized at once (so a string or comment spanning a blank stays one token), with
 * each blank stood in for by one private-use character that no grammar matches; blanks are found again
 * by offset, so authored code may contain any character. Prism's grammars come from refractor, whose
 * slim core keeps them off `window` (a host page may have its own Prism) and never touches the DOM.
 * Each grammar is its own chunk, loaded when a set needs it: a page pays only for its languages.
 */
import { Prism, type PrismToken } from 'codeblanks-prism-core';
import type { Template } from '../../engine/template.ts';

type Syntax = ((prism: unknown) => void) & { displayName: string; aliases?: string[] };

const LOADERS: Readonly<Record<string, () => Promise<{ default: Syntax }>>> = {
  bash: () => import('refractor/bash'),
  css: () => import('refractor/css'),
  http: () => import('refractor/http'),
  java: () => import('refractor/java'),
  javascript: () => import('refractor/javascript'),
  json: () => import('refractor/json'),
  markup: () => import('refractor/markup'),
  python: () => import('refractor/python'),
  sql: () => import('refractor/sql'),
  typescript: () => import('refractor/typescript'),
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

/** Loads the grammars for these languages; resolves (never rejects) when they are ready or failed. */
export function loadLanguages(languages: Iterable<string>): Promise<void> {
  const loads = [...new Set([...languages].map((name) => name.toLowerCase()))].map((language) => {
    const loader = LOADERS[language];
    if (!loader || registered.has(language)) return Promise.resolve();
    let load = pending.get(language);
    if (!load) {
      load = loader()
        .then((module) => {
          host.register(module.default);
          listeners.forEach((listener) => listener());
        })
        // Without its grammar the code still shows, in one colour.
        .catch(() => undefined);
      pending.set(language, load);
    }
    return load;
  });
  return Promise.all(loads).then(() => undefined);
}

/** For useSyncExternalStore: tells React when another grammar has arrived. */
export function subscribeLanguages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the grammar for this name (in any case, as authors write it) is in. */
export function isLanguageReady(name: string): boolean {
  const language = name.toLowerCase();
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
  const grammar = isLanguageReady(language) ? Prism.languages[language.toLowerCase()] : undefined;
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
