/**
 * The set page's weight as the browser sees it: load the page in Chromium and gzip -9 every script and
 * stylesheet response it fetched (lazy chunks included), rather than trusting a static reading of the build.
 */
import { gzipBytes } from './dist.mjs';

/** Loads `url` until `ready(page)` resolves and the network is idle; returns the fetched JS/CSS rows. */
export async function fetchedWeight(browser, url, ready) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const pending = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    pending.push(
      response
        .body()
        .then((body) => ({ url: response.url(), type, status: response.status(), raw: body.length, gzip: gzipBytes(body) }))
        .catch(() => ({ url: response.url(), type, status: response.status(), raw: 0, gzip: 0 })),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const rows = await Promise.all(pending);
    const ours = rows.filter((r) => r.url.startsWith(origin));
    const pick = (type) => ours.filter((r) => r.type === type);
    const sum = (list) => list.reduce((s, r) => s + r.gzip, 0);
    const path = (r) => new URL(r.url).pathname.replace(/^\//, '');
    return {
      js: sum(pick('script')),
      css: sum(pick('stylesheet')),
      total: sum(pick('script')) + sum(pick('stylesheet')),
      files: [...pick('script'), ...pick('stylesheet')].map((r) => ({ file: path(r), kind: r.type === 'script' ? 'js' : 'css', raw: r.raw, gzip: r.gzip })).sort((a, b) => b.gzip - a.gzip),
      data: ours.filter((r) => ['fetch', 'xhr'].includes(r.type)).map((r) => ({ file: path(r), gzip: r.gzip })),
      otherOrigins: rows.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:')).map((r) => r.url),
    };
  } finally {
    await context.close();
  }
}
