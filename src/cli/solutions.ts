/**
 * "Does the solution parse?": each task's code with every blank filled with its first answer, parsed by
 * a real parser for its language (tree-sitter grammars in WebAssembly, Node only: this never reaches a
 * browser), and a syntax error reported where the author wrote it: the line and column in the JSON file.
 *
 * A task whose code is deliberately a piece of a program says `"fragment": true` and is not parsed.
 * Languages without a parser here are skipped, and the caller is told which, once per language.
 */
import { createRequire } from 'node:module';
import { parseTree } from 'jsonc-parser';
import * as v from 'valibot';
import Parser from 'web-tree-sitter';
import { TaskSchema, type Task } from '../schema/exercise-schema.ts';
import { resolveLanguage } from '../schema/languages.ts';
import { lineSpots } from '../engine/load-set.ts';
import { codeLines } from '../engine/template.ts';
import { checkFiles, sortProblems, type Problem, type SourceFile } from './check-file.ts';
import { lineStarts, offsetOfIssue, positionAt } from './locate.ts';

/**
 * The highlighter's grammar name to tree-sitter-wasms' parser. Left out because they fail in this
 * runtime: yaml (does not load), dart (a newer ABI), elm and rescript (crash or misparse).
 */
const PARSERS: Readonly<Record<string, string>> = {
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
  lua: 'lua',
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

const require = createRequire(import.meta.url);
// web-tree-sitter links each grammar into one shared WebAssembly memory and cannot link two at once:
// every load waits for the one before it.
let queue: Promise<unknown> | undefined;
const languages = new Map<string, Promise<Parser.Language>>();

function language(name: string): Promise<Parser.Language> {
  let loading = languages.get(name);
  if (!loading) {
    loading = (queue ?? Parser.init()).then(() => Parser.Language.load(require.resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`)));
    queue = loading.catch(() => undefined);
    languages.set(name, loading);
  }
  return loading;
}

/**
 * Parses the solution of every task that can be read (its shape is right and every blank has an answer)
 * in the files given. Files that are not JSON are left to the other checks.
 */
export async function checkSolutions(files: readonly SourceFile[]): Promise<SolutionReport> {
  const problems = new Map<string, Problem[]>();
  const unparsed = new Map<string, number>();
  const jobs: { file: SourceFile; text: string; index: number; task: Task; parser: string }[] = [];
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
      const parsed = v.safeParse(TaskSchema, raw);
      if (!parsed.success || parsed.output.fragment) continue;
      const task = parsed.output;
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

  const grammars = new Map(await Promise.all([...new Set(jobs.map((job) => job.parser))].map(async (name) => [name, await language(name)] as const)));
  const parser = new Parser();
  try {
    for (const { file, text, index, task, parser: name } of jobs) {
      const filled = fillSolution(task);
      const grammar = grammars.get(name);
      if (!filled || !grammar) continue;
      parser.setLanguage(grammar);
      const tree = parser.parse(filled.code);
      const error = tree.rootNode.hasError ? firstError(tree.rootNode) : undefined;
      tree.delete();
      if (!error) continue;
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
  } finally {
    parser.delete();
  }
  return { problems, unparsed };
}

/**
 * Everything the validator says about these files, as the CLI prints it: each file's problems (its own
 * checks and its solutions', in reading order) and the languages whose solutions were not parsed.
 */
export async function validateFiles(files: readonly SourceFile[]): Promise<{ results: { path: string; problems: Problem[] }[]; unparsed: ReadonlyMap<string, number> }> {
  const solutions = await checkSolutions(files);
  const results = checkFiles(files).map(({ path, problems }) => ({ path, problems: sortProblems([...problems, ...(solutions.problems.get(path) ?? [])]) }));
  return { results, unparsed: solutions.unparsed };
}

/** The first syntax error in reading order: a token the parser had to invent, or text it could not place. */
function firstError(node: Parser.SyntaxNode): { index: number; what: string } | undefined {
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
