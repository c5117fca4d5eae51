/**
 * HTML from other tools becomes safe plain text: tags stripped, entities decoded, `<br>` and block
 * ends become line breaks, whitespace collapses as a browser would collapse it (except inside
 * `<pre>`). Nothing here ever yields markup to render: our app shows text as text, so whatever a
 * source wrote (`<script>` included) can only come out as inert characters.
 *
 * Code in the source (`<pre>`, or a `<code>` that stands alone on its line) is kept apart as a code
 * block, with its language when a class says it (`language-sql`, `lang-sql`, `sql`). Gap sentinels
 * (see `gapMark`) placed in the HTML before conversion pass through untouched, so a converter can find
 * where its blanks ended up.
 */

/** Private-use characters: they never occur in real exercise text, so they can mark places safely. */
const GAP_OPEN = '\uE000';
const GAP_CLOSE = '\uE001';
const CODE_OPEN = '\uE010';
const CODE_LANG_END = '\uE011';
const CODE_CLOSE = '\uE012';

/** The sentinel for gap `index` (0-based), to put into source HTML where a gap was. */
export function gapMark(index: number): string {
  return `${GAP_OPEN}${index}${GAP_CLOSE}`;
}

/** Finds gap sentinels in converted text. */
export const GAP_MARK = /\uE000(\d+)\uE001/g;

/** True when a source string holds our private-use sentinels itself (which would confuse the converter). */
export function hasSentinels(text: string): boolean {
  return /[\uE000-\uE012]/.test(text);
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  shy: '', zwnj: '', zwj: '', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  middot: '·', bull: '•', deg: '°', plusmn: '±', times: '×', divide: '÷', minus: '−', le: '≤', ge: '≥',
  ne: '≠', asymp: '≈', infin: '∞', sup1: '¹', sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾',
  euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', hArr: '⇔', iexcl: '¡', iquest: '¿', micro: 'µ',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', aacute: 'á', eacute: 'é',
  iacute: 'í', oacute: 'ó', uacute: 'ú', Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú',
  agrave: 'à', egrave: 'è', igrave: 'ì', ograve: 'ò', ugrave: 'ù', Agrave: 'À', Egrave: 'È', acirc: 'â',
  ecirc: 'ê', icirc: 'î', ocirc: 'ô', ucirc: 'û', Acirc: 'Â', Ecirc: 'Ê', ccedil: 'ç', Ccedil: 'Ç',
  ntilde: 'ñ', Ntilde: 'Ñ', atilde: 'ã', otilde: 'õ', aring: 'å', Aring: 'Å', aelig: 'æ', AElig: 'Æ',
  oslash: 'ø', Oslash: 'Ø', euml: 'ë', iuml: 'ï', yuml: 'ÿ', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ',
  lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', Sigma: 'Σ', omega: 'ω', Omega: 'Ω',
};

/**
 * Decodes HTML character references: the named ones above, `&#65;` and `&#x41;`. An unknown name stays
 * as written (it is visible, and never markup). Control characters and sentinels decode to nothing.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      if (code === 0xa0) return ' ';
      // Control characters (but tab and newline) and our sentinels' range never come out of a reference.
      if ((code < 0x20 && code !== 9 && code !== 10) || (code >= 0x7f && code < 0xa0) || (code >= 0xe000 && code <= 0xe012)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? whole;
  });
}

const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr', 'caption',
]);
/** Elements whose content is never text a learner should see. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);

/** What the conversion met that our plain text cannot show: the caller reports these. */
export interface HtmlFindings {
  images: number;
  tables: number;
  links: number;
  media: number;
  dropped: Set<string>;
}

export function emptyFindings(): HtmlFindings {
  return { images: 0, tables: 0, links: 0, media: 0, dropped: new Set() };
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>/g;

/**
 * Converts HTML to plain text with code-block markers (see `splitBlocks`). `findings` collects images,
 * tables, links and media, so the importer can say what was not carried over.
 */
export function htmlToMarkedText(html: string, findings: HtmlFindings = emptyFindings()): string {
  let out = '';
  let pre = 0;
  let dropping: string | undefined;
  let dropDepth = 0;
  let codeOpen = false; // a <code> or <pre> code block is open
  let last = 0;
  const text = (raw: string): void => {
    if (dropping) return;
    const decoded = decodeEntities(raw);
    out += pre > 0 ? decoded : decoded.replace(/[ \t\r\n\f]+/g, ' ');
  };
  for (const match of html.matchAll(TOKEN)) {
    text(html.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      text(match[1].replace(/&/g, '&amp;'));
      continue;
    }
    const name = match[3]?.toLowerCase();
    if (name === undefined) continue; // a comment, a doctype or a processing instruction
    const closing = match[2] === '/';
    const attributes = match[4] ?? '';
    if (dropping) {
      if (name === dropping) dropDepth += closing ? -1 : attributes.trimEnd().endsWith('/') ? 0 : 1;
      if (dropDepth <= 0) dropping = undefined;
      continue;
    }
    if (DROPPED.has(name)) {
      if (!closing && !attributes.trimEnd().endsWith('/')) {
        dropping = name;
        dropDepth = 1;
      }
      findings.dropped.add(name);
      continue;
    }
    switch (name) {
      case 'br':
        out += '\n';
        break;
      case 'img':
        if (!closing) {
          findings.images += 1;
          const alt = /\balt\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attributes);
          const altText = decodeEntities(alt?.[2] ?? alt?.[3] ?? '').trim();
          if (altText) out += `[image: ${altText}]`;
        }
        break;
      case 'video':
      case 'audio':
        if (!closing) findings.media += 1;
        break;
      case 'a':
        if (!closing && /\bhref\s*=/i.test(attributes)) findings.links += 1;
        break;
      case 'table':
        if (!closing) findings.tables += 1;
        out += '\n';
        break;
      case 'td':
      case 'th':
        if (closing) out += ' ';
        break;
      case 'pre':
        if (closing) {
          pre = Math.max(0, pre - 1);
          if (pre === 0 && codeOpen) {
            out += CODE_CLOSE;
            codeOpen = false;
          }
          out += '\n';
        } else {
          out += '\n';
          if (pre === 0 && !codeOpen) {
            out += `${CODE_OPEN}${languageOf(attributes) ?? ''}${CODE_LANG_END}`;
            codeOpen = true;
          }
          pre += 1;
        }
        break;
      case 'code':
        if (pre > 0) {
          // <pre><code class="language-x">: the inner element names the language.
          if (!closing) out = nameLanguage(out, languageOf(attributes));
        } else if (closing && codeOpen) {
          out += CODE_CLOSE;
          codeOpen = false;
        } else if (!closing && !codeOpen) {
          out += `${CODE_OPEN}${languageOf(attributes) ?? ''}${CODE_LANG_END}`;
          codeOpen = true;
        }
        break;
      default:
        if (BLOCK.has(name)) out += '\n';
    }
  }
  text(html.slice(last));
  if (codeOpen) out += CODE_CLOSE;
  return out;
}

