/**
 * Lighthouse 12.2.3 through its Node API with its default config (the mobile preset: Moto G Power
 * emulation, simulated slow 4G and 4x CPU), against the preview server, in the system Chromium started
 * by Lighthouse's own launcher with the quiet flags. Only the three categories the budgets read run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROME_FLAGS } from './chrome.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

function summarize(lhr) {
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const num = (id) => lhr.audits[id]?.numericValue ?? null;
  const failing = (id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ({ id: ref.id, title: lhr.audits[ref.id].title, score: lhr.audits[ref.id].score, weight: ref.weight }));
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: num('first-contentful-paint'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    failing: { accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent,
    warnings: lhr.runWarnings ?? [],
  };
}

/**
 * Audits each { name, url } `runs` times (median performance run kept) and writes each kept report to
 * <outDir>/lighthouse-<name>.json. Returns { [name]: summary }.
 */
export async function runLighthouse(pages, { chromePath, runs = 1, outDir }) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', ...CHROME_FLAGS], logLevel: 'silent' });
  const results = {};
  try {
    for (const page of pages) {
      const kept = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(page.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        if (!result?.lhr) throw new Error(`Lighthouse returned no report for ${page.url}`);
        if (result.lhr.runtimeError) {
          throw new Error(`Lighthouse failed on ${page.url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        }
        kept.push(result.lhr);
      }
      const perf = median(kept.map((l) => l.categories.performance.score));
      const lhr = kept.find((l) => l.categories.performance.score === perf);
      if (outDir) writeFileSync(join(outDir, `lighthouse-${page.name}.json`), JSON.stringify(lhr));
      results[page.name] = {
        url: page.url,
        runs,
        performanceRuns: kept.map((l) => Math.round(l.categories.performance.score * 100)),
        ...summarize(lhr),
      };
    }
  } finally {
    await chrome.kill();
  }
  return results;
}
