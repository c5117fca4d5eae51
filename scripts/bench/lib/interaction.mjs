/**
 * Interaction at scale: a stress set on the learner page in Chromium (playwright-core) with the CPU
 * slowed 4x through CDP, measured the way a learner meets it:
 *   - mount-to-paint: navigation start -> the end of the first frame painted after every blank of Task 1
 *     is in the DOM (the app's own performance mark is reported beside it);
 *   - drag frames: requestAnimationFrame deltas recorded in the page while the mouse drags an option
 *     across the on-screen blanks of the code;
 *   - click-to-place and drop: Event Timing (PerformanceObserver type 'event', durationThreshold 16):
 *     the longest event of the option click after a blank is selected, and of the pointerup that drops;
 *   - work per drag move: DOM mutation records per pointermove (MutationObserver; a proxy, since the app
 *     exposes no React Profiler hook) in the timed pass, and, in a separate untimed pass, React component
 *     renders counted through React's own DevTools hook (the one React DevTools reads).
 * Pages are found by the accessible-name contract only (regions "Task N", buttons "Blank N, empty",
 * "Blank N: <option>", options by their text), like the e2e tests; the mouse is driven with raw CDP input
 * (page.mouse), never locator.click(), whose checks would run in the page during the events being timed.
 */

const EMPTY_OR_FILLED = /^Blank (\d+)(?:, empty|: )/;

/** Runs in the page before any of its scripts: the observers the measurements read. */
export function pageProbe(expectedBlanks) {
  const bench = { events: [], frames: null, mutations: 0, mutationObserver: null, moves: 0, blanksInDom: null, paintAfterBlanks: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.events.push({ name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId ?? 0 });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    bench.eventTimingUnsupported = true;
  }
  window.addEventListener('pointermove', () => bench.moves++, { capture: true, passive: true });

  // Mount: count buttons named "Blank N, empty" / "Blank N: …" after each DOM change, until all are there.
  const nameOf = (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  const countBlanks = () => {
    let n = 0;
    for (const b of document.getElementsByTagName('button')) if (/^Blank \d+(, empty|: )/.test(nameOf(b))) n++;
    return n;
  };
  const mountObserver = new MutationObserver(() => {
    if (bench.blanksInDom !== null || countBlanks() < expectedBlanks) return;
    bench.blanksInDom = performance.now();
    mountObserver.disconnect();
    // rAF runs just before the frame is painted; a message posted from it runs just after.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench.paintAfterBlanks = performance.now();
      };
      channel.port2.postMessage(0);
    });
  });
  mountObserver.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });

  bench.startFrames = () => {
    const frames = [];
    bench.frames = frames;
    let last = null;
    const tick = (t) => {
      if (bench.frames !== frames) return;
      if (last !== null) frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  bench.stopFrames = () => {
    const frames = bench.frames ?? [];
    bench.frames = null;
    return frames;
  };
  bench.startMutations = () => {
    bench.mutations = 0;
    bench.moves = 0;
    bench.mutationObserver = new MutationObserver((records) => {
      bench.mutations += records.length;
    });
    bench.mutationObserver.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  bench.stopMutations = () => {
    const pending = bench.mutationObserver?.takeRecords().length ?? 0;
    bench.mutationObserver?.disconnect();
    return { mutations: bench.mutations + pending, moves: bench.moves };
  };
}

/**
 * Runs in the page before React loads, in the untimed pass only: a minimal stand-in for React DevTools'
 * global hook. React (production builds too) reports every commit to it; a component rendered in a
 * commit when its fiber is new or carries the PerformedWork flag, and subtrees whose child pointers did
 * not change were not re-rendered (the same test React DevTools uses). Each rendered component is named
 * by the class of the first DOM element it renders, since production names are minified.
 */
export function reactProbe() {
  const stats = { counting: false, commits: 0, renders: 0, byHost: {} };
  window.__benchReact = stats;
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const hostName = (fiber) => {
    for (let f = fiber; f; f = f.child) {
      if (f.tag === 5 && f.stateNode?.className !== undefined) return `${f.stateNode.tagName.toLowerCase()}.${String(f.stateNode.className).split(' ')[0] || '(no class)'}`;
    }
    return '(no element)';
  };
  const walk = (fiber) => {
    for (let f = fiber; f; f = f.sibling) {
      const fresh = f.alternate === null;
      if (COMPONENT_TAGS.has(f.tag) && (fresh || (f.flags & 1) === 1)) {
        stats.renders++;
        const name = hostName(f);
        stats.byHost[name] = (stats.byHost[name] ?? 0) + 1;
      }
      if (fresh || f.child !== f.alternate.child) walk(f.child);
    }
  };
  let nextId = 1;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = nextId++;
      this.renderers.set(id, renderer);
      return id;
    },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!stats.counting) return;
      stats.commits++;
      walk(root.current.child);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
}

