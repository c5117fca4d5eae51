// @vitest-environment node
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { renderLanguageTables } from '../../scripts/generate-languages.ts';
import { GRAMMAR_NAMES } from './grammar-names.ts';
import { editDistance, nearestLanguage, resolveLanguage } from './languages.ts';

describe('the language names a task may use', () => {
  it.each([
    ['html', 'markup'],
    ['HTML', 'markup'],
    ['js', 'javascript'],
    ['ts', 'typescript'],
    ['py', 'python'],
    ['Python', 'python'],
    ['sh', 'bash'],
    ['shell', 'bash'],
    ['yml', 'yaml'],
    ['c#', 'csharp'],
    ['C#', 'csharp'],
    ['cs', 'csharp'],
    ['c++', 'cpp'],
    ['golang', 'go'],
    ['Go', 'go'],
    ['kt', 'kotlin'],
    ['rb', 'ruby'],
    ['rs', 'rust'],
    [' sql ', 'sql'],
    ['cobol', 'cobol'],
    ['plaintext', 'plaintext'],
    ['TXT', 'plaintext'],
    ['Text', 'plaintext'],
  ])('reads %j as the grammar %j', (written, grammar) => {
    expect(resolveLanguage(written)).toBe(grammar);
  });

  it('knows every grammar refractor ships, by its own name and its aliases', () => {
    expect(Object.keys(GRAMMAR_NAMES).length).toBeGreaterThanOrEqual(290);
    for (const [grammar, aliases] of Object.entries(GRAMMAR_NAMES)) {
      expect(resolveLanguage(grammar)).toBe(grammar);
      for (const alias of aliases) expect(resolveLanguage(alias)).toBeDefined();
    }
  });

  it.each([
    ['pyhton', 'python'],
    ['Javscript', 'javascript'],
    ['typscript', 'typescript'],
    ['golnag', 'golang'],
    ['jav', 'java'],
    ['klingon', undefined],
    ['xyz', undefined],
  ])('suggests for the unknown %j the nearest known name, %j', (written, suggestion) => {
    expect(resolveLanguage(written)).toBeUndefined();
    expect(nearestLanguage(written)).toBe(suggestion);
  });

  it('measures edits as people make them: symmetric, zero only for equal names, a swap is one', () => {
    expect(editDistance('pyhton', 'python')).toBe(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('is generated from the refractor installed: `npm run languages` leaves its files as committed', async () => {
    const { names, loaders, facades } = await renderLanguageTables();
    expect(readFileSync(new URL('./grammar-names.ts', import.meta.url), 'utf8')).toBe(names);
    expect(readFileSync(new URL('../components/code/grammar-loaders.ts', import.meta.url), 'utf8')).toBe(loaders);
    const facadeDir = new URL('../components/code/facades/', import.meta.url);
    expect(readdirSync(facadeDir).sort()).toEqual(Object.keys(facades).sort());
    for (const [file, text] of Object.entries(facades)) expect(readFileSync(new URL(file, facadeDir), 'utf8')).toBe(text);
  });
});
