/**
 * Every grammar, under every name the format accepts: a chunk of its own, fetched only when a set names
 * a language the highlighter does not load directly (see LOADERS in highlight.ts), so the learner's
 * page does not carry a table of three hundred grammars it will rarely need.
 */
import { resolveLanguage } from '../../schema/languages.ts';
import { GRAMMAR_LOADERS } from './grammar-loaders.ts';
import type { Syntax } from './highlight.ts';

/** The grammar for a name as an author wrote it, and how to load it; undefined for plain text and unknown names. */
export function findGrammar(written: string): { readonly name: string; readonly load: () => Promise<{ default: Syntax }> } | undefined {
  const name = resolveLanguage(written);
  const load = name === undefined ? undefined : GRAMMAR_LOADERS[name];
  return name !== undefined && load ? { name, load } : undefined;
}