export const quantile = (values, q) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
export const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
export const center = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Event Timing duration of what happened since `since` (page time): the longest event, or <16. */
export async function longestEventSince(page, since, names) {
  // Entries arrive after the next paint; give the observer two frames and a moment to deliver them.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  const entries = await page.evaluate(
    ({ since, names }) => window.__bench.events.filter((e) => e.startTime >= since - 1 && names.includes(e.name)),
    { since, names },
  );
  if (!entries.length) return { ms: null };
  const worst = entries.reduce((a, b) => (b.duration > a.duration ? b : a));
  return { ms: worst.duration, event: worst.name, processingMs: round(worst.processingEnd - worst.processingStart) };
}

/**
 * Opens a set's learner page in a fresh context and waits for Task 1's blanks; returns helpers that read
 * the on-screen layout of blanks and options.
 */
async function openLearnerPage(browser, { url, set, viewport, cpuRate, initScripts }) {
  const task = set.tasks[0];
  const blankCount = Object.keys(task.answers).length;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  for (const [fn, arg] of initScripts) await context.addInitScript(fn, arg);
  if (cpuRate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  }
  await page.goto(url, { waitUntil: 'load' });
  const region = page.getByRole('region', { name: 'Task 1', exact: true });
  await region.getByRole('button', { name: EMPTY_OR_FILLED }).first().waitFor({ timeout: 120_000 }).catch(async (error) => {
    const says = await page.locator('h1, [role=alert]').allInnerTexts().catch(() => []);
    await context.close();
    throw new Error(`the learner page of ${set.id} never showed a blank in "Task 1" (${error.message.split('\n')[0]}); the page says: ${says.join(' / ') || 'nothing'}`);
  });
  const optionTexts = new Set(task.options);
  const used = new Set(); // options already placed by a trial: each trial takes a fresh one

  /** Blanks and options of Task 1 as laid out now (names read as aria-label, else text; checked later by role). */
  const layout = async () => {
    const buttons = await region.locator('button').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), x: r.x, y: r.y, width: r.width, height: r.height, disabled: el.disabled };
      }),
    );
    // On screen and clear of the edges where dnd-kit starts auto-scrolling (the app sets 10% / 15%).
    const visible = (b) =>
      b.width > 0 && b.y >= viewport.height * 0.17 && b.y + b.height <= viewport.height * 0.83 && b.x >= viewport.width * 0.12 && b.x + b.width <= viewport.width * 0.88;
    // Clicks need no margin from the edges, only to be in the viewport.
    const inView = (b) => b.width > 0 && b.y >= 0 && b.y + b.height <= viewport.height && b.x >= 0 && b.x + b.width <= viewport.width;
    const blanks = buttons.flatMap((b) => {
      const m = b.name.match(/^Blank (\d+)(, empty|: )/);
      return m ? [{ ...b, n: Number(m[1]), empty: m[2] === ', empty', visible: visible(b), inView: inView(b) }] : [];
    });
    const options = buttons
      .filter((b) => optionTexts.has(b.name) && !b.disabled && !used.has(b.name))
      .map((b) => ({ ...b, text: b.name, visible: visible(b), inView: inView(b) }));
    return { blanks, options };
  };
  return { context, page, region, layout, used, problems, blankCount, task };
}

