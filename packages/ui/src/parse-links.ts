/** A piece of description text: plain text, or a link whose `href` is a checked http(s) URL. */
export type TextPart = string | { text: string; href: string };

const LINK = /\[([^\]]+)\]\(([^()\s]+)\)/g;

/**
 * Splits `text` on the one link syntax descriptions may use, `[label](https://…)`. Only absolute
 * http(s) URLs become links; anything else (including `javascript:`) stays literal text.
 */
export function parseLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const href = safeUrl(match[2]);
    if (!href) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ text: match[1], href });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * The URL, normalised, when it is an http(s) URL (relative ones only when a `base` is given);
 * otherwise `undefined`.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
