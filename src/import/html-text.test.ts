// @vitest-environment node
import { decodeEntities, gapMark, hostileMarkup, htmlToMarkedText, htmlToText, splitBlocks } from './html-text.ts';

describe('htmlToText turns source HTML into safe plain text', () => {
  it.each([
    ['entities are decoded', '<p>a &lt;b&gt; &amp;&nbsp;c &#039;d&#039; &#x41; &eacute;</p>', "a <b> & c 'd' A é"],
    ['tags are stripped and inline whitespace collapses', '<p>one\n   <em>two</em>\tthree</p>', 'one two three'],
    ['<br> is a line break, a paragraph end a blank line', '<p>one<br/>two</p><p>three</p>', 'one\ntwo\n\nthree'],
    ['script and style contents vanish', '<p>hi</p><script>alert(1)</script><style>p{}</style>', 'hi'],
    ['escaped markup stays visible text', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['an image leaves its alt text', '<p>See <img src="x.png" alt="a cat"> here</p>', 'See [image: a cat] here'],
    ['an unknown entity stays as written', 'a &bogus; b', 'a &bogus; b'],
    ['comments vanish', 'a<!-- hidden -->b', 'ab'],
  ])('%s', (_, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps whitespace and line breaks inside <pre>', () => {
    expect(htmlToText('<p>Code:</p><pre>def f():\n    return  1</pre>')).toBe('Code:\ndef f():\n    return  1');
  });

  it('never decodes a reference into a control character or a sentinel', () => {
    expect(decodeEntities('a&#0;b&#xE000;c&#7;d')).toBe('abcd');
  });
});

describe('splitBlocks keeps code apart from prose', () => {
  it('gives a <pre><code class="language-x"> block its language', () => {
    const blocks = splitBlocks(htmlToMarkedText('<p>Fill it in.</p><pre><code class="language-sql">SELECT *\nFROM t</code></pre>'));
    expect(blocks).toEqual([
      { kind: 'text', text: 'Fill it in.' },
      { kind: 'code', text: 'SELECT *\nFROM t', language: 'sql' },
    ]);
  });

  it('treats a <code> inside a sentence as prose, and one alone on its line as code', () => {
    expect(splitBlocks(htmlToMarkedText('<p>Call <code>len(x)</code> here.</p>'))).toEqual([{ kind: 'text', text: 'Call len(x) here.' }]);
    expect(splitBlocks(htmlToMarkedText('<p>Call it:</p><p><code class="lang-python">len(x)</code></p>'))).toEqual([
      { kind: 'text', text: 'Call it:' },
      { kind: 'code', text: 'len(x)', language: 'python' },
    ]);
  });

  it('lets gap marks through untouched', () => {
    const [block] = splitBlocks(htmlToMarkedText(`<p>a ${gapMark(0)} b</p>`));
    expect(block?.text).toBe(`a ${gapMark(0)} b`);
  });
});

describe('hostileMarkup finds what can only be there to run code', () => {
  it.each([
    ['<p>x</p><script>alert(1)</script>', 'a <script> element'],
    ['<img src="x" onerror="alert(1)">', 'an event-handler attribute (on...=)'],
    ['<a href="javascript:alert(1)">x</a>', 'a javascript: address'],
  ])('%s', (text, found) => {
    expect(hostileMarkup(text)).toBe(found);
  });

  it('lets escaped markup and ordinary text through', () => {
    expect(hostileMarkup('&lt;script&gt; is a tag; one + two = three')).toBeUndefined();
  });
});
