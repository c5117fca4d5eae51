/**
 * "Does the solution parse?": each task's code with every blank filled with its first answer, parsed by
 * a real parser for its language (tree-sitter grammars in WebAssembly), and a syntax error reported where
 * the author wrote it: the line and column in the JSON file.
 *
 * One module for the validator and the studio, which differ only in where web-tree-sitter and the
 * grammars come from (a `ParserHost`): Node reads them from node_modules (solutions-node.ts), the studio
 * fetches them as build assets, and only for the languages of the open set (src/studio/grammars.ts).
 *
 * A task whose code is deliberately a piece of a program says `"fragment": true` and is not parsed.
 * Languages without a parser here are skipped, and the caller is told which, once per language.
 */
import { parseTree } from 'jsonc-parser';
import type Parser from 'web-tree-sitter';
import type { Task } from '../schema/exercise-schema.ts';
import { resolveLanguage } from '../schema/languages.ts';
import { lineSpots } from '../engine/load-set.ts';
import { codeLines } from '../engine/template.ts';
import { checkFiles, sortProblems, type Problem, type SourceFile } from './check-file.ts';
import { lineStarts, offsetOfIssue, positionAt } from './locate.ts';

/**
 * The highlighter's grammar name to tree-sitter-wasms' parser. Left out because they fail in this
 * runtime: yaml (does not load), dart (a newer ABI), elm and rescript (crash or misparse), lua (once any
 * other grammar has loaded after it, it misreads `local x = 1`: in the studio, where grammars come as
 * sets are opened, and in a validator run over several languages, it would report errors that are not).
 */
export const PARSERS: Readonly<Record<string, string>> = {
  bash: 'bash',
  c: 'c',
  cpp: 'cpp',
  csharp: 'c_sharp',
  css: 'css',
  elixir: 'elixir',
  go: 'go',
  java: 'java',
  javascript: 'javascript',
  jsx: 'javascript',
  json: 'json',
  kotlin: 'kotlin',
  objectivec: 'objc',
  ocaml: 'ocaml',
  php: 'php',
  python: 'python',
  ruby: 'ruby',
  rust: 'rust',
  scala: 'scala',
  solidity: 'solidity',
  swift: 'swift',
  toml: 'toml',
  tsx: 'tsx',
  typescript: 'typescript',
  zig: 'zig',
};

/** The parser for a task's language as written, if there is one. "markup" covers XML and SVG too: only HTML's names get the HTML parser. */
export function parserFor(written: string): string | undefined {
  const grammar = resolveLanguage(written);
  if (grammar === 'markup') return /^\s*(html?|xhtml)\s*$/i.test(written) ? 'html' : undefined;
  return grammar === undefined ? undefined : PARSERS[grammar];
}

/** What the solution check found: problems per file path, and the languages it could not parse with how many tasks. */
export interface SolutionReport {
  readonly problems: ReadonlyMap<string, Problem[]>;
  readonly unparsed: ReadonlyMap<string, number>;
}

/** Where web-tree-sitter and its grammars come from. */
export interface ParserHost {
  /** web-tree-sitter's Parser class, its runtime initialised. */
  runtime(): Promise<typeof Parser>;
  /** Where a grammar (tree-sitter-wasms' name, like `python`) is: a file path in Node, a URL in a browser. */
  locate(name: string): string;
}

/** A syntax error in parsed code: where it starts (an index in the code) and what it is, in an author's words. */
export interface SyntaxFault {
  readonly index: number;
  readonly what: string;
}

/** The parsers of one host: grammars loaded once each, identical solutions parsed once. */
export interface SolutionParser {
  /** Loads these grammars (once each, ever); resolves to the names of those that could not be loaded. */
  load(names: Iterable<string>): Promise<ReadonlySet<string>>;
  /** For each code, its first syntax error read with grammar `name` (loaded first), or null when it parses. */
  firstErrors(name: string, codes: readonly string[]): (SyntaxFault | null)[];
}

// Remembered verdicts per host, at most this many: a studio session types thousands of versions.
const REMEMBERED = 5000;

