/**
 * The browsers every bundle is built for (the site, Today's page, the embed, the LMS runtime): ES2022,
 * and for CSS the browsers with light-dark(), so the stylesheets keep one colour pair per property
 * instead of being lowered into two blocks.
 */
export const BROWSER_TARGETS: { target: string; cssTarget: string[] } = {
  target: 'es2022',
  cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
};
