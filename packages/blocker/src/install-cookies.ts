import type { GateContext } from './context';
import { isCookieDeletion } from './decide';

/**
 * Guards `document.cookie`: writes of a cookie whose category is denied are dropped (deletions
 * still pass, read as the browser reads them). Returns the cleanup.
 */
export function installCookies(ctx: Pick<GateContext, 'w' | 'decisions' | 'drop' | 'patcher'>): () => void {
  const { w, decisions, drop } = ctx;
  const patch = ctx.patcher();
  patch.setter(
    w.Document.prototype,
    'cookie',
    (set) =>
      function (this: unknown, value: unknown) {
        const text = String(value);
        const name = text.split('=')[0].trim();
        const category = decisions.cookieCategory(name);
        if (category && !decisions.allowed(category) && !isCookieDeletion(text, Date.now()))
          drop('cookie', name, category);
        else set.call(this, value);
      },
  );
  return patch.restore;
}
