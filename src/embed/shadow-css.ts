/**
 * The exercise's look inside a shadow root, from the same styles.css the site uses.
 *
 * On the site `.cb-root` declares every --cb-* default. Inside a shadow root a default declared on an
 * inner element would beat what the host page sets on <code-blanks>, so the defaults block moves to
 * `:host`, where the page's own `code-blanks { --cb-accent: … }` wins (outer rules beat :host rules) and
 * from where the values inherit inwards. The inner `.cb-root` starts from `all: initial`: nothing the
 * page sets on the element (font, colour, letter-spacing, text-transform…) leaks in, except custom
 * properties, which are the theming API. Sizes in `rem` follow --cb-rem, the user's default font size,
 * so a page with `html { font-size: 62.5% }` (or 30px) neither shrinks nor swells the exercise.
 *
 * Light and dark: every colour is a `light-dark()` pair, so the theme is the `color-scheme` we set (the
 * build targets browsers with `light-dark()`, as the site's does).
 *
 * Pure, and tested against the real styles.css. The embed's build applies `shadowStyles` when it inlines
 * the stylesheet (vite.embed.config.ts), so no page runs these regular expressions; styles.ts adopts
 * the result.
 */
import type { Theme } from './settings.ts';

/** Every theme's rules: the site's stylesheet, re-rooted on the shadow host. `--cb-rem` comes at run time. */
export function shadowStyles(css: string): string {
  // The defaults block: the one `.cb-root` followed straight by its braces.
  const rooted = shadowRem(css.replace(/\.cb-root\s*\{/, ':host{'));
  return (
    `:host{display:block}:host([hidden]){display:none}${rooted}` +
    '.cb-root{all:initial;display:block;font-family:var(--cb-font);font-size:var(--cb-font-size);line-height:1.5;color:var(--cb-text);background:var(--cb-bg)}' +
    // The iframe page (embed.html) is the exercise's whole page: a margin inside its frame, in its colours.
    ':host([frame]) .cb-root{padding:var(--cb-space)}'
  );
}

/** Sizes in `rem` follow --cb-rem (for feedback.css, which the feedback chunk adds to a shadow root later). */
export function shadowRem(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1*var(--cb-rem))');
}

const scheme = (dark: boolean) => `:host,.cb-root{color-scheme:${dark ? 'dark' : 'light'}}`;

/** The rules that pick light or dark colours; `auto` follows the system's preference. */
export function themeStyles(theme: Theme): string {
  return theme === 'auto' ? `${scheme(false)}@media (prefers-color-scheme:dark){${scheme(true)}}` : scheme(theme === 'dark');
}
