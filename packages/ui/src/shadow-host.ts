import { CSS } from './styles';

/** The element the UI lives in: a `<consentgate-ui>` host with an open shadow root. */
export interface ShadowHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  remove(): void;
}

let _sheet: CSSStyleSheet | undefined;

/**
 * Appends a `<consentgate-ui>` host to `parent` and styles its open shadow root: a shared
 * constructable stylesheet where supported, else a `<style>` carrying `nonce` for a strict CSP.
 * An unknown custom element is inline and empty to the host page, so it shifts no layout.
 */
export function createShadowHost(parent: Node, nonce?: string): ShadowHost {
  const host = document.createElement('consentgate-ui');
  const root = host.attachShadow({ mode: 'open' });
  try {
    if (!_sheet) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      _sheet = sheet;
    }
    root.adoptedStyleSheets = [_sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    root.append(style);
  }
  parent.appendChild(host);
  return { host, root, remove: () => host.remove() };
}
