/**
 * The bench's one table: every figure, its budget and verdict, and what it compares with. Markdown, so
 * the same text reads in a terminal and pastes into docs/benchmarks.md.
 */
import { BUDGETS, REPORTED_LINES, judge, KB } from '../budgets.mjs';
import { kb } from './dist.mjs';
import { byteFigures } from '../size-check.mjs';

/** Peers' shipped weight (JS + CSS, gzip) from shared/TOOLCHAIN.md. */
export const PEERS = [
  { name: 'H5P Drag the Words', bytes: 253 * KB },
  { name: 'React+dnd-kit+zustand floor', bytes: 81.6 * KB },
];

/** Grammar chunks (refractor's languages), told apart from the app's own lazy chunks in the notes. */
const KNOWN_GRAMMAR = /^(bash|clike|css|http|java|javascript|json|markup|python|sql|typescript|plaintext)$/;

const ms = (x) => (x == null ? 'n/a' : `${Math.round(x)} ms`);
const secs = (x) => (x == null ? 'n/a' : `${(x / 1000).toFixed(2)} s`);
const ratio = (b) => (b == null ? '' : PEERS.map((p) => `${(b / p.bytes).toFixed(2)}x ${p.name} (${kb(p.bytes)})`).join('; '));

/** Reads a figure by budget id from the results. */
export function figureValues(r) {
  const lh = r.lighthouse ?? {};
  const f = {
    // The byte figures as size-check reads them from the build (the embed's, Today's, each mode's)...
    ...byteFigures(r.weight?.static ?? {}),
    // ...but for the set page, what Chromium fetched; the static reading stands in when that part failed.
    'weight.setPage': r.weight?.fetched?.total ?? r.weight?.static?.setPage?.total ?? null,
    'weight.embedSeedPage': r.weight?.embedFetched?.total ?? r.weight?.static?.embed?.total ?? null,
    'authoring.validate1000': r.authoring?.problems?.length ? null : r.authoring?.wallMs ?? null,
  };
  for (const page of ['catalogue', 'set']) {
    f[`lighthouse.${page}.performance`] = lh[page]?.performance ?? null;
    f[`lighthouse.${page}.accessibility`] = lh[page]?.accessibility ?? null;
    f[`lighthouse.${page}.cls`] = lh[page]?.cls ?? null;
  }
  for (const i of r.interaction ?? []) {
    // A latency counts only when every trial placed its option: otherwise the timed thing did not happen.
    const trusted = (x) => (x.trials > 0 && x.placed === x.trials ? x.maxMs : null);
    f[`interaction.${i.set}.dragP95`] = i.drag.frames > 0 && i.drag.blanksCrossed > 0 ? i.drag.p95Ms : null;
    f[`interaction.${i.set}.clickToPlace`] = trusted(i.clickToPlace);
    f[`interaction.${i.set}.drop`] = trusted(i.drop);
  }
  // Counts only when every keystroke was timed and showed in its box.
  f['typed.keystrokeP95'] = r.typed && !r.typed.problems?.length ? r.typed.keystrokeToPaintP95 : null;
  f['today.paint5000'] = r.today && !r.today.problems?.length ? r.today.paintMs : null;
  const o = r.order;
  if (o?.drag) {
    f[`order.${o.set}.dragP95`] = o.drag.frames > 0 && o.drag.slotsCrossed > 0 ? o.drag.p95Ms : null;
    f[`order.${o.set}.drop`] = o.drop.trials > 0 && o.drop.placed === o.drop.trials ? o.drop.maxMs : null;
  }
  return f;
}

/** Verdicts for every budget: [{ id, label, limit, value, ok, over }]. */
export function verdicts(r) {
  const values = figureValues(r);
  return BUDGETS.map((b) => ({ id: b.id, label: b.label, ...judge(b, values[b.id]) }));
}

