// What the site owner wrote: the tags of a page's HTML source that fetch something, with their
// lines, whether ConsentGate's annotations hold them, and where the gate's own <script> is. Used
// to tell why a request left before consent. A tolerant scan of start tags, not a full parser:
// enough to find `<img src="…">` at line 12, never used to decide what the browser did.

/** A tag in the source that names a URL. */
export interface SourceTag {
  tag: string;
  /** The URL attribute's value resolved against the page (`src`, `href`, `data-src`, …). */
  url: string;
  attribute: string;
  /** 1-based line of the tag's `<`. */
  line: number;
  /**
   * Written so that nothing is fetched before the gate releases it: a `<script type="text/plain">`,
   * or the URL in `data-src` (the gate sets `src` on consent).
   */
  held: boolean;
  /** Its `data-category`, when it has one (a `data-category` beside a real `src` holds nothing). */
  category?: string;
}

/** An inline `<script>` block (no `src`), by its lines. */
export interface InlineScript {
  startLine: number;
  endLine: number;
  /** `type="text/plain"`: held by the gate until its category is granted. */
  annotated: boolean;
}

export interface HtmlSource {
  tags: SourceTag[];
  inlineScripts: InlineScript[];
  /** Line of the first `<script src>` whose file is ConsentGate's gate (`consentgate.js`, `consentgate.min.js`). */
  gateLine?: number;
}

const TAG =
  /<(script|img|iframe|link|source|embed|video|audio|object|input)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const URL_ATTRIBUTES = ['src', 'href', 'data-src', 'data', 'poster'];
const GATE_FILE = /(^|\/)consentgate(\.min)?\.js$/;

/** Whether `url` is ConsentGate's gate file (`…/consentgate.js`, `…/consentgate.min.js`). */
export function isGateScript(url: string): boolean {
  try {
    return GATE_FILE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Reads the fetching tags, the inline scripts and the gate's position out of `html`. */
export function readHtmlSource(html: string, pageUrl: string): HtmlSource {
  const lineAt = lineCounter(html);
  const tags: SourceTag[] = [];
  const inlineScripts: InlineScript[] = [];
  let gateLine: number | undefined;
  // Comments hold no tags; blank them out keeping the offsets (and so the lines).
  const text = html.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const match of text.matchAll(TAG)) {
    const tag = match[1].toLowerCase();
    const attributes = readAttributes(match[2]);
    const line = lineAt(match.index);
    const type = attributes.get('type')?.toLowerCase();
    const category = attributes.get('data-category');
    const plainText = tag === 'script' && type === 'text/plain';
    if (tag === 'script' && !attributes.has('src')) {
      const annotated = plainText;
      const end = text.indexOf('</script', match.index + match[0].length);
      inlineScripts.push({ startLine: line, endLine: lineAt(end < 0 ? text.length : end), annotated });
    }
    for (const attribute of URL_ATTRIBUTES) {
      const value = attributes.get(attribute);
      if (!value) continue;
      const url = resolve(decodeEntities(value), pageUrl);
      if (!url) continue;
      const held = plainText || attribute === 'data-src';
      tags.push({ tag, url, attribute, line, held, ...(category !== undefined && { category }) });
      if (tag === 'script' && attribute === 'src' && gateLine === undefined && isGateScript(url))
        gateLine = line;
    }
  }
  return { tags, inlineScripts, ...(gateLine !== undefined && { gateLine }) };
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function resolve(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}
