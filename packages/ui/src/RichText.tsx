import { parseLinks } from './parse-links';

/** Config text rendered as text; only `[label](https://…)` becomes a link. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseLinks(text).map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ),
      )}
    </>
  );
}
