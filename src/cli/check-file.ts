/**
 * The validator's checks, as pure functions from a file's text to the problems an author must fix,
 * each with the `line:column` of the key or value at fault. The CLI (validate.ts) only reads files
 * and prints what these return, so everything an author sees can be tested without a process.
 */
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseExerciseShape, type FormatIssue } from '../schema/exercise-schema.ts';
import { checkPartialSet, checkSetRules } from '../engine/load-set.ts';
import { authorIssues } from './author-checks.ts';
import { lineStarts, offsetOfIssue, positionAt, scanKeys, type Position } from './locate.ts';

/** One thing to tell the author, already placed in the file. */
export interface Problem extends Position {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

/** The outcome of checking one file on its own. */
export interface FileCheck {
  readonly problems: readonly Problem[];
  /** Present when the file has a usable set id (for the "ids are unique across files" check). */
  readonly setId?: SetIdPlace;
}

/** A file's set id and where it is written. */
export interface SetIdPlace extends Position {
  readonly id: string;
}

const STRICT_JSON = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;

/**
 * Checks one exercise file: strict JSON syntax first, then duplicate keys, the shape and the set rules
 * (as `loadExerciseSet` does when the app loads it), the author's extra checks (language names, long
 * options), and finally that the file is named after its set id. Everything is reported in one run:
 * the rules are checked in every task whose shape is right even when another part's is not, and after
 * a comment or a trailing comma (which the parser reads past exactly) the rest of the file is checked
 * too. Only other JSON syntax errors stop the file. `fileName` is the file's base name, like "my-set.json".
 */
export function checkFile(fileName: string, source: string): FileCheck {
  // A byte-order mark is invisible in editors: drop it so columns on line 1 match what the author sees.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  let starts: number[] | undefined;
  const at = (offset: number): Position => positionAt((starts ??= lineStarts(text)), offset);

  let value: unknown;
  const problems: Problem[] = [];
  let lenient = false;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    // JSON.parse is the fast judge; jsonc-parser then says where and why, in an author's words.
    const errors: ParseError[] = [];
    parseTree(text, errors, STRICT_JSON);
    problems.push(...syntaxProblems(text, errors).map(({ offset, ...p }) => ({ ...p, ...at(offset) })));
    if (problems.length === 0) {
      return { problems: [{ severity: 'error', code: 'json-syntax', message: `Not valid JSON: ${(cause as Error).message}`, ...at(0) }] };
    }
    if (problems.some((p) => p.code === 'json-syntax')) return { problems };
    lenient = true;
    value = parse(text, [], { allowTrailingComma: true, disallowComments: false });
  }

  // The key scan reads strict JSON only (a quote in a comment would mislead it); after a comment the tree says where the id is.
  const keys = lenient ? undefined : scanKeys(text);
  for (const { key, offset } of keys?.duplicates ?? []) {
    problems.push({ severity: 'error', code: 'duplicate-key', message: `Key "${key}" appears twice in this object: JSON keeps only the last one`, ...at(offset) });
  }

  // As loadExerciseSet: the shape, then the rules; and where the shape is wrong, the rules of the parts that are right.
  const shape = parseExerciseShape(value);
  const issues: readonly FormatIssue[] = [
    ...(shape.ok ? checkSetRules(shape.value) : [...shape.issues, ...checkPartialSet(value)]),
    ...authorIssues(value),
  ];
  let tree: ReturnType<typeof parseTree>;
  // Only files with problems pay for a tree: it maps each issue's JSON path to its place.
  const treeOf = () => (tree ??= parseTree(text, [], STRICT_JSON));
  for (const issue of issues) {
    const root = treeOf();
    const offset = root ? offsetOfIssue(text, root, issue) : 0;
    problems.push({ severity: issue.severity, code: issue.code, message: issue.message, ...at(offset) });
  }

