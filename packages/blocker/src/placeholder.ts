import type { CategoryId } from '@consentgate/core';
import { urlOf } from './element';

/** The texts (already localised) and the action of a placeholder. */
export interface PlaceholderOptions {
  placeholder?: {
    title: (categoryLabel: string) => string;
    button: (categoryLabel: string) => string;
    label?: (category: string) => string;
  };
  /** Called when "allow" is clicked; `trusted`: by the visitor (`event.isTrusted`), not a script. */
  onAllow?: (category: CategoryId, trusted: boolean) => void;
}

const STYLE =
  'display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;box-sizing:border-box;' +
  'max-width:100%;padding:16px;border:1px solid #6b7280;background:#f3f4f6;color:#111827;' +
  'font:14px/1.4 system-ui,sans-serif;text-align:center';

/**
 * The box shown instead of a held iframe: what it is (the category and the host it would load),
 * and a real button that asks to allow the category. Text only, never HTML.
 */
export function createPlaceholder(
  frame: Element,
  category: string,
  options: PlaceholderOptions = {},
): HTMLElement {
  const d = frame.ownerDocument;
  const url = urlOf(frame) ?? '';
  const texts = options.placeholder;
  const label = texts?.label?.(category) ?? category;
  const title = texts ? texts.title(label) : `This ${label} content is blocked until you allow ${label}.`;
  const box = d.createElement('div');
  box.setAttribute('data-consentgate-placeholder', category);
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', title);
  box.style.cssText = `${STYLE};width:${size(frame, 'width')};height:${size(frame, 'height')}`;
  const text = d.createElement('p');
  const host = d.createElement('p');
  const button = d.createElement('button');
  text.style.margin = host.style.margin = '0';
  text.textContent = title;
  try {
    host.textContent = new URL(url, d.baseURI).hostname;
  } catch {}
  button.type = 'button';
  button.textContent = texts ? texts.button(label) : `Allow ${label}`;
  button.addEventListener('click', (event) => {
    try {
      options.onAllow?.(category, event.isTrusted);
    } catch (error) {
      console.error('[consentgate] onAllow failed', error);
    }
  });
  box.append(text, host, button);
  return box;
}

// The iframe's own size, so the page does not jump when it is released.
function size(frame: Element, key: 'width' | 'height'): string {
  const value = frame.getAttribute(key);
  if (value) return /^\d+$/.test(value) ? `${value}px` : value;
  const measured = key === 'width' ? (frame as HTMLElement).offsetWidth : (frame as HTMLElement).offsetHeight;
  return measured ? `${measured}px` : 'auto';
}
