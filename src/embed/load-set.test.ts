// @vitest-environment node
import { loadExerciseSet } from '../engine/load-set.ts';
import { hashOf } from '../store/persistence.ts';
import { loadSet } from './load-set.ts';

const authored = {
  formatVersion: 1,
  id: 'tiny',
  title: 'Tiny',
  subject: 'Test',
  tasks: [{ id: 'one', difficulty: 'easy', prompt: 'Pick a', language: 'javascript', code: ['[[1]]'], options: ['a', 'b'], answers: { 1: 'a' } }],
};
const parsed = loadExerciseSet(authored);
if (!parsed.ok) throw new Error('fixture set is invalid');
/** What a build serves: the set as the schema parsed it, and its catalogue line. */
const served = JSON.stringify(parsed.set);
const line = { file: 'tiny.json', id: 'tiny', hash: hashOf(parsed.set) };

type Routes = Record<string, { status?: number; body?: string } | 'network-error'>;
let origin = 0;

/** A fetch over a fixed table of URLs, recording what was asked; each test gets its own origin (the catalogue is cached per page). */
function server(routes: (base: string) => Routes) {
  const base = `https://site${(origin += 1)}.example`;
  const table = routes(base);
  const asked: string[] = [];
  const fetcher = async (url: string) => {
    asked.push(url);
    const route = table[url];
    if (route === 'network-error') throw new TypeError('Failed to fetch');
    if (!route) return new Response('Not found', { status: 404, statusText: 'Not Found' });
    return new Response(route.body ?? '', { status: route.status ?? 200 });
  };
  return { base, asked, fetcher };
}

describe('loadSet', () => {
  test("trusts a set its build's catalogue vouches for, content hash and all", async () => {
    const { base, fetcher } = server((b) => ({
      [`${b}/exercises/tiny.json`]: { body: served },
      [`${b}/exercises/index.json`]: { body: JSON.stringify([line]) },
    }));
    expect(await loadSet(`${base}/exercises/tiny.json`, fetcher)).toEqual({ ok: true, set: parsed.set });
  });

  test.each([
    ['the catalogue is missing', (b: string): Routes => ({ [`${b}/exercises/tiny.json`]: { body: JSON.stringify(authored) } })],
    [
      'the file changed since the build',
      (b: string): Routes => ({
        [`${b}/exercises/tiny.json`]: { body: JSON.stringify({ ...parsed.set, title: 'Edited' }) },
        [`${b}/exercises/index.json`]: { body: JSON.stringify([line]) },
      }),
    ],
    [
      'the catalogue says the file is broken',
      (b: string): Routes => ({
        [`${b}/exercises/tiny.json`]: { body: served },
        [`${b}/exercises/index.json`]: { body: JSON.stringify([{ file: 'tiny.json', problems: ['x'] }]) },
      }),
    ],
  ])('validates when %s, and a valid set still loads', async (_name, routes) => {
    const { base, fetcher } = server(routes);
    const result = await loadSet(`${base}/exercises/tiny.json`, fetcher);
    expect(result.ok).toBe(true);
  });

  test('validates an invalid set and says where it is wrong', async () => {
    const broken = { ...authored, tasks: [{ ...authored.tasks[0], answers: { 1: 'c' } }] };
    const { base, fetcher } = server((b) => ({ [`${b}/sets/tiny.json`]: { body: JSON.stringify(broken) } }));
    const result = await loadSet(`${base}/sets/tiny.json`, fetcher);
    expect(result).toMatchObject({ ok: false, message: `${base}/sets/tiny.json is not a valid exercise set` });
    expect(!result.ok && result.issues.join('\n')).toMatch(/^tasks\[0\]\.answers/m);
  });

  test.each<[string, Routes[string], RegExp]>([
    ['a 404', { status: 404 }, /tiny\.json answered 404$/],
    ['a body that is not JSON', { body: '<html>' }, /tiny\.json is not JSON \(.+\)$/],
    ['a network error', 'network-error', /tiny\.json could not be fetched \(network error\)$/],
  ])('reports %s in words', async (_name, route, message) => {
    const { base, fetcher } = server((b) => ({ [`${b}/exercises/tiny.json`]: route }));
    const result = await loadSet(`${base}/exercises/tiny.json`, fetcher);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  test('asks for a catalogue only beside a build’s exercises/ folder, and once per page', async () => {
    const { base, asked, fetcher } = server((b) => ({
      [`${b}/sets/tiny.json`]: { body: served },
      [`${b}/exercises/tiny.json`]: { body: served },
      [`${b}/exercises/index.json`]: { body: JSON.stringify([line]) },
    }));
    await loadSet(`${base}/sets/tiny.json`, fetcher);
    expect(asked).toEqual([`${base}/sets/tiny.json`]);
    await loadSet(`${base}/exercises/tiny.json`, fetcher);
    await loadSet(`${base}/exercises/tiny.json`, fetcher);
    expect(asked.filter((url) => url.endsWith('index.json'))).toHaveLength(1);
  });
});
