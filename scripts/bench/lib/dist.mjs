/**
 * Static weight analysis of a production build (no browser): which JS and CSS a page's HTML pulls in,
 * what those chunks import (statically, and on demand through `import()`), and gzip -9 of each file.
 * The bench cross-checks these figures against what Chromium really fetched; size-check.mjs budgets them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { KB } from '../budgets.mjs';

/** gzip -9 (node zlib level 9) of a buffer or string: the unit of every byte figure in the bench. */
export function gzipBytes(data) {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 9 }).length;
}

/** Bytes as "12.3 KB" (1 KB = 1000 bytes, as TOOLCHAIN.md's peer figures are written). */
export const kb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / KB).toFixed(1)} KB`);

/** Paths of the module scripts, modulepreloads and stylesheets that an HTML file names. */
export function htmlAssets(html) {
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
  const scripts = [];
  const preloads = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) styles.push(href);
    else if (rel.includes('modulepreload')) preloads.push(href);
  }
  return { scripts, preloads, styles };
}

/**
 * The imports written in one minified ES chunk: static (`import … from"./x.js"`, `import"./x.js"`,
 * `export … from`), dynamic (`import("./x.js")`), and Vite's preload map (`__vite__mapDeps`), which lists,
 * per dynamic import, the JS and CSS files fetched with it (paths relative to the site's base).
 */
export function chunkImports(code) {
  const statics = new Set();
  for (const m of code.matchAll(/\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) statics.add(m[1]);
  for (const m of code.matchAll(/\bimport\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) statics.add(m[1]);
  const mapDeps = JSON.parse(code.match(/__vite__mapDeps=[^;]*?m\.f=(\[[^\]]*\])/)?.[1] ?? '[]');
  const dynamics = [];
  for (const m of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) {
    // Vite wraps each import() in its preload helper, whose second argument names the deps to fetch.
    const after = code.slice(m.index, m.index + 600);
    const deps = after.match(/__vite__mapDeps\(\[([\d,\s]*)\]\)/);
    const indices = deps && after.indexOf(deps[0]) < (after.indexOf('import(', 7) >>> 0) ? deps[1] : '';
    dynamics.push({
      spec: m[1],
      deps: indices.split(',').filter(Boolean).map((i) => mapDeps[Number(i)]).filter(Boolean),
    });
  }
  return { statics: [...statics], dynamics };
}

/** A file of the build, with its raw and gzip -9 sizes. */
export function fileInfo(distDir, file) {
  const data = readFileSync(join(distDir, file));
  return { file, kind: file.endsWith('.css') ? 'css' : 'js', raw: data.length, gzip: gzipBytes(data) };
}

/** Turns a URL in an HTML file or a base-relative path into a path inside dist (posix, no leading ./). */
function fromUrl(url, fromDir = '') {
  const clean = url.split(/[?#]/)[0];
  if (/^[a-z]+:\/\//i.test(clean)) return null; // another origin: not ours to weigh
  const p = clean.startsWith('/') ? clean.slice(1) : posix.join(fromDir, clean);
  return posix.normalize(p).replace(/^\.\//, '');
}

/**
 * What a page of the build loads: `initial` = the HTML's scripts, preloads and stylesheets and every chunk
 * they statically import; `lazy` = one group per `import()` target (its closure and its CSS) not already
 * initial. A page fetches `initial` plus the lazy groups its route asks for.
 */
export function pageGraph(distDir, htmlFile) {
  const html = readFileSync(join(distDir, htmlFile), 'utf8');
  const htmlDir = posix.dirname(htmlFile) === '.' ? '' : posix.dirname(htmlFile);
  const { scripts, preloads, styles } = htmlAssets(html);
  const rootFiles = [...scripts, ...preloads, ...styles].map((u) => fromUrl(u, htmlDir)).filter(Boolean);
  return { html: htmlFile, ...moduleGraph(distDir, rootFiles) };
}

/** The same reading from module files instead of an HTML page (the embed's entry script). */
export function moduleGraph(distDir, rootFiles) {
  const missing = [];
  const closure = (roots) => {
    const seen = new Set();
    const dynamic = [];
    const stack = [...roots];
    while (stack.length) {
      const file = stack.pop();
      if (!file || seen.has(file)) continue;
      if (!existsSync(join(distDir, file))) {
        missing.push(file);
        continue;
      }
      seen.add(file);
      if (!/\.m?js$/.test(file)) continue;
      const { statics, dynamics } = chunkImports(readFileSync(join(distDir, file), 'utf8'));
      for (const s of statics) stack.push(posix.normalize(posix.join(posix.dirname(file), s)));
      for (const d of dynamics) dynamic.push({ from: file, ...d });
    }
    return { files: seen, dynamic };
  };
  const initial = closure(rootFiles);
  const lazy = new Map();
  const queue = [...initial.dynamic];
  while (queue.length) {
    const d = queue.shift();
    const target = posix.normalize(posix.join(posix.dirname(d.from), d.spec));
    if (lazy.has(target) || initial.files.has(target)) continue;
    const deps = d.deps.map((p) => fromUrl(p, '')).filter(Boolean);
    const group = closure([target, ...deps]);
    const files = [...group.files].filter((f) => !initial.files.has(f));
    lazy.set(target, files);
    queue.push(...group.dynamic);
  }
  return { initial: [...initial.files], lazy, missing };
}

/** Sums a list of dist files into { js, css, total } gzip bytes, with the per-file rows. */
export function weigh(distDir, files) {
  const rows = [...new Set(files)].map((f) => fileInfo(distDir, f)).sort((a, b) => b.gzip - a.gzip);
  const sum = (kind) => rows.filter((r) => !kind || r.kind === kind).reduce((s, r) => s + r.gzip, 0);
  return { js: sum('js'), css: sum('css'), total: sum(), files: rows };
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Finds the embeddable bundle where vite.embed.config.ts writes it, the folder dist/embed/: every .js and
 * .css file in it (lazy chunks too; source maps and HTML never count), entry codeblanks.js. Throws when it
 * is missing. (One place only: a looser rule once measured the host page's resizer snippet,
 * dist/codeblanks-resizer.js, as "the embed" when the embed build had not run.)
 */
export function findEmbedBundle(dist) {
  const dir = join(dist, 'embed');
  const files = existsSync(dir) && statSync(dir).isDirectory() ? walk(dir).filter((f) => /\.(m?js|css)$/.test(f)) : [];
  const rel = files.map((f) => relative(dist, f).split('\\').join('/'));
  const entry = rel.find((f) => /(^|\/)codeblanks\.m?js$/.test(f));
  if (!entry) throw new Error('no embed bundle: dist/embed/codeblanks.js is missing (the second step of `npm run build`, vite.embed.config.ts, writes it)');
  return { rule: 'dist/embed/', dir: dist, files: rel, entry };
}

/** A lazy chunk's name without folder and content hash: "assets/python-PcNiIBxw.js" -> "python". */
export const chunkStem = (file) => posix.basename(file).replace(/-[\w-]{8}\.m?js$/, '').replace(/\.m?js$/, '');

/**
 * The set page's weight read from the build alone (no browser). Rule: everything index.html loads up
 * front (its scripts, preloads, stylesheets and their static imports), plus the lazy chunk of each
 * language the set's tasks use (the site loads one grammar chunk per language, named after it, with its
 * own imports). `worstCase` adds every lazy chunk: a set that used every language.
 */
export function staticSetPage(distDir, set) {
  return setWeight(distDir, pageGraph(distDir, 'index.html'), set);
}

/**
 * The Today page's weight read from the build: everything today.html loads up front, and every chunk its
 * code imports (it requests them all as it starts: export and import, FSRS with the reviews).
 */
export function todayPage(distDir) {
  if (!existsSync(join(distDir, 'today.html'))) throw new Error(`${distDir}/today.html is missing: the third step of \`npm run build\` (vite.today.config.ts) writes it`);
  const graph = pageGraph(distDir, 'today.html');
  if (graph.missing.length) throw new Error(`files named by the build are missing from ${distDir}: ${graph.missing.join(', ')}`);
  return { ...weigh(distDir, [...graph.initial, ...[...graph.lazy.values()].flat()]), initial: weigh(distDir, graph.initial).total };
}