/** The rows of the table, in reading order. */
export function tableRows(r) {
  const v = Object.fromEntries(verdicts(r).map((x) => [x.id, x]));
  const status = (id) => {
    const x = v[id];
    if (!x) return '—';
    if (x.ok) return 'ok';
    return `**MISS** ${x.over}`;
  };
  const budget = (id) => v[id]?.limit ?? '—';
  const rows = [];
  const row = (area, figure, value, id, notes = '') => rows.push({ area, figure, value, budget: id ? budget(id) : '—', status: id ? status(id) : '—', notes });

  // Weight
  const w = r.weight ?? {};
  const fetched = w.fetched;
  const stat = w.static?.setPage;
  row(
    'Weight',
    'Set page JS+CSS, gzip -9, as fetched by Chromium',
    fetched ? `${kb(fetched.total)} (JS ${kb(fetched.js)}, CSS ${kb(fetched.css)}; ${fetched.files.length} files)` : `n/a: ${r.errors?.weight ?? 'not run'}`,
    'weight.setPage',
    ratio(fetched?.total),
  );
  const agree = fetched && stat ? (fetched.total === stat.total ? 'same files and bytes as fetched' : `differs from fetched by ${kb(stat.total - fetched.total)}`) : '';
  row(
    'Weight',
    'Set page JS+CSS, gzip -9, read from the build (cross-check)',
    stat ? kb(stat.total) : `n/a: ${w.static?.setPageError ?? 'not run'}`,
    null,
    stat
      ? `${agree}; ${kb(stat.initial)} up front + grammars for ${stat.languages.join(', ')}; ` +
          `other lazy chunks: ${(stat.otherLazy ?? []).filter((c) => !KNOWN_GRAMMAR.test(c.chunk)).map((c) => `${c.chunk} ${kb(c.gzip)}`).join(', ') || 'none'}; with every lazy chunk: ${kb(stat.worstCase)}`
      : '',
  );
  const embed = w.static?.embed;
  const embedFetched = w.embedFetched;
  row(
    'Weight',
    'Embed bundle JS+CSS, gzip -9: the script with its styles and static imports',
    embed ? kb(embed.initial) : `n/a: ${(w.static?.embedError ?? 'not run')}`,
    'weight.embed',
    ratio(embed?.initial),
  );
  const seedPage = figureValues(r)['weight.embedSeedPage'];
  const line = seedPage == null ? null : judge(REPORTED_LINES[0], seedPage);
  row(
    'Weight',
    'Embed on a course page showing the seed set, as fetched (grammars for its languages included)',
    embedFetched ? `${kb(embedFetched.total)} (JS ${kb(embedFetched.js)}, CSS ${kb(embedFetched.css)}; ${embedFetched.files.length} files)` : `n/a: ${(r.errors?.['embed-weight'] ?? w.static?.embedError ?? 'not run')}`,
    null,
    `${line ? `reported, not a budget: ${line.ok ? 'within' : `over by ${line.over.replace(/^\+/, '')} against`} ${line.limit}; ` : ''}${ratio(embedFetched?.total ?? embed?.total)}`,
  );
  const embedAgree = embedFetched && embed ? (embedFetched.total === embed.total ? 'same files and bytes as fetched' : `differs from fetched by ${kb(embed.total - embedFetched.total)}`) : '';
  row(
    'Weight',
    'Embed bundle JS+CSS, gzip -9, read from the build (cross-check)',
    embed ? kb(embed.total) : `n/a: ${(w.static?.embedError ?? 'not run')}`,
    null,
    embed
      ? `${embedAgree}; ${embed.entry ?? 'no entry found'} with its imports ${kb(embed.initial)} + grammars for ${(embed.languages ?? []).join(', ')}; ` +
          `lazy chunks this page did not need: ${(embed.otherLazy ?? []).filter((c) => !KNOWN_GRAMMAR.test(c.chunk)).map((c) => `${c.chunk} ${kb(c.gzip)}`).join(', ') || 'none'} (and other grammars); every file under ${embed.rule}: ${kb(embed.allFiles)}`
      : '',
  );
  const today = w.static?.today;
  row(
    'Weight',
    'Today page JS+CSS, gzip -9, read from the build: today.html with the chunks it requests as it starts',
    today ? kb(today.total) : `n/a: ${(w.static?.todayError ?? 'not run')}`,
    'weight.today',
    today ? `${kb(today.initial)} up front + ${kb(today.total - today.initial)} export, import and FSRS; ${today.files.length} files` : '',
  );
  for (const m of w.static?.modes ?? []) {
    row('Weight', `Mode chunk: ${m.mode}, gzip -9, read from the build`, kb(m.gzip), `weight.mode.${m.mode}`, m.fsrs ? `${m.chunk} ${kb(m.view)} + FSRS's chunk ${kb(m.fsrs)}` : m.chunk);
  }
  if (w.static?.modesError) row('Weight', 'Mode chunks, gzip -9, read from the build', `n/a: ${w.static.modesError}`, null);
  for (const [key, label] of [['setPage', 'set page'], ['embed', 'embed']]) {
    const groups = w.attribution?.[key];
    if (!groups?.length) continue;
    const total = groups.reduce((a, g) => a + g.gzipEstimate, 0);
    row(
      'Weight',
      `What the ${label}'s JS is, by package or src/ folder (source maps; gzip share estimated)`,
      groups.slice(0, 6).map((g) => `${g.group} ${kb(g.gzipEstimate)}`).join(', '),
      null,
      `JS ${kb(total)} in all; the rest: ${groups.slice(6).map((g) => `${g.group} ${kb(g.gzipEstimate)}`).join(', ')}`,
    );
  }

  // Load
  const lhRuns = r.lighthouse?.set?.runs ?? r.lighthouse?.catalogue?.runs;
  for (const [page, label] of [['catalogue', 'Catalogue (/)'], ['set', 'Set page (oauth2-client-credentials)']]) {
    const l = r.lighthouse?.[page];
    const area = `Load: Lighthouse 12.2.3, mobile${lhRuns > 1 ? `, median of ${lhRuns}` : ''}`;
    if (!l) {
      row(area, `${label}: scores`, `n/a: ${r.errors?.lighthouse ?? 'not run'}`, `lighthouse.${page}.performance`);
      continue;
    }
    const failing = (list) => list.map((a) => a.id).join(', ');
    row(area, `${label}: performance`, String(l.performance), `lighthouse.${page}.performance`, l.performanceRuns.length > 1 ? `runs: ${l.performanceRuns.join(', ')}` : '');
    row(area, `${label}: accessibility`, String(l.accessibility), `lighthouse.${page}.accessibility`, l.failing.accessibility.length ? `failing: ${failing(l.failing.accessibility)}` : '');
    row(area, `${label}: best practices`, String(l.bestPractices), null, l.failing.bestPractices.length ? `failing: ${failing(l.failing.bestPractices)}` : '');
    row(area, `${label}: LCP / TBT`, `${secs(l.lcpMs)} / ${ms(l.tbtMs)}`, null, `FCP ${secs(l.fcpMs)}`);
    row(area, `${label}: CLS`, l.cls == null ? 'n/a' : l.cls.toFixed(3), `lighthouse.${page}.cls`);
  }

  // Interaction
  for (const i of r.interaction ?? []) {
    const area = `Interaction: ${i.blanks} blanks x ${i.options} options, 4x CPU`;
    const judged = BUDGETS.some((b) => b.id.startsWith(`interaction.${i.set}.`));
    const id = (k) => (judged ? `interaction.${i.set}.${k}` : null);
    row(area, 'Mount-to-paint (navigation to the paint with every blank)', ms(i.mount.ms), null, `${i.mount.source}; blanks in DOM ${ms(i.mount.blanksInDomMs)}${i.mount.appMarkMs != null ? `; app mark codeblanks:set-rendered ${ms(i.mount.appMarkMs)}` : ''}`);
    row(area, 'Drag frame time p50 / p95 (rAF deltas)', `${i.drag.p50Ms ?? 'n/a'} / ${i.drag.p95Ms ?? 'n/a'} ms`, id('dragP95'), `${i.drag.frames} frames, max ${i.drag.maxMs} ms; ${i.drag.pointermoves} pointermoves over ${i.drag.blanksCrossed} on-screen blanks`);
    const lat = (x) => (x.trials ? `${x.maxMs} ms max, p95 ${x.p95Ms} ms` : 'n/a');
    const latNote = (x) => `${x.placed}/${x.trials} placed${x.belowThreshold ? `; ${x.belowThreshold} under the 16 ms Event Timing threshold (counted as 16)` : ''}`;
    row(area, 'Click-to-place (Event Timing, option click after a blank is selected)', lat(i.clickToPlace), id('clickToPlace'), latNote(i.clickToPlace));
    row(area, 'Drop (Event Timing, pointerup of a drag onto a blank)', lat(i.drop), id('drop'), latNote(i.drop));
    row(area, 'Work per drag move, PROXY: DOM mutation records per pointermove', String(i.domMutationsPerMove.value), null, 'the app exposes no React Profiler hook: mutations, not renders (timed pass)');
    const re = i.react ?? {};
    row(
      area,
      'React component renders per pointermove during the drag (DevTools hook, untimed pass)',
      re.rendersPerMove == null ? `n/a: ${re.problem ?? 'not run'}` : `${re.rendersPerMove} (${re.commitsPerMove} commits)`,
      null,
      re.topComponentsByElement ? `most rendered, by the element they draw: ${re.topComponentsByElement.map((t) => `${t.element} ${t.rendersPerMove}`).join(', ')}` : '',
    );
    if (i.problems?.length) row(area, 'Problems', i.problems.join('; '), null);
  }
  const o = r.order;
  if (o?.drag) {
    const area = `Line order: ${o.lines} lines + ${o.distractors} distractors, 4x CPU`;
    row(area, 'Drag frame time p50 / p95 (rAF deltas)', `${o.drag.p50Ms ?? 'n/a'} / ${o.drag.p95Ms ?? 'n/a'} ms`, `order.${o.set}.dragP95`, `${o.drag.frames} frames, max ${o.drag.maxMs} ms; over ${o.drag.slotsCrossed} on-screen slots`);
    row(area, 'Drop (Event Timing, pointerup of a drag onto an empty slot)', o.drop.trials ? `${o.drop.maxMs} ms max, p95 ${o.drop.p95Ms} ms` : 'n/a', `order.${o.set}.drop`, `${o.drop.placed}/${o.drop.trials} placed`);
    if (o.problems?.length) row(area, 'Problems', o.problems.join('; '), null);
  } else row('Line order', '40 lines + 10 distractors', `n/a: ${o?.problems?.join('; ') ?? r.errors?.interaction ?? 'not run'}`, 'order.order-40x10.dragP95');
  if (!r.interaction?.length) row('Interaction', 'Stress sets', `n/a: ${r.errors?.interaction ?? 'not run'}`, 'interaction.stress-50x200.dragP95');

  const t = r.typed;
  row(
    `Type it: ${t?.blanks ?? 50} blanks, 4x CPU`,
    'Keystroke to paint p50 / p95 (keydown to the end of the next painted frame)',
    t ? `${t.keystrokeToPaintP50} / ${t.keystrokeToPaintP95} ms` : `n/a: ${r.errors?.typed ?? 'not run'}`,
    'typed.keystrokeP95',
    t ? `${t.keystrokes} keystrokes into the first, middle and last blank, max ${t.keystrokeToPaintMax} ms; Event Timing: ${typeof t.eventTiming === 'string' ? t.eventTiming : `${t.eventTiming.over16ms} over 16 ms${t.eventTiming.maxMs != null ? `, max ${Math.round(t.eventTiming.maxMs)} ms` : ''}`}${t.problems?.length ? `; problems: ${t.problems.join('; ')}` : ''}` : '',
  );

  const d = r.today;
  row(
    `Today: ${(d?.cards ?? 5000).toLocaleString('en-US')} cards stored, 4x CPU`,
    'Navigation start to the first frame painted with the counts of what is due (median of the warm runs)',
    d ? `${d.paintMs} ms` : `n/a: ${r.errors?.today ?? 'not run'}`,
    'today.paint5000',
    d ? `max ${d.maxMs} ms over ${d.runs} runs; 500 reviewable tasks in the logs too${d.problems?.length ? `; problems: ${d.problems.join('; ')}` : ''}` : '',
  );

  // Authoring
  const a = r.authoring;
  row(
    'Authoring',
    '`npm run validate` over 1,000 generated files, wall',
    a ? ms(a.wallMs) : `n/a: ${r.errors?.authoring ?? 'not run'}`,
    'authoring.validate1000',
    a ? `runs: ${a.runsMs.join(', ')} ms; the same command over 1 file: ${ms(a.oneFileMs)} (npm + tsx start-up)${a.problems.length ? `; ${a.problems.join('; ')}` : ''}` : '',
  );
  return rows;
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown of the rows. */
export function markdownTable(rows) {
  const head = '| Area | Figure | Value | Budget | Verdict | Compared with / notes |\n|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${[r.area, r.figure, r.value, r.budget, r.status, r.notes].map(cell).join(' | ')} |`)].join('\n');
}
