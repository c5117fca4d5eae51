// @vitest-environment node
import { parseTemplate } from '../../engine/template.ts';
import { GRAMMAR_LOADERS } from './grammar-loaders.ts';
import { highlightTemplate, isLanguageReady, loadLanguages, subscribeLanguages } from './highlight.ts';

/** The class names the highlighter gives the text of a one-line template. */
function classesOf(code: string, language: string): string[] {
  return (highlightTemplate(parseTemplate([code]), language)[0] ?? []).map((piece) => (piece.kind === 'text' ? `${piece.text}|${piece.className}` : `[[${piece.blank}]]`));
}

describe('highlighting under the names authors write', () => {
  it.each([
    ['Python', 'def f(): return [[1]]', 'def|tok tok-keyword'],
    ['js', 'const x = [[1]];', 'const|tok tok-keyword'],
    ['TS', 'let x: number = [[1]];', 'number|tok tok-builtin'],
    ['c#', 'public class A { [[1]] }', 'public|tok tok-keyword'],
    ['c++', 'int main() { return [[1]]; }', 'int|tok tok-keyword'],
    ['golang', 'func main() { [[1]] }', 'func|tok tok-keyword'],
    ['kt', 'fun main() { [[1]] }', 'fun|tok tok-keyword'],
    ['rb', 'def f; [[1]]; end', 'def|tok tok-keyword'],
    ['rs', 'fn main() { [[1]] }', 'fn|tok tok-keyword'],
    ['yml', 'key: [[1]]', 'key|tok tok-key tok-atrule'],
    ['sh', 'echo [[1]]', 'echo|tok tok-builtin tok-class-name'],
    ['html', '<p>[[1]]</p>', '<|tok tok-punctuation'],
    ['cobol', 'DISPLAY [[1]].', 'DISPLAY|tok tok-keyword'],
  ])('colours %s once its grammar is in, blanks kept in place', async (language, code, token) => {
    expect(isLanguageReady(language)).toBe(false);
    await loadLanguages([language]);
    expect(isLanguageReady(language)).toBe(true);
    const pieces = classesOf(code, language);
    expect(pieces).toContain(token);
    expect(pieces).toContain('[[1]]');
  });

  it('tells a view showing an alias when its grammar is already in under its own name', async () => {
    await loadLanguages(['javascript']);
    let calls = 0;
    const stop = subscribeLanguages(() => (calls += 1));
    await loadLanguages(['JavaScript', 'mjs']);
    stop();
    expect(isLanguageReady('mjs')).toBe(true);
    expect(calls).toBeGreaterThan(0);
  });

  it('shows plain text and an unknown language in one colour, without failing', async () => {
    await loadLanguages(['klingon', 'Plaintext', 'txt']);
    expect(isLanguageReady('plaintext')).toBe(false);
    expect(isLanguageReady('klingon')).toBe(false);
    expect(classesOf('qapla [[1]]', 'klingon')).toEqual(['qapla |', '[[1]]']);
  });

  it('loads and runs every grammar refractor ships', { timeout: 60_000 }, async () => {
    const names = Object.keys(GRAMMAR_LOADERS);
    await loadLanguages(names);
    expect(names.filter((name) => !isLanguageReady(name))).toEqual([]);
    for (const name of names) expect(() => highlightTemplate(parseTemplate(['x = "a" + [[1]] // c']), name)).not.toThrow();
  });
});