/**
 * Scrolls to where the most blanks share the screen with enough options for every trial (options may sit
 * below the code, above it, or in a sticky tray: the page is sampled instead of guessed).
 */
async function scrollToWork(page, layout, viewport, needOptions, needBlanks) {
  const maxScroll = await page.evaluate(() => document.scrollingElement.scrollHeight - innerHeight);
  let best = { y: 0, score: -Infinity };
  for (let y = 0; y <= maxScroll + 1; y += Math.max(40, Math.floor(viewport.height / 8))) {
    const top = Math.min(y, maxScroll);
    await page.evaluate((t) => window.scrollTo(0, t), top);
    const { blanks, options } = await layout();
    const vb = blanks.filter((b) => b.visible).length;
    const vo = options.filter((o) => o.visible).length;
    const score = vo >= needOptions && vb >= needBlanks ? 1000 + vb : Math.min(vb, vo);
    if (score > best.score) best = { y: top, score };
  }
  await page.evaluate((t) => window.scrollTo(0, t), best.y);
  await page.waitForTimeout(200);
}

/** The mouse path of the drag sweep: from an on-screen option over every on-screen blank and back. */
async function sweepPath(layout) {
  const { blanks, options } = await layout();
  const pickup = options.find((o) => o.visible);
  const targets = blanks.filter((b) => b.visible).map(center);
  if (!pickup) return { problem: 'drag: no option of Task 1 is on screen' };
  const start = center(pickup);
  const path = [];
  let at = start;
  for (const to of [...targets, start]) {
    const steps = Math.max(2, Math.ceil(Math.hypot(to.x - at.x, to.y - at.y) / 12));
    for (let i = 1; i <= steps; i++) path.push({ x: at.x + ((to.x - at.x) * i) / steps, y: at.y + ((to.y - at.y) * i) / steps });
    at = to;
  }
  const maxMoves = 400;
  const sweep = path.length > maxMoves ? path.filter((_, i) => i % Math.ceil(path.length / maxMoves) === 0) : path;
  return { start, sweep, targets: targets.length, problem: targets.length ? null : 'drag: no blank is on screen together with an option, so the drag crossed no blank' };
}

/** Presses on `start`, moves past dnd-kit's activation distance, runs `during` around the sweep, releases at the start. */
async function dragAlong(page, { start, sweep }, before, after) {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 6, start.y - 6);
  await page.mouse.move(start.x + 12, start.y - 12);
  await before();
  const t0 = Date.now();
  for (const p of sweep) await page.mouse.move(p.x, p.y);
  const wallMs = Date.now() - t0;
  const out = await after();
  await page.mouse.move(start.x, start.y);
  await page.mouse.up();
  await page.waitForTimeout(300);
  return { ...out, wallMs };
}

/**
 * React component renders and commits per pointermove during the same drag sweep, counted through React's
 * DevTools hook in a fresh page without CPU throttling (counts do not depend on speed, and the walk that
 * counts them stays out of the timed pass).
 */
async function countReactRenders(browser, { url, set, viewport }) {
  const s = await openLearnerPage(browser, { url, set, viewport, cpuRate: 1, initScripts: [[pageProbe, Object.keys(set.tasks[0].answers).length], [reactProbe, null]] });
  try {
    const hooked = await s.page.evaluate(() => window.__REACT_DEVTOOLS_GLOBAL_HOOK__?.renderers?.size ?? 0);
    if (!hooked) return { problem: 'React did not register with the DevTools hook: renders not counted' };
    await s.page.waitForLoadState('networkidle');
    await scrollToWork(s.page, s.layout, viewport, 1, 1);
    const path = await sweepPath(s.layout);
    if (path.problem && !path.sweep) return { problem: path.problem };
    const out = await dragAlong(
      s.page,
      path,
      () => s.page.evaluate(() => {
        Object.assign(window.__benchReact, { counting: true, commits: 0, renders: 0, byHost: {} });
        window.__bench.moves = 0;
      }),
      () => s.page.evaluate(() => {
        window.__benchReact.counting = false;
        return { react: { ...window.__benchReact }, moves: window.__bench.moves };
      }),
    );
    const moves = Math.max(1, out.moves);
    const top = Object.entries(out.react.byHost).sort((a, b) => b[1] - a[1]).slice(0, 4);
    return {
      pointermoves: out.moves,
      commitsPerMove: round(out.react.commits / moves, 2),
      rendersPerMove: round(out.react.renders / moves, 1),
      rendersPerCommit: round(out.react.renders / Math.max(1, out.react.commits), 1),
      topComponentsByElement: top.map(([name, n]) => ({ element: name, rendersPerMove: round(n / moves, 1) })),
    };
  } finally {
    await s.context.close();
  }
}

