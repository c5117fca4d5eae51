/**
 * Gives each shadow root the exercise's styles as constructable stylesheets (which a `style-src 'self'`
 * Content Security Policy allows), built once per page and shared by every instance. The stylesheet
 * arrives already re-rooted for a shadow root (see shadow-css.ts and vite.embed.config.ts).
 */
import styles from '../components/styles.css?inline';
import { themeStyles } from './shadow-css.ts';
import type { Theme } from './settings.ts';

let base: CSSStyleSheet | undefined;
const themes = new Map<Theme, CSSStyleSheet>();

const sheet = (css: string) => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};

export function adoptStyles(shadow: ShadowRoot, theme: Theme): void {
  if (!base) {
    // --cb-rem: the user's default font size, what `font-size: medium` is, out of the page's reach.
    const probe = document.createElement('i');
    probe.style.all = 'initial';
    shadow.append(probe);
    base = sheet(`:host{--cb-rem:${getComputedStyle(probe).fontSize || '16px'}}${styles}`);
    probe.remove();
  }
  let themed = themes.get(theme);
  if (!themed) themes.set(theme, (themed = sheet(themeStyles(theme))));
  // A new theme keeps what came later (the feedback chunk's sheet: feedback.tsx's adoptStyles).
  shadow.adoptedStyleSheets = [base, themed, ...shadow.adoptedStyleSheets.slice(2)];
}