export function solutionParser(host: ParserHost): SolutionParser {
  let runtime: Promise<typeof Parser> | undefined;
  // web-tree-sitter links each grammar into one shared WebAssembly memory and cannot link two at once:
  // every load waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  const loading = new Map<string, Promise<Parser.Language | undefined>>();
  const ready = new Map<string, { readonly Runtime: typeof Parser; readonly language: Parser.Language }>();
  const verdicts = new Map<string, SyntaxFault | null>();

  const load = (name: string): Promise<Parser.Language | undefined> => {
    let pending = loading.get(name);
    if (!pending) {
      const started = (runtime ??= host.runtime());
      pending = queue
        .then(async () => {
          const Runtime = await started;
          const language = await Runtime.Language.load(host.locate(name));
          ready.set(name, { Runtime, language });
          return language;
        })
        // A grammar that cannot be had (offline, a broken file) is one this host has no parser for.
        .catch(() => undefined);
      queue = pending;
      loading.set(name, pending);
    }
    return pending;
  };

  return {
    async load(names) {
      const wanted = [...new Set(names)];
      const languages = await Promise.all(wanted.map(load));
      return new Set(wanted.filter((_, i) => languages[i] === undefined));
    },
    firstErrors(name, codes) {
      const loaded = ready.get(name);
      if (!loaded) throw new Error(`The ${name} grammar is not loaded`);
      // A parser for this batch only, deleted after it: in web-tree-sitter 0.22.6 a parser kept alive
      // while another grammar loads, or switched to another grammar, can misread code.
      let parser: Parser | undefined;
      try {
        return codes.map((code) => {
          const key = `${name}\u0000${code}`;
          const known = verdicts.get(key);
          if (known !== undefined) return known;
          if (!parser) {
            parser = new loaded.Runtime();
            parser.setLanguage(loaded.language);
          }
          const tree = parser.parse(code);
          const fault = tree.rootNode.hasError ? (firstError(tree.rootNode) ?? null) : null;
          tree.delete();
          if (verdicts.size >= REMEMBERED) verdicts.clear();
          verdicts.set(key, fault);
          return fault;
        });
      } finally {
        parser?.delete();
      }
    },
  };
}

/**
 * Parses the solution of every task that can be read (its code, language and answers have the right
 * types, and every blank has an answer) in the files given, with `parsers`. Files that are not JSON, and
 * tasks whose shape is wrong, are left to the other checks (check-file.ts), which say what is wrong.
 */
export async function checkSolutions(files: readonly SourceFile[], parsers: SolutionParser): Promise<SolutionReport> {
  const problems = new Map<string, Problem[]>();
  const unparsed = new Map<string, number>();
  const jobs: { file: SourceFile; text: string; index: number; task: SolutionTask; parser: string }[] = [];
  for (const file of files) {
    const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const tasks = typeof json === 'object' && json !== null && Array.isArray((json as { tasks?: unknown }).tasks) ? (json as { tasks: unknown[] }).tasks : [];
    for (const [index, raw] of tasks.entries()) {
      const task = solutionTask(raw);
      if (!task || task.fragment === true) continue;
      const parser = parserFor(task.language);
      if (parser !== undefined) jobs.push({ file, text, index, task, parser });
      else {
        // An unknown name is already a warning; plain text has nothing to parse.
        const grammar = resolveLanguage(task.language);
        if (grammar !== undefined && grammar !== 'plaintext') unparsed.set(grammar, (unparsed.get(grammar) ?? 0) + 1);
      }
    }
  }
  if (jobs.length === 0) return { problems, unparsed };

  type Job = (typeof jobs)[number];
  const byParser = new Map<string, Job[]>();
  for (const job of jobs) {
    const batch = byParser.get(job.parser);
    if (batch) batch.push(job);
    else byParser.set(job.parser, [job]);
  }
  const found: { readonly job: Job; readonly filled: NonNullable<ReturnType<typeof fillSolution>>; readonly error: SyntaxFault; readonly order: number }[] = [];
  // Language by language: one parser at a time (see firstErrors).
  for (const [name, batch] of byParser) {
    if ((await parsers.load([name])).size > 0) {
      for (const job of batch) {
        const grammar = resolveLanguage(job.task.language) ?? name;
        unparsed.set(grammar, (unparsed.get(grammar) ?? 0) + 1);
      }
      continue;
    }
    const filled = batch.flatMap((job) => {
      const solution = fillSolution(job.task);
      return solution ? [{ job, filled: solution }] : [];
    });
    parsers.firstErrors(name, filled.map((f) => f.filled.code)).forEach((error, i) => {
      const f = filled[i];
      if (error && f) found.push({ ...f, error, order: jobs.indexOf(f.job) });
    });
  }
  // In the files' order, as the author reads them.
  found.sort((a, b) => a.order - b.order);
  for (const { job, filled, error } of found) {
    const { file, text, index, task } = job;
    const place = filled.authored(error.index);
    const spot = lineSpots(task.code, ['tasks', index, 'code'])[place.line];
    const root = parseTree(text, []);
    const offset = root && spot ? offsetOfIssue(text, root, { path: spot.path, stringOffset: spot.start + place.column }) : 0;
    problems.set(file.path, [
      ...(problems.get(file.path) ?? []),
      {
        severity: 'error',
        code: 'solution-syntax',
        message: `With each blank filled with its first answer, the code is not valid ${task.language.trim()} here: ${error.what} (if the code is a piece of a program on purpose, set "fragment": true)`,
        ...positionAt(lineStarts(text), offset),
      },
    ]);
  }
  return { problems, unparsed };
}

