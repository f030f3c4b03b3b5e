const FOCUSABLE =
  'a[href],button:not(:disabled),input:not(:disabled),summary,[tabindex]:not([tabindex="-1"])';

/** The visible, keyboard-focusable elements inside `container`, in DOM order. */
export function focusables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/**
 * The focused element, looking through open shadow roots (`document.activeElement` stops at a
 * host); from `start` when given (a host passed as an opener).
 */
export function deepActiveElement(start: Element | null = document.activeElement): Element | null {
  let active = start;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A keydown handler for a modal container: Tab and Shift+Tab wrap around inside it. */
export function trapTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const container = event.currentTarget as HTMLElement;
  const items = focusables(container);
  const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
  const edge = event.shiftKey ? items[0] : items[items.length - 1];
  if (active === edge || active === container || !container.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? items[items.length - 1] : items[0])?.focus();
  }
}
