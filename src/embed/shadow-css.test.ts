// @vitest-environment node
import { readFileSync } from 'node:fs';
import { shadowRem, shadowStyles, themeStyles } from './shadow-css.ts';

// The stylesheet as written; the build minifies it (and lowers light-dark()), which the browser tests cover.
const css = readFileSync(new URL('../components/styles.css', import.meta.url), 'utf8');

describe('shadowStyles', () => {
  const out = shadowStyles(css);

  test('moves the --cb-* defaults from the inner root to the host, where the page can override them', () => {
    expect(out).toMatch(/:host\{\s*--cb-font:/);
    expect(out).not.toMatch(/\.cb-root\s*\{\s*--cb-/);
  });

  test("starts the inner root from nothing, so none of the page's inherited styles leak in", () => {
    expect(out).toMatch(/\.cb-root\{all:initial;display:block;font-family:var\(--cb-font\);[^}]*color:var\(--cb-text\)/);
  });

  test("measures every rem against --cb-rem (the user's font size), never the page's root", () => {
    expect(out).not.toMatch(/\drem\b/);
    expect(out).toContain('calc(0.35*var(--cb-rem))');
  });

  test('writes negative lengths as valid calc()', () => {
    expect(shadowStyles('.a{margin:-0.5rem 1rem}')).toContain('.a{margin:calc(-0.5*var(--cb-rem)) calc(1*var(--cb-rem))}');
  });

  test('handles the minified form the build produces', () => {
    const minified = shadowStyles('.cb-root{--cb-space:1rem;color-scheme:light dark}.cb-root :focus-visible{outline:0}.x{gap:.35rem}');
    expect(minified).toContain(':host{--cb-space:calc(1*var(--cb-rem));color-scheme:light dark}.cb-root :focus-visible{outline:0}.x{gap:calc(.35*var(--cb-rem))}');
  });

  test('styles.css still themes through light-dark() pairs, which the theme sheets drive', () => {
    expect(css).toMatch(/--cb-bg:\s*light-dark\(/);
  });
});

describe('shadowRem', () => {
  // feedback.css, which the feedback chunk adds to a shadow root beside the re-rooted styles.css.
  const later = readFileSync(new URL('../components/feedback.css', import.meta.url), 'utf8');

  test("measures feedback.css's rems against --cb-rem too, and adds no host rules of its own", () => {
    const out = shadowRem(later);
    expect(later).toMatch(/\drem\b/);
    expect(out).not.toMatch(/\drem\b/);
    expect(out).toContain('calc(0.4*var(--cb-rem))');
    expect(out).not.toContain(':host');
  });
});

describe('themeStyles', () => {
  test.each([
    ['light', /^:host,\.cb-root\{color-scheme:light\}$/],
    ['dark', /^:host,\.cb-root\{color-scheme:dark\}$/],
    ['auto', /^:host,\.cb-root\{color-scheme:light\}@media \(prefers-color-scheme:dark\)\{:host,\.cb-root\{color-scheme:dark\}\}$/],
  ] as const)('%s', (theme, rule) => {
    expect(themeStyles(theme)).toMatch(rule);
  });
});
