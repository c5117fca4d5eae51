/* global window, document */
// The course page's own script (an external file, as a strict CSP requires): it mounts one exercise
// through the JavaScript API and lists everything the exercises report, as an LMS integration might.
import { mount, HOST_EVENTS } from '/embed/codeblanks.js';

const log = [];
window.courseLog = log;
const list = document.getElementById('event-log');

function record(source, type, target, detail) {
  log.push({ source, type, target, detail });
  const item = document.createElement('li');
  item.textContent = `${target}: ${source} ${type}`;
  list.append(item);
}

// DOM events bubble out of every element (and cross its shadow root): one listener per type is enough.
for (const name of HOST_EVENTS) {
  document.addEventListener(name, (event) => {
    const type = name === 'codeblanks:xapi' ? `xapi ${event.detail.verb.display['en-US']}` : name.slice('codeblanks:'.length);
    record('event', type, event.target.id, event.detail);
  });
}

// An exercise given as data, with callbacks instead of (as well as) DOM events.
window.courseHandle = mount(document.getElementById('ex-api'), {
  exercise: {
    formatVersion: 1,
    id: 'js-token-cache',
    title: 'Caching the token',
    subject: 'JavaScript',
    tasks: [
      {
        id: 'reuse-token',
        difficulty: 'medium',
        prompt: 'Reuse the cached token until it expires.',
        language: 'javascript',
        code: ['if (cache.token && Date.now() [[1]] cache.expiresAt) {', '  return cache.token;', '}'],
        options: ['<', '>', '===', '>='],
        answers: { 1: '<' },
        hints: ['The token is good while now is still before the expiry time.'],
      },
    ],
  },
  storageKey: 'week3-js',
  onEvent: (event) => record('onEvent', event.type, 'ex-api', event),
  xapi: {
    actor: { objectType: 'Agent', name: 'Ada Learner', mbox: 'mailto:ada@example.com' },
    onStatement: (statement) => record('onStatement', statement.verb.display['en-US'], 'ex-api', statement),
  },
});