/** Sets the language of the code block just opened, when it has none yet. */
function nameLanguage(out: string, language: string | undefined): string {
  if (!language) return out;
  const open = out.lastIndexOf(CODE_OPEN);
  if (open < 0 || out.indexOf(CODE_LANG_END, open) !== open + 1) return out;
  return `${out.slice(0, open + 1)}${language}${out.slice(open + 1)}`;
}

/** The language a class attribute names: `language-sql`, `lang-sql`, or a bare known name. */
function languageOf(attributes: string): string | undefined {
  const cls = /\bclass\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  const classes = (cls?.[2] ?? cls?.[3] ?? cls?.[4] ?? '').split(/\s+/);
  for (const c of classes) {
    const named = /^(?:language|lang)-([A-Za-z0-9+#_-]+)$/.exec(c);
    if (named?.[1]) return named[1].toLowerCase();
  }
  const bare = classes.find((c) => BARE_LANGUAGES.has(c.toLowerCase()));
  return bare?.toLowerCase();
}

const BARE_LANGUAGES = new Set(['sql', 'python', 'javascript', 'typescript', 'java', 'bash', 'json', 'css', 'html', 'xml', 'php', 'c', 'cpp', 'csharp']);

/** A piece of converted text: prose, or code (with the language its markup named). */
export type Block = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'code'; readonly text: string; readonly language?: string };

/**
 * Splits marked text into prose and code blocks. A `<code>` that shares its line with prose is inline
 * code, not a block: its text stays in the prose. Each block's text is tidied: trailing spaces cut,
 * prose lines trimmed, runs of blank lines shortened to one, ends trimmed.
 */
export function splitBlocks(marked: string): Block[] {
  const blocks: Block[] = [];
  let rest = marked;
  let prose = '';
  for (;;) {
    const open = rest.indexOf(CODE_OPEN);
    if (open < 0) break;
    const langEnd = rest.indexOf(CODE_LANG_END, open);
    const close = rest.indexOf(CODE_CLOSE, langEnd);
    const before = rest.slice(0, open);
    const language = rest.slice(open + 1, langEnd);
    const body = rest.slice(langEnd + 1, close < 0 ? undefined : close);
    const after = close < 0 ? '' : rest.slice(close + 1);
    const lineBefore = (prose + before).slice((prose + before).lastIndexOf('\n') + 1);
    const lineAfter = after.slice(0, after.indexOf('\n') < 0 ? undefined : after.indexOf('\n'));
    const standsAlone = lineBefore.trim() === '' && lineAfter.trim() === '';
    if (standsAlone || body.includes('\n')) {
      prose += before;
      if (tidyProse(prose)) blocks.push({ kind: 'text', text: tidyProse(prose) });
      prose = '';
      const code = tidyCode(body);
      if (code) blocks.push({ kind: 'code', text: code, ...(language ? { language } : {}) });
    } else {
      prose += before + body;
    }
    rest = after;
  }
  prose += rest;
  if (tidyProse(prose)) blocks.push({ kind: 'text', text: tidyProse(prose) });
  return blocks;
}

/** Plain text from HTML, code blocks included as lines of their own. */
export function htmlToText(html: string, findings?: HtmlFindings): string {
  return blocksToText(splitBlocks(htmlToMarkedText(html, findings)));
}

/** Joins blocks back into one text, each block on lines of its own. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}

function tidyProse(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Code keeps its indentation as written, tabs included (Go indents with tabs; the page shows them 4 wide). */
function tidyCode(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

/**
 * Markup that can only be there to run code in a reader's browser: a `<script>` element, an event
 * handler attribute (`onerror=`), a `javascript:` address. Our output could never run it (text stays
 * text), but a file carrying it is hostile or broken, so importers refuse it rather than guess.
 * Returns what was found, in words, or undefined.
 */
export function hostileMarkup(text: string): string | undefined {
  if (/<script\b/i.test(text)) return 'a <script> element';
  if (/<[a-z][^<>]{0,2000}?\son[a-z]+\s*=/i.test(text)) return 'an event-handler attribute (on...=)';
  if (/\b(?:href|src|action)\s*=\s*\\?["']?\s*javascript:/i.test(text)) return 'a javascript: address';
  return undefined;
}
