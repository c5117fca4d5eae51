#!/usr/bin/env node
/**
 * Where the time of one interaction goes, for the "what moved each figure" notes in docs/benchmarks.md:
 * a source-mapped production build (temp folder), the 50 x 200 stress set, 4x CPU, and for one
 * click-to-place and one drop: CPU self time by npm package / src folder (V8 sampling profiler, mapped
 * through the source maps), the renderer's own work (style, layout, paint) from a Chromium trace, and
 * React's commits and component renders (by the element each draws).
 *
 *   node --import tsx scripts/bench/profile.mjs [--blanks 50 --options 200]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { attributeBuild, decodeSegment, groupOf } from './lib/attribute.mjs';
import { CHROME_FLAGS, chromePath } from './lib/chrome.mjs';
import { stressSet } from './lib/generate-sets.mjs';
import { servePreview } from './lib/server.mjs';
import { addSets, discoverSetRoute } from './lib/site.mjs';
import { reactProbe } from './lib/interaction.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** file name -> { sources, lines: [[genCol, sourceIndex]...] } for position lookups. */
function loadMaps(dir) {
  const maps = {};
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    let src = 0;
    const lines = map.mappings.split(';').map((line) => {
      let col = 0;
      const segs = [];
      for (const s of line.split(',')) {
        if (!s) continue;
        const d = decodeSegment(s);
        col += d[0];
        if (d.length > 1) {
          src += d[1];
          segs.push([col, src]);
        }
      }
      return segs;
    });
    maps[file.split('/').pop().replace(/\.map$/, '')] = { sources: map.sources, lines };
  }
  return maps;
}

function where(maps, frame) {
  if (!frame.url) return frame.functionName || '(anonymous)';
  const m = maps[frame.url.split('/').pop().split('?')[0]];
  if (!m) return '(page glue)';
  let best = null;
  for (const seg of m.lines[frame.lineNumber] ?? []) {
    if (seg[0] <= frame.columnNumber) best = seg;
    else break;
  }
  return best ? groupOf(m.sources[best[1]]) : '(unmapped)';
}

const RENDERER_WORK = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'];

async function profiled(page, cdp, maps, act) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  await act();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const self = new Map();
  for (const id of profile.samples) {
    const key = where(maps, byId.get(id).callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  self.delete('(idle)');
  const renderer = {};
  for (const e of events) if (e.ph === 'X' && RENDERER_WORK.includes(e.name)) renderer[e.name] = (renderer[e.name] ?? 0) + e.dur / 1000;
  const dispatch = events.filter((e) => e.name === 'EventDispatch' && e.dur > 2000).map((e) => `${e.args?.data?.type} ${Math.round(e.dur / 1000)} ms`);
  return {
    cpuSelfMs: [...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${Math.round(v)}`),
    rendererMs: Object.fromEntries(Object.entries(renderer).map(([k, v]) => [k, Math.round(v)])),
    longEvents: dispatch,
  };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'codeblanks-profile-'));
  try {
    const out = join(work, 'site');
    await attributeBuild({ root: ROOT, outDir: out });
    const set = stressSet({ blanks: arg('blanks', 50), options: arg('options', 200) });
    await addSets(ROOT, out, [set]);
    const maps = loadMaps(out);
    const server = await servePreview({ root: ROOT, outDir: out });
    const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // React's commits and renders during each interaction, by the element each component draws.
      await page.addInitScript(reactProbe);
      const counted = async (run) => {
        await page.evaluate(() => Object.assign(window.__benchReact, { counting: true, commits: 0, renders: 0, byHost: {} }));
        const result = await run();
        await page.waitForTimeout(200);
        const react = await page.evaluate(() => ({ ...window.__benchReact, counting: false }));
        await page.evaluate(() => (window.__benchReact.counting = false));
        const top = Object.entries(react.byHost).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v}`);
        return { ...result, react: { commits: react.commits, renders: react.renders, top } };
      };
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await page.goto(discoverSetRoute(ROOT).setUrl(server.url, set.id));
      const region = page.getByRole('region', { name: 'Task 1', exact: true });
      await region.getByRole('button', { name: /^Blank 1, empty$/ }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const box = async (name) => region.getByRole('button', { name, exact: typeof name === 'string' }).boundingBox();
      const mid = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
      const [first, second] = set.tasks[0].options;
      // The bank sits below the code: centre its first option, then take the last two blanks on screen.
      await region.getByRole('button', { name: first, exact: true }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const blanks = [];
      for (let n = Object.keys(set.tasks[0].answers).length; n >= 1 && blanks.length < 2; n--) {
        const b = await box(new RegExp(`^Blank ${n}, empty$`));
        if (b && b.y > 50 && b.y + b.height < 850 && b.x + b.width < 1240) blanks.push({ n, at: mid(b) });
      }
      if (blanks.length < 2) throw new Error('no two blanks on screen with the option bank');
      const [one, two] = blanks;
      await page.mouse.click(one.at.x, one.at.y);
      await page.waitForTimeout(300);
      const o1 = mid(await box(first));
      const click = await counted(() => profiled(page, cdp, maps, () => page.mouse.click(o1.x, o1.y)));
      await page.waitForTimeout(300);
      const o2 = mid(await box(second));
      const b2 = two.at;
      await page.mouse.move(o2.x, o2.y);
      await page.mouse.down();
      await page.mouse.move(o2.x + 8, o2.y - 8);
      await page.mouse.move(b2.x, b2.y, { steps: 10 });
      await page.waitForTimeout(300);
      const drop = await counted(() => profiled(page, cdp, maps, () => page.mouse.up()));
      const landed = async (n, text) => (await region.getByRole('button', { name: `Blank ${n}: ${text}` }).count()) === 1;
      console.log(JSON.stringify({ set: set.id, cpu: '4x', clickToPlace: { placed: await landed(one.n, first), ...click }, drop: { placed: await landed(two.n, second), ...drop } }, null, 2));
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