/**
 * What a page loads to show `set` from an entry point: the `initial` files plus the lazy grammar chunk of
 * each language the set's tasks use (chunks are named after their language). Also the worst case (every
 * lazy chunk) and the lazy chunks' names.
 */
export function setWeight(distDir, graph, set) {
  if (graph.missing.length) throw new Error(`files named by the build are missing from ${distDir}: ${graph.missing.join(', ')}`);
  const languages = [...new Set(set.tasks.map((t) => t.language))];
  const lazyFiles = [];
  const matched = [];
  for (const [target, files] of graph.lazy) {
    if (languages.includes(chunkStem(target))) {
      matched.push(chunkStem(target));
      lazyFiles.push(...files);
    }
  }
  return {
    ...weigh(distDir, [...graph.initial, ...lazyFiles]),
    initial: weigh(distDir, graph.initial).total,
    languages,
    lazyLoaded: matched,
    worstCase: weigh(distDir, [...graph.initial, ...[...graph.lazy.values()].flat()]).total,
    lazyChunks: [...graph.lazy.keys()].map(chunkStem),
    // The lazy chunks this set does not load, each with what it would add (its own closure).
    otherLazy: [...graph.lazy]
      .filter(([target]) => !matched.includes(chunkStem(target)))
      .map(([target, files]) => ({ chunk: chunkStem(target), gzip: weigh(distDir, files).total }))
      .sort((a, b) => b.gzip - a.gzip),
  };
}

/**
 * Each learning mode's own chunk, read from the registry's loaders (`study:()=>…import("./view-x.js")`):
 * its view chunk, and FSRS's chunk for a mode that imports it statically (issue 11 counts a mode "with
 * ts-fsrs where used"). The entry's files and the chunks every mode shares are not the mode's own.
 */
export function modeChunks(distDir) {
  const assets = join(distDir, 'assets');
  const registry = readdirSync(assets).find((f) => /^registry-[\w-]+\.js$/.test(f));
  if (!registry) throw new Error(`no registry chunk in ${assets}: the modes' loaders were not found`);
  const code = readFileSync(join(assets, registry), 'utf8');
  const modes = [];
  for (const [, mode, file] of code.matchAll(/(\w+):\(\)=>[^,]*?import\(\s*[`"']\.\/([\w-]+\.js)[`"']\s*\)/g)) {
    const view = fileInfo(assets, file);
    const fsrs = chunkImports(readFileSync(join(assets, file), 'utf8')).statics.map((s) => s.replace(/^\.\//, '')).find((s) => /^fsrs-[\w-]+\.js$/.test(s));
    const fsrsInfo = fsrs ? fileInfo(assets, fsrs) : null;
    modes.push({ mode, chunk: file, gzip: view.gzip + (fsrsInfo?.gzip ?? 0), view: view.gzip, fsrs: fsrsInfo?.gzip ?? 0 });
  }
  if (!modes.length) throw new Error(`${registry} names no mode chunk`);
  return modes;
}
