// @vitest-environment node
import { frameAttribute } from './frame.ts';

describe('frameAttribute', () => {
  const own = (values: Record<string, string>) => (name: string) => values[name] ?? null;

  test.each([
    ['set becomes the exercise file beside the page', '?set=oauth2-client-credentials&task=3', 'src', 'exercises/oauth2-client-credentials.json'],
    ['a set id is URL-encoded, so it cannot leave exercises/', '?set=../secret', 'src', 'exercises/..%2Fsecret.json'],
    ['task comes from the query', '?set=a&task=3', 'task', '3'],
    ['storage-key comes from the query', '?set=a&storage-key=week-3', 'storage-key', 'week-3'],
    ['a missing setting is null', '?set=a', 'theme', null],
  ])('%s', (_name, search, name, value) => {
    expect(frameAttribute(search, own({}))(name)).toBe(value);
  });

  test("the element's own attributes fill in what the query leaves out", () => {
    const read = frameAttribute('?task=2', own({ src: '/x.json', task: '1', theme: 'dark' }));
    expect([read('src'), read('task'), read('theme')]).toEqual(['/x.json', '2', 'dark']);
  });
});
