// @vitest-environment node
import { createRequire } from 'node:module';
import Parser from 'web-tree-sitter';
import { checkSolutions as checkWith, fillSolution, parserFor, solutionParser, type ParserHost } from './solutions.ts';
import { checkSolutions } from './solutions-node.ts';

/** A one-task set file as an author writes it, with the task's code, language and answers. */
function file(task: Record<string, unknown>): { path: string; fileName: string; text: string } {
  const set = {
    formatVersion: 1,
    id: 'x',
    title: 'X',
    subject: 'Tests',
    tasks: [{ id: 't', difficulty: 'easy', prompt: 'Fill it.', options: ['a', 'b'], answers: { '1': 'a' }, ...task }],
  };
  return { path: 'x.json', fileName: 'x.json', text: JSON.stringify(set, null, 2) };
}

async function messages(task: Record<string, unknown>): Promise<string[]> {
  const report = await checkSolutions([file(task)]);
  return (report.problems.get('x.json') ?? []).map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('filling the blanks', () => {
  it.each([
    ['one blank', ['x = [[1]]'], { '1': 'a' }, 'x = a'],
    ['the first of several right answers', ['f([[1]], [[2]])'], { '1': ['b', 'a'], '2': 'a' }, 'f(b, a)'],
    ['a literal \\[[ kept as [[', ['m = \\[[1]] + [[1]]'], { '1': 'a' }, 'm = [[1]] + a'],
    ['code written as one string', 'a = [[1]]\nb = 2', { '1': 'c' }, 'a = c\nb = 2'],
  ])('fills %s', (_name, code, answers, expected) => {
    expect(fillSolution({ code, answers })?.code).toBe(expected);
  });

  it('maps a place in the filled code back to the authored line and column, an answer to its blank', () => {
    const filled = fillSolution({ code: ['x = 1', 'y = \\[[ + [[1]] + z'], answers: { '1': 'long_answer' } });
    expect(filled?.code).toBe('x = 1\ny = [[ + long_answer + z');
    const at = (text: string) => filled?.authored(filled.code.indexOf(text));
    expect(at('y =')).toEqual({ line: 1, column: 0 });
    expect(at('[[ +')).toEqual({ line: 1, column: 4 });
    expect(at('+ long')).toEqual({ line: 1, column: 8 });
    expect(at('long')).toEqual({ line: 1, column: 10 });
    expect(at('_answer')).toEqual({ line: 1, column: 10 });
    expect(at('+ z')).toEqual({ line: 1, column: 16 });
    expect(filled?.authored(filled.code.length)).toEqual({ line: 1, column: 19 });
  });

  it('gives up on a blank without an answer (the other checks say so)', () => {
    expect(fillSolution({ code: ['[[1]] [[2]]'], answers: { '1': 'a' } })).toBeUndefined();
  });
});

describe('the parser for a language', () => {
  it.each([
    ['Python', 'python'],
    ['js', 'javascript'],
    ['jsx', 'javascript'],
    ['ts', 'typescript'],
    ['tsx', 'tsx'],
    ['c#', 'c_sharp'],
    ['C++', 'cpp'],
    ['golang', 'go'],
    ['html', 'html'],
    ['xml', undefined],
    ['yaml', undefined],
    ['http', undefined],
    ['sql', undefined],
    ['lua', undefined],
    ['klingon', undefined],
  ])('for %j is %j', (language, parser) => {
    expect(parserFor(language)).toBe(parser);
  });
});

describe('solutions that parse', { timeout: 60_000 }, () => {
  it.each([
    ['python', ['def f(x):', '    return [[1]]'], 'x'],
    ['javascript', ['const f = (x) => [[1]];'], 'x'],
    ['typescript', ['const f = (x: number): number => [[1]];'], 'x'],
    ['tsx', ['const e = <p>{[[1]]}</p>;'], 'x'],
    ['java', ['class A { int f(int x) { return [[1]]; } }'], 'x'],
    ['c', ['int f(int x) { return [[1]]; }'], 'x'],
    ['cpp', ['auto f(int x) { return [[1]]; }'], 'x'],
    ['c#', ['class A { int F(int x) { return [[1]]; } }'], 'x'],
    ['go', ['package main', 'func f(x int) int { return [[1]] }'], 'x'],
    ['rust', ['fn f(x: i32) -> i32 { [[1]] }'], 'x'],
    ['ruby', ['def f(x)', '  [[1]]', 'end'], 'x'],
    ['php', ['<?php function f($x) { return [[1]]; }'], '$x'],
    ['kotlin', ['fun f(x: Int): Int = [[1]]'], 'x'],
    ['swift', ['func f(x: Int) -> Int { return [[1]] }'], 'x'],
    ['bash', ['echo "$([[1]])"'], 'x'],
    ['json', ['{"a": [[1]]}'], '1'],
    ['css', ['p { color: [[1]]; }'], 'red'],
    ['html', ['<p class="[[1]]">Hi</p>'], 'x'],
    ['scala', ['object A { val x = [[1]] }'], '1'],
    ['toml', ['x = [[1]]'], '1'],
    ['elixir', ['def f(x), do: [[1]]'], 'x'],
    ['ocaml', ['let f x = [[1]]'], 'x'],
    ['zig', ['fn f(x: i32) i32 { return [[1]]; }'], 'x'],
    ['objectivec', ['int f(int x) { return [[1]]; }'], 'x'],
    ['solidity', ['contract A { function f(uint x) public pure returns (uint) { return [[1]]; } }'], 'x'],
  ])('loads the %s parser and passes a right solution', async (language, code, answer) => {
    expect(await messages({ language, code, options: [answer, 'zz'], answers: { '1': answer } })).toEqual([]);
  });

  /** Where `needle` is in the file written for this task, as `line:column`. */
  const placeOf = (task: Record<string, unknown>, needle: string): string => {
    const lines = file(task).text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return `${line + 1}:${(lines[line] ?? '').indexOf(needle) + 1}`;
  };

  it('reports a statement the parser cannot read at its start, in the file', async () => {
    const task = { language: 'python', code: ['def f(x):', '    return g(x, [[1]]'], options: ['x', 'y'], answers: { '1': 'x' } };
    expect(await messages(task)).toEqual([`${placeOf(task, 'return g(')} With each blank filled with its first answer, the code is not valid python here: cannot read "return g(x, x" (if the code is a piece of a program on purpose, set "fragment": true)`]);
  });

  it('reports a missing token where the parser expected it: at the text that follows a blank', async () => {
    const task = { language: 'python', code: ['def [[1]](:', '    return 1'], options: ['f', 'g'], answers: { '1': 'f' } };
    expect(await messages(task)).toEqual([expect.stringContaining(`${placeOf(task, ':",')} With each blank filled with its first answer, the code is not valid python here: missing ")"`)]);
  });

  it('leaves a fragment alone, and holds the same code to the grammar without the flag', async () => {
    const fragment = { language: 'python', code: ['    return items[[[1]]]', 'else:'], options: ['0', '1'], answers: { '1': '0' } };
    expect(await messages({ ...fragment, fragment: true })).toEqual([]);
    expect(await messages(fragment)).toHaveLength(1);
  });

  it('says which languages it has no parser for, once each with its count, and stays quiet about plain text and unknown names', async () => {
    const report = await checkSolutions([
      file({ language: 'http', code: ['[[1]]'] }),
      file({ language: 'HTTP', code: ['[[1]]'] }),
      file({ language: 'sql', code: ['[[1]]'] }),
      file({ language: 'text', code: ['[[1]]'] }),
      file({ language: 'klingon', code: ['[[1]]'] }),
    ]);
    expect([...report.unparsed]).toEqual([
      ['http', 2],
      ['sql', 1],
    ]);
  });
});

describe('one solution parser for many files and languages (shared by the validator and the studio)', { timeout: 60_000 }, () => {
  const require = createRequire(import.meta.url);
  /** The Node host, as solutions-node.ts builds it, counting the grammars it is asked for. */
  const countingHost = (locate: (name: string) => string = (name) => require.resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`)) => {
    const asked: string[] = [];
    const host: ParserHost = {
      runtime: () => Parser.init().then(() => Parser),
      locate: (name) => {
        asked.push(name);
        return locate(name);
      },
    };
    return { host, asked };
  };

  it('reads several languages in one run, and again in another run in the other order, with their grammars already in', async () => {
    const tasks = [
      { language: 'json', code: ['{"a": [[1]]}'], answers: { '1': '1' } },
      { language: 'ruby', code: ['def f(x)', '  [[1]]', 'end'], answers: { '1': 'x' } },
      { language: 'css', code: ['p { color: [[1]]; }'], answers: { '1': 'red' } },
      { language: 'python', code: ['def f(x):', '    return [[1]]'], answers: { '1': 'x' } },
    ];
    const parsers = solutionParser(countingHost().host);
    const files = (list: typeof tasks) => list.map((task, i) => ({ ...file({ ...task, options: [task.answers['1'], 'zz'] }), path: `${i}.json` }));
    expect([...(await checkWith(files(tasks), parsers)).problems]).toEqual([]);
    expect([...(await checkWith(files([...tasks].reverse().map((t) => ({ ...t, code: [...t.code, ''] }))), parsers)).problems]).toEqual([]);
  });

  it('loads each grammar once however many files and runs ask for it, and parses an identical solution once', async () => {
    const { host, asked } = countingHost();
    const parsers = solutionParser(host);
    const broken = file({ language: 'python', code: ['def f(:', '    return [[1]]'], options: ['x', 'y'], answers: { '1': 'x' } });
    const first = await checkWith([broken, { ...broken, path: 'again.json' }], parsers);
    const second = await checkWith([broken], parsers);
    expect(asked).toEqual(['python']);
    expect(first.problems.get('x.json')).toEqual(first.problems.get('again.json'));
    expect(second.problems.get('x.json')).toEqual(first.problems.get('x.json'));
    // The verdict itself is remembered, not worked out again.
    await parsers.load(['python']);
    const [a] = parsers.firstErrors('python', ['def f(:\n    return x']);
    const [b] = parsers.firstErrors('python', ['def f(:\n    return x']);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
  });

  it('counts a language whose grammar cannot be had (offline, a broken file) as one it has no parser for, and does not throw', async () => {
    const parsers = solutionParser(countingHost(() => '/nowhere/tree-sitter-python.wasm').host);
    const report = await checkWith([file({ language: 'python', code: ['x = [[1]]'] })], parsers);
    expect([...report.unparsed]).toEqual([['python', 1]]);
    expect([...report.problems]).toEqual([]);
  });

  it('checks the solution of a task whose other parts are still wrong (the studio shows both as the author types)', async () => {
    const report = await checkSolutions([file({ language: 'python', code: ['def f(:', '    return [[1]]'], prompt: '' })]);
    expect(report.problems.get('x.json')).toHaveLength(1);
  });
});
