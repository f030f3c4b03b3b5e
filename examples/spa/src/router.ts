/** A view: renders into `view`, may return a cleanup run when the route changes. */
export type Render = (view: HTMLElement) => (() => void) | undefined;

/**
 * A hash router (`#/trails`), so every route is a plain static file for any server. Calls
 * `onChange` after each route change that rendered (not for the first render).
 */
export function startRouter(
  view: HTMLElement,
  routes: Record<string, Render>,
  onChange: (path: string) => void,
): void {
  let cleanup: (() => void) | undefined;
  let first = true;
  const show = () => {
    const path = location.hash.replace(/^#/, '') || '/';
    cleanup?.();
    view.replaceChildren();
    cleanup = (routes[path] ?? routes['/'])(view);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[href^="#/"]')) {
      if (link.getAttribute('href') === `#${path}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (first) first = false;
    else {
      view.focus();
      onChange(path);
    }
  };
  window.addEventListener('hashchange', show);
  show();
}
