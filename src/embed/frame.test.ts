import { forwardEvents, frameAttribute } from './frame.ts';
import { HOST_EVENTS } from './host-events.ts';

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

describe('forwardEvents', () => {
  const setup = (query: Record<string, string>) => {
    const element = document.createElement('code-blanks');
    const posted: unknown[] = [];
    const to = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) } as Pick<Window, 'postMessage'>;
    forwardEvents(element, HOST_EVENTS, (name) => query[name] ?? null, to);
    return { element, posted, to };
  };
  const dispatch = (element: Element, type: string, detail: unknown) => element.dispatchEvent(new CustomEvent(`codeblanks:${type}`, { detail, bubbles: true }));

  test('every host event and xAPI statement goes to the parent, with the frame id', () => {
    const { element, posted } = setup({ set: 'oauth2-client-credentials', id: 'week3-frame' });
    dispatch(element, 'checked', { type: 'checked', correct: true });
    dispatch(element, 'xapi', { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } });
    expect(posted).toEqual([
      { message: { type: 'codeblanks:event', event: 'checked', detail: { type: 'checked', correct: true }, id: 'week3-frame' }, origin: '*' },
      { message: { type: 'codeblanks:event', event: 'xapi', detail: { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } }, id: 'week3-frame' }, origin: '*' },
    ]);
  });

  test('without an id the set names the frame; other events are not forwarded', () => {
    const { element, posted } = setup({ set: 'oauth2-client-credentials' });
    element.dispatchEvent(new CustomEvent('click'));
    dispatch(element, 'placed', { blank: 1 });
    expect(posted).toEqual([{ message: { type: 'codeblanks:event', event: 'placed', detail: { blank: 1 }, id: 'oauth2-client-credentials' }, origin: '*' }]);
  });

  test('forwarding twice (a re-mount) still posts each event once', () => {
    const { element, posted, to } = setup({ id: 'a' });
    forwardEvents(element, HOST_EVENTS, () => null, to);
    dispatch(element, 'hint', { hint: 1 });
    expect(posted).toHaveLength(1);
  });

  test('a page that is not framed posts nothing to itself', () => {
    const element = document.createElement('code-blanks');
    const spy = vi.spyOn(window, 'postMessage');
    forwardEvents(element, HOST_EVENTS, () => null, window);
    dispatch(element, 'checked', {});
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
