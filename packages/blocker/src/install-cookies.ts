import type { GateContext } from './context';
import { cookieScopes, isCookieDeletion } from './decide';

/**
 * Guards `document.cookie`: writes of a cookie whose category is denied are dropped (deletions
 * still pass). Returns the cleanup and `remove(categories)`, which deletes every cookie of those
 * categories the page can see, in every scope this page could have written it with.
 */
export function installCookies(
  ctx: Pick<GateContext, 'w' | 'decisions' | 'drop' | 'patcher'> & {
    log(what: string, names: string, category: string): void;
  },
): { cleanup(): void; remove(categories: ReadonlyArray<string>): void } {
  const { w, decisions, drop } = ctx;
  const patch = ctx.patcher();
  const proto = w.Document.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'cookie');
  patch.setter(
    proto,
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
  return {
    cleanup: patch.restore,
    remove(categories) {
      if (!original?.get || !original.set) return;
      const names = String(original.get.call(w.document))
        .split(';')
        .map((pair) => pair.split('=')[0].trim())
        .filter((name) => name && categories.includes(decisions.cookieCategory(name)!));
      if (!names.length) return;
      const { hostname, pathname, protocol } = w.location;
      const secure = protocol === 'https:' ? ';secure' : '';
      for (const scope of cookieScopes(hostname, pathname))
        for (const name of names)
          original.set.call(w.document, `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT${scope}${secure}`);
      ctx.log('deleted', names.join(' '), categories.join(' '));
    },
  };
}
