import { GRAMMAR_URLS } from './grammars.ts';
import { PARSERS, parserFor } from '../cli/solutions.ts';

describe('the grammars the studio can fetch', () => {
  it('are exactly the parsers the validator uses, each a .wasm of its own', () => {
    const parsers = new Set([...Object.values(PARSERS), parserFor('html')]);
    expect(new Set(Object.keys(GRAMMAR_URLS))).toEqual(parsers);
    for (const [name, url] of Object.entries(GRAMMAR_URLS)) expect(url).toMatch(new RegExp(`tree-sitter-${name}.*\\.wasm`));
  });
});
