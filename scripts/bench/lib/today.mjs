/**
 * The Today page at scale: 5,000 flashcards stored (spread over 12 sets, due over the next weeks, each
 * rated once) and 500 attempt-log items with a wrong check (review derives their schedules with FSRS), in
 * Chromium with the CPU slowed 4x through CDP. One figure: navigation start to the end of the first frame
 * painted with the counts of what is due (the "Due today" region no longer says "Counting…"), the whole
 * page (streak, mastery, export and import) drawn. A probe in the page watches the DOM from the start;
 * requestAnimationFrame runs just before a paint, a message posted from it just after.
 * Storage is written once on the site's origin before the timed loads, so the page reads it as a learner's.
 */

/** Storage as the app writes it: `cards` flashcards and `items` reviewable tasks, at `now`. */
export function todayStorage({ cards = 5000, items = 500, now }) {
  const day = 86_400_000;
  const sets = Array.from({ length: 12 }, (_, i) => `bench-set-${i}`);
  const all = {};
  for (let i = 0; i < cards; i++) {
    const last = now - (1 + (i % 9)) * day;
    all[`${sets[i % sets.length]}/t${Math.floor(i / 5)}@h#${i % 5}`] = { due: now + ((i % 30) - 5) * day, stab: 3, diff: 5, state: 2, reps: 1, lapses: 0, last, days: 3, log: [[last, 1 + (i % 4)]] };
  }
  const logs = {};
  for (let i = 0; i < items; i++) {
    const set = sets[i % sets.length];
    const log = (logs[`codeblanks:v2:${set}:log`] ??= {});
    const t = now - (1 + (i % 12)) * day;
    log[`${set}/task${i}@h`] = [
      { t, m: 'practice', r: { 1: 'a' }, c: { 1: false, 2: true }, s: false },
      { t: t + 60_000, m: 'practice', r: { 1: 'b' }, c: { 1: true, 2: true }, s: true },
    ];
  }
  return { 'codeblanks:v2:cards': JSON.stringify({ v: 1, cards: all }), ...Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, JSON.stringify(v)])) };
}

/**
 * Runs in the page before any of its scripts: times the first paint with counts and says so on the
 * console. (Storage is seeded once, beforehand: 5,000 cards written into an init script were parsed again
 * on every navigation, 50 ms at 4x CPU charged to the page; and the harness waits for the console line, not
 * with waitForFunction, whose injected script compiled on the page's main thread while it loaded.)
 */
function todayProbe() {
  let painted = false;
  const done = () => {
    const region = document.querySelector('[aria-labelledby="today-due"]');
    return region && !region.textContent.includes('Counting') && document.querySelector('[aria-labelledby="today-progress"] button');
  };
  const observer = new MutationObserver(() => {
    if (painted || !done()) return;
    painted = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => console.debug(`today-painted ${performance.now()}`);
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Opens /today `runs` times (the first warms the HTTP cache like a returning learner's) and keeps the median of the rest. */
export async function measureToday(browser, { url, cards = 5000, cpuRate = 4, runs = 4, viewport = { width: 1280, height: 900 }, log = () => {} }) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const problems = [];
  try {
    const entries = todayStorage({ cards, now: Date.now() });
    await context.addInitScript(todayProbe);
    const page = await context.newPage();
    // Storage as a learner's browser holds it: written once, on the site's origin, before any timed load.
    await page.goto(new URL('bench-seed.txt', url).href);
    await page.evaluate((seed) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
    }, entries);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    if (cpuRate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const samples = [];
    // When the page first rendered (its effect ran), before the reviews were counted: where the time goes.
    const marks = [];
    let shown = null;
    for (let i = 0; i < runs; i++) {
      const painted = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('today-painted '), timeout: 60_000 });
      await page.goto(url, { waitUntil: 'load' });
      const ms = Number((await painted).text().split(' ')[1]);
      const mark = await page.evaluate(() => performance.getEntriesByName('codeblanks:today-rendered')[0]?.startTime ?? null);
      if (i > 0) samples.push(ms);
      if (i > 0) marks.push(mark);
      shown ??= await page.locator('[aria-labelledby="today-due"]').innerText();
    }
    const stored = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('codeblanks:v2:cards')).cards).length);
    if (stored !== cards) problems.push(`${stored} cards stored, not ${cards}`);
    if (!/\d+ flashcards? and \d+ reviews? due/.test(shown ?? '')) problems.push(`the page showed no counts: "${shown}"`);
    const sorted = [...samples].sort((a, b) => a - b);
    const result = { cards, cpuRate, runs: samples.length, paintMs: Math.round(sorted[Math.floor(sorted.length / 2)]), maxMs: Math.round(sorted.at(-1)), renderedMs: marks.map(Math.round), shown, problems };
    log(`today: painted with counts in ${result.paintMs} ms (median of ${samples.length}), max ${result.maxMs} ms; ${shown?.split('\n')[1] ?? ''}`);
    return result;
  } finally {
    await context.close();
  }
}
