import type { ConsentState } from '@consentgate/core';

/** What the triggers need: whether to float the button, its text, how to open the preferences. */
export interface TriggerOptions {
  floatingButton: boolean;
  /** The floating button's text ("Privacy settings"), in the visitor's language. */
  text: string;
  open(opener: Element): void;
  consent: { getConsent(): ConsentState; on(event: 'change', listener: () => void): () => void };
  /** Resolves once storage was read (a consent restored from IndexedDB shows the button too). */
  ready: Promise<void>;
}

/**
 * Keeps withdrawing as easy as granting, without downloading the UI up front: any element with
 * `data-consentgate="preferences"` opens the preferences, and (unless `floatingButton` is false)
 * a small "Privacy settings" button floats in a corner while a valid consent exists.
 * Returns a cleanup.
 */
export function installPreferencesTriggers(doc: Document, options: TriggerOptions): () => void {
  const { open, consent } = options;
  const onClick = (event: Event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-consentgate="preferences"]');
    if (!trigger) return;
    event.preventDefault();
    open(trigger);
  };
  doc.addEventListener('click', onClick);
  if (!options.floatingButton) return () => doc.removeEventListener('click', onClick);

  // Built on first need: the manager module often runs before there is a body.
  let host: HTMLElement | undefined;
  const build = (): HTMLElement => {
    const element = doc.createElement('div');
    element.setAttribute('data-consentgate', 'floating');
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = options.text;
    // CSSOM writes are allowed under a strict style-src CSP, unlike a style attribute. The shadow
    // root keeps host-page CSS out; the colours give 15.3:1 contrast.
    button.style.cssText =
      'position:fixed;bottom:12px;left:12px;z-index:2147483646;min-height:32px;padding:6px 12px;' +
      'border:1px solid #fff;border-radius:16px;background:#111827;color:#fff;font:14px/1.2 system-ui,sans-serif;cursor:pointer';
    button.addEventListener('click', () => open(button));
    element.attachShadow({ mode: 'open' }).append(button);
    return element;
  };

  const sync = () => {
    const wanted = consent.getConsent().status === 'given';
    if (wanted && !host?.isConnected && doc.body) doc.body.append((host ??= build()));
    else if (!wanted) host?.remove();
  };
  const unsubscribe = consent.on('change', sync);
  if (doc.body) sync();
  else doc.addEventListener('DOMContentLoaded', sync, { once: true });
  options.ready.then(sync);
  return () => {
    doc.removeEventListener('click', onClick);
    doc.removeEventListener('DOMContentLoaded', sync);
    unsubscribe();
    host?.remove();
  };
}