/**
 * Everything the validator says about these files, as the CLI prints it: each file's problems (its own
 * checks and its solutions', in reading order) and the languages whose solutions were not parsed.
 */
export async function validateFiles(
  files: readonly SourceFile[],
  parsers: SolutionParser,
): Promise<{ results: { path: string; problems: Problem[] }[]; unparsed: ReadonlyMap<string, number> }> {
  const solutions = await checkSolutions(files, parsers);
  const results = checkFiles(files).map(({ path, problems }) => ({ path, problems: sortProblems([...problems, ...(solutions.problems.get(path) ?? [])]) }));
  return { results, unparsed: solutions.unparsed };
}

/** What the solution check reads of a task: only these need the right types (the other checks say the rest). */
type SolutionTask = Pick<Task, 'code' | 'answers' | 'language' | 'fragment'>;

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * A task's code, language, answers and fragment flag, when their types are right. Read by hand rather
 * than through the schema: the schema's parse of every task is the other checks' (and the biggest part
 * of their time); doing it again here doubled it.
 */
function solutionTask(raw: unknown): SolutionTask | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { code, answers, language, fragment } = raw as Record<string, unknown>;
  if (typeof language !== 'string' || !(typeof code === 'string' || isStrings(code))) return undefined;
  if (fragment !== undefined && typeof fragment !== 'boolean') return undefined;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return undefined;
  if (!Object.values(answers).every((answer) => typeof answer === 'string' || isStrings(answer))) return undefined;
  return { code, answers: answers as Task['answers'], language, ...(fragment === undefined ? {} : { fragment }) };
}

/** The first syntax error in reading order: a token the parser had to invent, or text it could not place. */
function firstError(node: Parser.SyntaxNode): SyntaxFault | undefined {
  if (node.isMissing) return { index: node.startIndex, what: `missing "${node.type}"` };
  if (node.isError) {
    const text = node.text.split('\n')[0] ?? '';
    return { index: node.startIndex, what: `cannot read "${text.length > 30 ? `${text.slice(0, 30)}…` : text}"` };
  }
  for (const child of node.children) {
    if (!child.hasError && !child.isMissing) continue;
    const found = firstError(child);
    if (found) return found;
  }
  return undefined;
}

// As template.ts reads a line: `\[[` is a literal `[[`, `[[n]]` a blank.
const TOKEN = /\\\[\[|\[\[(\d+)\]\]/g;

/**
 * The code with each blank replaced by its first answer, and a way back from an index in it to the
 * authored line and column (an index inside an answer goes back to its blank's `[[`). Undefined when a
 * blank has no answer (the other checks report that).
 */
export function fillSolution(task: Pick<Task, 'code' | 'answers'>): { code: string; authored: (index: number) => { line: number; column: number } } | undefined {
  const lines: { text: string; columns: number[] }[] = [];
  for (const source of codeLines(task.code)) {
    let text = '';
    const columns: number[] = [];
    let last = 0;
    const copy = (from: number, to: number) => {
      for (let i = from; i < to; i += 1) columns.push(i);
      text += source.slice(from, to);
    };
    for (const match of source.matchAll(TOKEN)) {
      copy(last, match.index);
      last = match.index + match[0].length;
      let inserted: string;
      if (match[1] === undefined) inserted = '[[';
      else {
        const answer = task.answers[match[1]];
        const first = Array.isArray(answer) ? answer[0] : answer;
        if (first === undefined) return undefined;
        inserted = first;
      }
      for (let i = 0; i < inserted.length; i += 1) columns.push(match.index);
      text += inserted;
    }
    copy(last, source.length);
    columns.push(source.length);
    lines.push({ text, columns });
  }
  const code = lines.map((line) => line.text).join('\n');
  const starts = lineStarts(code);
  return {
    code,
    authored: (index) => {
      const { line, column } = positionAt(starts, index);
      const columns = lines[line - 1]?.columns ?? [0];
      return { line: line - 1, column: columns[Math.min(column - 1, columns.length - 1)] ?? 0 };
    },
  };
}
