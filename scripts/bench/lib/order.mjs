/**
 * Line order at scale: a generated task of 40 lines, 10 of them holding a blank (so 10 distractors,
 * 50 lines in the pool), on its line-order page (`&mode=order`) in Chromium at 4x CPU:
 *   - drag frames: requestAnimationFrame deltas while the mouse drags a pool line over every on-screen
 *     slot of "Your program" and back to where it was picked up (nothing moves);
 *   - drop: Event Timing of the pointerup that drops a pool line on an empty slot (the longest event),
 *     checked afterwards by the slot's accessible name ("Line N: <code>").
 * Pages are found by accessible names only, like the e2e tests; the mouse is raw CDP input.
 */
import { seededRandom } from '../../../src/engine/seeded.ts';
import { center, longestEventSince, pageProbe, quantile, round } from './interaction.mjs';

/** One set with one Python task of `lines` lines, `distractors` of which hold a blank with a wrong option. */
export function orderStressSet({ lines = 40, distractors = 10, seed = 3 } = {}) {
  const random = seededRandom(seed);
  const code = ['def configure(app):'];
  const options = [];
  const answers = {};
  const mistakes = [];
  const every = Math.floor((lines - 2) / distractors);
  for (let i = 1, blank = 0; i <= lines - 2; i++) {
    const name = `setting_${i}_${Math.floor(random() * 1000)}`;
    if (blank < distractors && i % every === 0) {
      blank += 1;
      const right = `value_${blank}`;
      const wrong = `value_${blank}_old`;
      options.push(right, wrong);
      answers[String(blank)] = right;
      mistakes.push({ text: `Line ${i} uses the old value.`, when: { [String(blank)]: wrong } });
      code.push(`    ${name} = app.build([[${blank}]], retries=${i % 7})`);
    } else code.push(`    ${name} = app.build(retries=${i % 7})`);
  }
  code.push('    return app');
  const id = `order-${lines}x${distractors}`;
  return {
    formatVersion: 1,
    id,
    title: `Stress: line order, ${lines} lines and ${distractors} distractors`,
    subject: 'Benchmark',
    tasks: [
      {
        id: 'order',
        difficulty: 'hard',
        prompt: `Put all ${lines} lines in order.`,
        language: 'python',
        code,
        options,
        answers,
        mistakes,
        explanation: 'A generated task that measures line order at scale.',
      },
    ],
  };
}

const SLOT = /^Line (\d+)(, empty|: )/;

export async function measureOrder(browser, { url, set, cpuRate = 4, viewport = { width: 1280, height: 900 }, dropTrials = 5, log = () => {} }) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await context.addInitScript(pageProbe, 0);
  if (cpuRate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  try {
    await page.goto(url, { waitUntil: 'load' });
    const region = page.getByRole('region', { name: 'Task 1', exact: true });
    await region.getByRole('button', { name: SLOT }).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const poolTexts = new Set(set.tasks[0].code.map((l) => l.trim()));
    const layout = async () => {
      const buttons = await region.locator('button').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), pool: !!el.closest('[data-pool]'), x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      const visible = (b) => b.width > 0 && b.y >= viewport.height * 0.17 && b.y + b.height <= viewport.height * 0.83;
      const slots = buttons.flatMap((b) => {
        const m = b.name.match(SLOT);
        return m ? [{ ...b, n: Number(m[1]), empty: m[2] === ', empty', visible: visible(b) }] : [];
      });
      const lines = buttons.filter((b) => b.pool && b.width > 0).map((b) => ({ ...b, visible: visible(b), known: poolTexts.has(b.name) }));
      return { slots, lines };
    };
    // Scroll so that the program's first slots and pool lines share the screen.
    await region.getByRole('heading', { name: 'Your program' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -160));
    await page.waitForTimeout(200);

    // ---- drag frames ----
    const { slots, lines } = await layout();
    const pickup = lines.find((l) => l.visible);
    const targets = slots.filter((s) => s.visible).map(center);
    let frames = [];
    if (!pickup || !targets.length) problems.push('drag: no pool line and program slot on screen together');
    else {
      const start = center(pickup);
      const path = [];
      let at = start;
      for (const to of [...targets, start]) {
        const steps = Math.max(2, Math.ceil(Math.hypot(to.x - at.x, to.y - at.y) / 12));
        for (let i = 1; i <= steps; i++) path.push({ x: at.x + ((to.x - at.x) * i) / steps, y: at.y + ((to.y - at.y) * i) / steps });
        at = to;
      }
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + 6, start.y - 6);
      await page.mouse.move(start.x + 12, start.y - 12);
      await page.evaluate(() => window.__bench.startFrames());
      for (const p of path.slice(0, 400)) await page.mouse.move(p.x, p.y);
      frames = await page.evaluate(() => window.__bench.stopFrames());
      await page.mouse.move(start.x, start.y);
      await page.mouse.up();
      await page.waitForTimeout(300);
    }

    // ---- drops ----
    const drops = [];
    for (let trial = 0; trial < dropTrials; trial++) {
      const now = await layout();
      const target = now.slots.find((s) => s.visible && s.empty);
      const source = now.lines.filter((l) => l.visible).at(trial % 2 ? 0 : -1);
      if (!target || !source) {
        problems.push(`drop ${trial + 1}: no empty slot and pool line on screen together`);
        break;
      }
      const a = center(source);
      const b = center(target);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(a.x + 6, a.y - 6);
      await page.mouse.move(b.x, b.y, { steps: 15 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const since = await page.evaluate(() => performance.now());
      await page.mouse.up();
      const timing = await longestEventSince(page, since, ['pointerup', 'mouseup', 'click', 'lostpointercapture']);
      const text = source.name.replace(/ \(\d+ lines joined\)$/, '');
      const placed = await region
        .getByRole('button', { name: `Line ${target.n}: ${text}`, exact: false })
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true, () => false);
      if (!placed) problems.push(`drop: slot ${target.n} did not read "Line ${target.n}: ${text}" after the drop`);
      drops.push({ slot: target.n, placed, ...timing });
      await page.waitForTimeout(150);
    }
    const known = drops.map((d) => d.ms ?? 16);
    const result = {
      set: set.id,
      lines: set.tasks[0].code.length,
      distractors: set.tasks[0].mistakes.length,
      cpuThrottling: cpuRate,
      viewport,
      drag: { frames: frames.length, p50Ms: round(quantile(frames, 0.5)), p95Ms: round(quantile(frames, 0.95)), maxMs: round(Math.max(0, ...frames)), slotsCrossed: targets.length },
      drop: {
        maxMs: round(Math.max(...known, 0)),
        p95Ms: round(quantile(known, 0.95)),
        trials: drops.length,
        placed: drops.filter((d) => d.placed).length,
        belowThreshold: drops.filter((d) => d.ms == null).length,
        detail: drops.map(({ slot, placed, ms, event, processingMs }) => ({ slot, placed, ms: round(ms), event, processingMs })),
      },
      problems,
    };
    log(`  ${set.id}: drag p95 ${result.drag.p95Ms} ms over ${targets.length} slots, drop ${result.drop.maxMs} ms (${result.drop.placed}/${result.drop.trials} placed)`);
    return result;
  } finally {
    await context.close();
  }
}