/**
 * Measures one stress set. `set` is the generated JSON; `url` opens its learner page. Returns the figures
 * and what each one rests on.
 */
export async function measureInteraction(browser, { url, set, cpuRate = 4, viewport = { width: 1280, height: 900 }, clickTrials = 5, dropTrials = 5, log = () => {} }) {
  const s = await openLearnerPage(browser, { url, set, viewport, cpuRate, initScripts: [[pageProbe, Object.keys(set.tasks[0].answers).length]] });
  const { page, region, layout, used, problems, blankCount, task } = s;
  let result;
  try {
    // ---- mount-to-paint ----
    await page.waitForFunction(() => window.__bench.paintAfterBlanks !== null, null, { timeout: 120_000 }).catch(() => {});
    const mount = await page.evaluate(() => ({
      blanksInDom: window.__bench.blanksInDom,
      paintAfterBlanks: window.__bench.paintAfterBlanks,
      fcp: performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? null,
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, startTime: m.startTime })),
    }));
    const blanksFound = await region.getByRole('button', { name: EMPTY_OR_FILLED }).count();
    if (blanksFound !== blankCount) problems.push(`Task 1 shows ${blanksFound} blank buttons, the set has ${blankCount}`);
    // The app's own mark (set in an effect after the commit) is shown beside the probe; the probe, which
    // waits for the frame to be painted, is the figure, and the mark stands in only if the probe saw nothing.
    const appMark = mount.marks.find((m) => /^codeblanks[:.]/.test(m.name));
    const mountMs = mount.paintAfterBlanks ?? appMark?.startTime ?? null;
    if (mount.paintAfterBlanks === null && !appMark) problems.push('could not time the paint after the blanks mounted (no blank names seen by the probe)');

    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await scrollToWork(page, layout, viewport, dropTrials + clickTrials + 1, dropTrials);
    const filledWith = (n, text) => region.getByRole('button', { name: new RegExp(`^Blank ${n}: ${escape(text)}$`) });
    const now = () => page.evaluate(() => performance.now());

    // ---- drag frames and DOM work per move ----
    // Drag an on-screen option over every on-screen blank in reading order, then back to where it was
    // picked up, and release there (nothing is placed).
    const path = await sweepPath(layout);
    if (path.problem) problems.push(path.problem);
    let drag = { frames: [], mutations: 0, moves: 0, wallMs: null };
    if (path.sweep) {
      drag = await dragAlong(
        page,
        path,
        () => page.evaluate(() => {
          window.__bench.startFrames();
          window.__bench.startMutations();
        }),
        async () => ({ frames: await page.evaluate(() => window.__bench.stopFrames()), ...(await page.evaluate(() => window.__bench.stopMutations())) }),
      );
    }

    // ---- drop ----
    // Each trial drags an on-screen option onto an on-screen empty blank: any option will do, since a
    // drop places before anything is checked.
    const drops = [];
    for (let trial = 0; trial < dropTrials; trial++) {
      const { blanks, options } = await layout();
      const target = blanks.filter((b) => b.visible && b.empty).at(-1);
      const source = options.filter((o) => o.visible).at(trial % 2 ? 0 : -1);
      if (!target || !source) {
        problems.push(`drop ${trial + 1}: no empty blank and option on screen together`);
        break;
      }
      const a = center(source);
      const b = center(target);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(a.x + 6, a.y - 6);
      await page.mouse.move(b.x, b.y, { steps: 15 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      used.add(source.text);
      const since = await now();
      await page.mouse.up();
      // Timing first, checking second: Playwright's role queries run on the page's main thread and would
      // delay the very paint being timed.
      const timing = await longestEventSince(page, since, ['pointerup', 'mouseup', 'click', 'lostpointercapture']);
      const placed = await filledWith(target.n, source.text).waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (!placed) problems.push(`drop: blank ${target.n} did not read "Blank ${target.n}: ${source.text}" after the drop`);
      drops.push({ blank: target.n, placed, ...timing });
      await page.waitForTimeout(150); // dnd-kit swallows clicks for ~50 ms after a drop
    }

    // ---- click-to-place ----
    // Select an on-screen empty blank, then click an on-screen option: the option click is what is timed.
    const clicks = [];
    for (let trial = 0; trial < clickTrials; trial++) {
      const target = (await layout()).blanks.filter((b) => b.inView && b.empty)[0];
      if (!target) {
        problems.push(`click ${trial + 1}: no empty blank on screen`);
        break;
      }
      const t = center(target);
      await page.mouse.click(t.x, t.y);
      await page.waitForTimeout(100);
      const source = (await layout()).options.filter((o) => o.inView).at(trial % 2 ? -1 : 0);
      if (!source) {
        problems.push(`click ${trial + 1}: no unused option on screen`);
        break;
      }
      used.add(source.text);
      const o = center(source);
      const since = await now();
      await page.mouse.click(o.x, o.y);
      const timing = await longestEventSince(page, since, ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click']);
      const placed = await filledWith(target.n, source.text).waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (!placed) problems.push(`click-to-place: blank ${target.n} did not read "Blank ${target.n}: ${source.text}" after the click`);
      clicks.push({ blank: target.n, placed, ...timing });
      await page.waitForTimeout(100);
    }

    const latency = (trials) => {
      const known = trials.map((t) => t.ms ?? 16);
      return {
        maxMs: round(Math.max(...known, 0)),
        p95Ms: round(quantile(known, 0.95)),
        trials: trials.length,
        placed: trials.filter((t) => t.placed).length,
        belowThreshold: trials.filter((t) => t.ms == null).length,
        detail: trials.map(({ blank: n, placed, ms, event, processingMs }) => ({ blank: n, placed, ms: round(ms), event, processingMs })),
      };
    };
    result = {
      set: set.id,
      blanks: blankCount,
      options: task.options.length,
      cpuThrottling: cpuRate,
      viewport,
      mount: {
        ms: round(mountMs),
        source: mount.paintAfterBlanks !== null ? 'probe: end of the first frame painted with every blank' : appMark ? `app mark "${appMark.name}" (probe saw no blanks)` : 'not measured',
        blanksInDomMs: round(mount.blanksInDom),
        fcpMs: round(mount.fcp),
        appMark: appMark?.name ?? null,
        appMarkMs: round(appMark?.startTime),
      },
      drag: {
        frames: drag.frames.length,
        p50Ms: round(quantile(drag.frames, 0.5)),
        p95Ms: round(quantile(drag.frames, 0.95)),
        maxMs: round(Math.max(0, ...drag.frames)),
        moves: path.sweep?.length ?? 0,
        pointermoves: drag.moves,
        blanksCrossed: path.targets ?? 0,
        wallMs: drag.wallMs,
      },
      domMutationsPerMove: { value: round(drag.mutations / Math.max(1, drag.moves), 2), mutations: drag.mutations, source: 'proxy: DOM mutation records per pointermove (MutationObserver), timed pass' },
      clickToPlace: latency(clicks),
      drop: latency(drops),
      problems,
    };
  } finally {
    await s.context.close();
  }
  result.react = await countReactRenders(browser, { url, set, viewport }).catch((error) => ({ problem: `renders not counted: ${error.message.split('\n')[0]}` }));
  log(`  ${set.id}: mount ${result.mount.ms} ms, drag p95 ${result.drag.p95Ms} ms, click ${result.clickToPlace.maxMs} ms, drop ${result.drop.maxMs} ms, ${result.react.rendersPerMove ?? '?'} React renders per move`);
  return result;
}
