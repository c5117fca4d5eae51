/**
 * Authoring at scale: wall time of `npm run validate -- <dir>` over 1,000 generated set files, exactly the
 * command an author or CI types (so npm's and tsx's start-up are inside the figure), next to the same
 * command over one file, which shows how much of the figure is start-up rather than validation.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAuthoringSets } from './generate-sets.mjs';

function timeValidate(root, dir) {
  const start = process.hrtime.bigint();
  const run = spawnSync('npm', ['run', '--silent', 'validate', '--', dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: run.status, out: `${run.stdout ?? ''}${run.stderr ?? ''}`, error: run.error?.message };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Generates the files under `work`, times `runs` validations of them, and of one file for the start-up cost. */
export function benchValidator({ root, work, count = 1000, runs = 3 }) {
  const many = writeAuthoringSets(join(work, `sets-${count}`), count);
  const one = join(work, 'sets-1');
  mkdirSync(one, { recursive: true });
  copyFileSync(join(many, 'bench-set-1.json'), join(one, 'bench-set-1.json'));
  const problems = [];
  const timed = [];
  for (let i = 0; i < runs; i++) timed.push(timeValidate(root, many));
  const failed = timed.find((t) => t.status !== 0);
  if (failed) {
    problems.push(`npm run validate exited ${failed.status ?? failed.error} on ${count} valid files: ${failed.out.trim().split('\n').slice(-5).join(' | ')}`);
  }
  const single = [];
  for (let i = 0; i < runs; i++) single.push(timeValidate(root, one));
  return {
    files: count,
    wallMs: Math.round(median(timed.map((t) => t.ms))),
    runsMs: timed.map((t) => Math.round(t.ms)),
    oneFileMs: Math.round(median(single.map((t) => t.ms))),
    exitCode: timed[0].status,
    outputTail: timed[0].out.trim().split('\n').slice(-3),
    problems,
  };
}