  const id = isRecord(value) ? value.id : undefined;
  const idIsBad = issues.some((issue) => issue.path.length === 1 && issue.path[0] === 'id');
  let setId: SetIdPlace | undefined;
  if (typeof id === 'string' && !idIsBad) {
    const idOffset = keys ? keys.rootValues.get('id') : findNodeAtLocation(treeOf() ?? { type: 'null', offset: 0, length: 0 }, ['id'])?.offset;
    setId = { id, ...at(idOffset ?? 0) };
    if (fileName !== `${id}.json`) {
      problems.push({
        severity: 'error',
        code: 'file-name',
        message: `File name "${fileName}" does not match the set id "${id}": name the file "${id}.json"`,
        line: setId.line,
        column: setId.column,
      });
    }
  }
  return { problems: sortProblems(problems), ...(setId ? { setId } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Set ids must be unique across all the files checked together: each file that shares its id gets an
 * error naming the others. `files` pairs each file's display path with its check.
 */
export function checkSetIds(files: readonly { readonly path: string; readonly check: FileCheck }[]): Map<string, Problem[]> {
  const byId = new Map<string, { path: string; place: SetIdPlace }[]>();
  for (const { path, check } of files) {
    if (!check.setId) continue;
    const list = byId.get(check.setId.id) ?? [];
    list.push({ path, place: check.setId });
    byId.set(check.setId.id, list);
  }
  const problems = new Map<string, Problem[]>();
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const { path, place } of list) {
      const others = list.filter((other) => other.path !== path).map((other) => other.path);
      const problem: Problem = {
        severity: 'error',
        code: 'duplicate-set-id',
        message: `Set id "${id}" is also used by ${others.join(', ')}: every set needs its own id`,
        line: place.line,
        column: place.column,
      };
      problems.set(path, [...(problems.get(path) ?? []), problem]);
    }
  }
  return problems;
}

/** A file to check: the path to show the author, its base name, and its text. */
export interface SourceFile {
  readonly path: string;
  readonly fileName: string;
  readonly text: string;
}

/** Checks files together: each on its own, then the set ids across them. Problems come sorted by position. */
export function checkFiles(files: readonly SourceFile[]): { readonly path: string; readonly problems: readonly Problem[] }[] {
  const checked = files.map((file) => ({ path: file.path, check: checkFile(file.fileName, file.text) }));
  const acrossFiles = checkSetIds(checked);
  return checked.map(({ path, check }) => ({ path, problems: sortProblems([...check.problems, ...(acrossFiles.get(path) ?? [])]) }));
}

/** Problems in reading order, as an author fixes them top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

type SyntaxProblem = Omit<Problem, 'line' | 'column'> & { readonly offset: number };

/**
 * Strict-JSON errors in the author's words. Comments and trailing commas are all reported (the parser
 * recovers from them exactly); after any other error the rest of the file is guesswork, so it stops there.
 */
export function syntaxProblems(text: string, errors: readonly ParseError[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const reported = new Set<number>();
  for (const error of errors) {
    if (reported.has(error.offset)) continue;
    reported.add(error.offset);
    const comma = trailingComma(text, error);
    if (comma !== undefined) {
      const closer = text[error.offset];
      problems.push({ severity: 'error', code: 'trailing-comma', message: `Trailing comma before "${closer}": JSON allows no comma after the last ${closer === '}' ? 'key' : 'item'}`, offset: comma });
      continue;
    }
    if (printParseErrorCode(error.error) === 'InvalidCommentToken') {
      problems.push({ severity: 'error', code: 'comment', message: 'Comments are not allowed: exercise files are strict JSON (put notes in "explanation" or "hints")', offset: error.offset });
      continue;
    }
    problems.push({ severity: 'error', code: 'json-syntax', ...describe(text, error) });
    break;
  }
  return problems;
}

/** The offset of the comma when an error is really a trailing comma: `[1, 2,]` or `{"a": 1,}`. */
function trailingComma(text: string, error: ParseError): number | undefined {
  const code = printParseErrorCode(error.error);
  if (code !== 'PropertyNameExpected' && code !== 'ValueExpected') return undefined;
  if (text[error.offset] !== '}' && text[error.offset] !== ']') return undefined;
  let i = error.offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i -= 1;
  return text[i] === ',' ? i : undefined;
}

function describe(text: string, error: ParseError): { message: string; offset: number } {
  const token = text.slice(error.offset, error.offset + error.length);
  const atEnd = text.slice(error.offset).trim() === '';
  const offset = error.offset;
  switch (printParseErrorCode(error.error)) {
    case 'ValueExpected':
      if (text.trim() === '') return { message: 'The file is empty: an exercise set is one JSON object', offset };
      return { message: atEnd ? 'The file ends where a value was expected' : `Expected a value (a string, number, true, false, null, object or array), found "${text[offset]}"`, offset };
    case 'PropertyNameExpected':
      return { message: `Expected a key in double quotes, found "${text[offset]}"`, offset };
    case 'ColonExpected':
      return { message: 'Expected a colon ":" after the key', offset };
    case 'CommaExpected':
      return { message: 'Expected a comma before this: items and key/value pairs are separated by ","', offset };
    case 'CloseBraceExpected':
      return { message: atEnd ? 'The file ends before an object is closed: a "}" is missing' : 'Expected "}" to close the object', offset };
    case 'CloseBracketExpected':
      return { message: atEnd ? 'The file ends before an array is closed: a "]" is missing' : 'Expected "]" to close the array', offset };
    case 'EndOfFileExpected':
      return { message: 'Unexpected text after the end of the JSON value', offset };
    case 'InvalidSymbol':
      if (token.startsWith("'")) return { message: 'Strings and keys need double quotes, not single quotes', offset };
      if (/^[A-Za-z_$]/.test(token) && !/^(true|false|null)$/.test(token)) {
        return { message: `Unexpected "${token}": keys and strings need double quotes, and the only bare words are true, false and null`, offset };
      }
      return { message: `Unexpected "${token}"`, offset };
    case 'UnexpectedEndOfString': {
      const end = error.offset + error.length;
      if (text[end] === '\n' || text[end] === '\r') {
        return { message: 'A string cannot run across lines: write \\n for a line break, or write code as an array of lines', offset: end };
      }
      return { message: 'This string never ends: a closing double quote is missing', offset };
    }
    case 'InvalidEscapeCharacter': {
      const bad = error.offset + firstBadEscape(token);
      return {
        message: `Invalid escape "${text.slice(bad, bad + 2)}": a backslash in JSON is written "\\\\" (so the literal-[[ escape \\[[ is written "\\\\[[")`,
        offset: bad,
      };
    }
    case 'InvalidUnicode': {
      const bad = error.offset + firstBadEscape(token);
      return { message: 'Invalid "\\u" escape: it needs exactly four hex digits, like \\u00e9', offset: bad };
    }
    case 'InvalidCharacter': {
      // eslint-disable-next-line no-control-regex -- finding the control character is the point
      const bad = error.offset + Math.max(0, token.search(/[\u0000-\u001f]/));
      const name = text[bad] === '\t' ? 'a tab (write \\t)' : `a control character (U+${(text.charCodeAt(bad) || 0).toString(16).padStart(4, '0')})`;
      return { message: `Strings cannot hold ${name} as it is: JSON needs it escaped`, offset: bad };
    }
    case 'UnexpectedEndOfComment':
      return { message: 'Comments are not allowed, and this one is not even closed', offset };
    case 'UnexpectedEndOfNumber':
    case 'InvalidNumberFormat':
      return { message: `Invalid number "${token}"`, offset };
    default:
      return { message: 'Not valid JSON here', offset };
  }
}

/** Where the first invalid escape starts in a string token (0 if there is none). */
function firstBadEscape(token: string): number {
  for (let i = 0; i < token.length; i += 1) {
    if (token[i] !== '\\') continue;
    const next = token[i + 1] ?? '';
    if (next === 'u' ? !/^[0-9a-fA-F]{4}$/.test(token.slice(i + 2, i + 6)) : next === '' || !'"\\/bfnrt'.includes(next)) return i;
    i += next === 'u' ? 5 : 1;
  }
  return 0;
}
