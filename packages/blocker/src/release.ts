// Giving back what the gate held, once its category is granted: released in document order
// (each ordered external script awaited, so the inline tags using it run after it, as without
// the gate), embeds behind placeholders loaded, held requests replayed when asked for; and on
// revoke, the category's cookies deleted and its embeds put back behind their placeholders.
// Loaded by the script-tag gate with its manager module: nothing is granted before that.

import type { Decisions } from './decide';
import { cookieScopes } from './decide';
import { EXECUTABLE, restoreAttributes, type SetAttribute, urlOf } from './element';
import type { Holder, Win } from './holder';
import type { Log } from './log';
import { trustedScripts } from './trusted-types';

/** What the release side shares with the gate that holds (see `installGate`). */
export interface HeldState {
  w: Win;
  decisions: Decisions;
  holder: Holder;
  set: SetAttribute;
  log: Log;
  /** Held requests to send on grant (`replayHeldRequests`), with their category. */
  requests: Array<[string, () => void]>;
  /** The original `document.cookie` accessor, to delete the cookies of a revoked category. */
  cookie: PropertyDescriptor | undefined;
  reloadOnRevoke: boolean;
}

/** The release side of one window's gate; see {@link createRelease}. */
export interface Release {
  /** Applies a consent change: revoke what was withdrawn, give back what is now granted. */
  changed(): void;
}

/**
 * Attaches the release side to a window's gate: from now on an allowed held element is given
 * back at once, and `changed()` applies every consent change.
 */
export function createRelease(state: HeldState): Release {
  const { w, decisions, holder, set, log } = state;
  const queue: Element[] = [];
  let pumping = false;

  const giveBack = (el: Element): void | Promise<void> => {
    const category = el.getAttribute('data-category') ?? '';
    if (!decisions.allowed(category)) return void holder.held.add(el);
    log('released', el.tagName.toLowerCase(), urlOf(el), category);
    const box = holder.placeholders.get(el);
    if (box) {
      holder.placeholders.delete(el);
      box[0].remove();
      (el as HTMLElement).style.display = box[1];
    }
    if (el.tagName === 'IFRAME') {
      // Chromium drops a src set on an iframe just after it was inserted (its initial
      // about:blank load wins; seen when released during parsing). A fresh copy always navigates.
      const fresh = el.cloneNode() as Element;
      restoreAttributes(set, fresh);
      holder.released.add(fresh);
      el.parentNode?.replaceChild(fresh, el);
      return;
    }
    if (el.tagName !== 'SCRIPT') return restoreAttributes(set, el);
    // A script the browser has seen never runs again: a fresh copy replaces it.
    const parent = el.parentNode;
    if (!parent) return;
    const old = el as HTMLScriptElement;
    const fresh = w.document.createElement('script');
    const trusted = trustedScripts(w);
    for (const { name, value } of Array.from(old.attributes)) {
      // `on*` handlers stay on the held element, which hears the copy's load and error (below).
      if (name !== 'type' && name !== 'data-type' && !/^on/i.test(name))
        set(fresh, name, name === 'src' ? trusted.url(value) : value);
    }
    const type = old.getAttribute('data-type');
    if (type) set(fresh, 'type', type);
    // The nonce attribute is hidden once connected (HTML spec, "nonce attributes"); the property keeps it.
    if (old.nonce) fresh.nonce = old.nonce;
    // Page code keeps the element it created (a loader awaiting `script.addEventListener('load')`):
    // its `onload`/`onerror` and listeners hear the copy's events, once, with the held element as target.
    for (const kind of ['load', 'error'])
      fresh.addEventListener(kind, () => old.dispatchEvent(new Event(kind)), { once: true });
    if (old.text) fresh.text = trusted.script(old.text);
    holder.released.add(fresh);
    const external = fresh.hasAttribute('src');
    // Inserted scripts are async by default; without `async` they keep their order.
    if (external && !fresh.hasAttribute('async')) fresh.async = false;
    const wait = external && !fresh.async && !fresh.noModule && EXECUTABLE.test(fresh.type);
    return new Promise<void>((done) => {
      if (wait) {
        fresh.addEventListener('load', () => done());
        fresh.addEventListener('error', () => done());
      }
      parent.replaceChild(fresh, old);
      if (!wait) done();
    });
  };

  // One element at a time, in document order, each ordered external script awaited.
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      for (let el = queue.shift(); el; el = queue.shift()) {
        try {
          await giveBack(el);
        } catch (error) {
          console.error('[consentgate] could not release', el, error);
        }
      }
    } finally {
      pumping = false;
    }
  };
  holder.release = (el) => {
    if (!queue.includes(el)) queue.push(el);
    queue.sort(byDocumentOrder);
    // Started a microtask later, so every tag found in the same pass is queued in order first.
    w.Promise.resolve().then(pump);
  };

  const snapshot = () => {
    const out: Record<string, boolean> = {};
    for (const id of decisions.known) out[id] = decisions.allowed(id);
    return out;
  };
  let last = snapshot();

  // Deletes every cookie of `categories` the page can see, in every scope it could have been set in.
  const removeCookies = (categories: string[]) => {
    const original = state.cookie;
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
    log('deleted', 'cookie', names.join(' '), categories.join(' '));
  };

  const update = (revoked: boolean) => {
    // An embed keeps talking to its host while it is loaded: a revoked one goes back behind its
    // placeholder (its document unloads), to be released again on the next grant.
    if (revoked)
      for (const frame of w.document.querySelectorAll('iframe[src]')) {
        holder.released.delete(frame);
        if (holder.neutralise(frame)) holder.track(frame);
      }
    for (const el of [...holder.held].sort(byDocumentOrder)) holder.track(el);
  };
  update(false);

  return {
    changed() {
      const before = last;
      last = snapshot();
      const revoked = decisions.known.filter((id) => before[id] && !last[id]);
      if (revoked.length) removeCookies(revoked);
      update(revoked.length > 0);
      const { requests } = state;
      for (let i = 0; i < requests.length; i++) {
        if (!decisions.allowed(requests[i][0])) continue;
        const [[category, replay]] = requests.splice(i--, 1);
        log('replayed', 'request', null, category);
        replay();
      }
      if (revoked.length && state.reloadOnRevoke) w.location.reload();
    },
  };
}

function byDocumentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}
