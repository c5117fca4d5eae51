/**
 * Type it at scale: a stress set's learner page in Type it mode (`&mode=typed`), in Chromium with the CPU
 * slowed 4x through CDP, and one figure: keystroke to paint. Each keystroke is a raw CDP key press
 * (page.keyboard, never a locator action, whose checks would run in the page during the timing) into a
 * blank's text box; a probe in the page takes the keydown's timestamp and the end of the first frame
 * painted after it (requestAnimationFrame runs just before a paint, a message posted from it just after).
 * Event Timing (PerformanceObserver 'event', threshold 16 ms) is read beside it as a cross-check: its
 * duration is the browser's own "input to next paint" for the events that reached 16 ms.
 * Blanks are found by the accessible names the e2e tests use (text boxes "Blank N" in region "Task 1").
 */

/** Runs in the page before any of its scripts. */
function keystrokeProbe() {
  const bench = { samples: [], events: [], on: false };
  window.__typed = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (bench.on) bench.events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart, interactionId: e.interactionId ?? 0 });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  } catch {
    bench.eventTimingUnsupported = true;
  }
  window.addEventListener(
    'keydown',
    (event) => {
      if (!bench.on) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.samples.push(performance.now() - start);
        channel.port2.postMessage(0);
      });
    },
    { capture: true },
  );
}

const quantile = (values, q) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (x) => (x == null ? null : Math.round(x * 10) / 10);

/**
 * Types `keystrokes` characters, one frame-separated press at a time, into blanks spread over Task 1
 * (the first, the middle and the last), and returns the keystroke-to-paint figures.
 */
export async function measureTypedKeystrokes(browser, { url, set, cpuRate = 4, viewport = { width: 1280, height: 900 }, keystrokes = 30, log = () => {} }) {
  const blankCount = Object.keys(set.tasks[0].answers).length;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await context.addInitScript(keystrokeProbe);
    if (cpuRate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(url, { waitUntil: 'load' });
    const region = page.getByRole('region', { name: 'Task 1', exact: true });
    const box = (n) => region.getByRole('textbox', { name: `Blank ${n}`, exact: true });
    await box(1).waitFor({ timeout: 120_000 });
    const found = await region.getByRole('textbox', { name: /^Blank \d+$/ }).count();
    if (found !== blankCount) problems.push(`Task 1 shows ${found} text boxes named "Blank N", the set has ${blankCount}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);

    const targets = [1, Math.ceil(blankCount / 2), blankCount];
    const text = 'abcdefghij';
    const typed = {};
    await page.evaluate(() => (window.__typed.on = true));
    for (let i = 0; i < keystrokes; i++) {
      const n = targets[Math.floor((i * targets.length) / keystrokes)];
      if (i === 0 || n !== targets[Math.floor(((i - 1) * targets.length) / keystrokes)]) {
        await page.evaluate(() => (window.__typed.on = false));
        await box(n).focus();
        await page.waitForTimeout(150);
        await page.evaluate(() => (window.__typed.on = true));
      }
      const char = text[i % text.length];
      typed[n] = (typed[n] ?? '') + char;
      await page.keyboard.press(char);
      // Two frames and a breath between presses: each keystroke is timed on its own.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))));
    }
    await page.waitForTimeout(200);
    const out = await page.evaluate(() => {
      window.__typed.on = false;
      return { samples: window.__typed.samples, events: window.__typed.events, unsupported: window.__typed.eventTimingUnsupported ?? false };
    });
    for (const [n, value] of Object.entries(typed)) {
      const shown = await box(Number(n)).inputValue();
      if (shown !== value) problems.push(`blank ${n} reads "${shown}" after typing "${value}"`);
    }
    if (out.samples.length !== keystrokes) problems.push(`${out.samples.length} of ${keystrokes} keystrokes were timed`);
    const byInteraction = new Map();
    const handlers = new Map();
    for (const e of out.events) {
      if (!e.interactionId) continue;
      byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
      // The time spent in the event handlers themselves (the store update and React's render).
      handlers.set(e.interactionId, (handlers.get(e.interactionId) ?? 0) + e.processing);
    }
    const result = {
      set: set.id,
      blanks: blankCount,
      cpuRate,
      keystrokes: out.samples.length,
      keystrokeToPaintP50: round(quantile(out.samples, 0.5)),
      keystrokeToPaintP95: round(quantile(out.samples, 0.95)),
      keystrokeToPaintMax: round(out.samples.length ? Math.max(...out.samples) : null),
      eventTiming: out.unsupported
        ? 'unsupported'
        : { over16ms: byInteraction.size, maxMs: byInteraction.size ? Math.max(...byInteraction.values()) : null, handlersP50Ms: round(quantile([...handlers.values()], 0.5)), handlersMaxMs: round(handlers.size ? Math.max(...handlers.values()) : null) },
      problems,
    };
    log(`typed keystrokes: p95 ${result.keystrokeToPaintP95} ms, max ${result.keystrokeToPaintMax} ms over ${result.keystrokes}`);
    return result;
  } finally {
    await context.close();
  }
}
