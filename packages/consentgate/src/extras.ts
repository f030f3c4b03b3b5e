// The manager module: what the gate loads right after it ran (consentgate.manager.js, or a
// dynamic import). It attaches storage, decisions, other tabs and the expiry watch to the kernel,
// draws placeholders and the ways back into the preferences, runs the full config checks when
// the gate found something off, starts receipts when configured, and shows the banner when needed.
import { createPlaceholder, createRelease, type GateHandle } from '@consentgate/blocker';
import {
  type AttachOptions,
  attachManager,
  CATEGORY_LABELS,
  type CategoryId,
  type ConfigIssue,
  type ConsentKernel,
  categoryText,
  formatIssues,
  gateText,
  isConfigObject,
  pageLocale,
  read,
} from '@consentgate/core';
import { installPreferencesTriggers, type LoadLocale, type UIController } from '@consentgate/ui';
import type { Load } from './modules';
import type { ConsentGate, GateImpl } from './types';

/** What the gate hands the manager module. */
export interface ExtrasContext {
  kernel: ConsentKernel;
  api: ConsentGate;
  /** The config as the site wrote it. */
  input: unknown;
  /** The same when it is an object, else `{}` (each feature reads its own slice). */
  raw: Record<string, unknown>;
  /** The gate's issues list, which the full checks fill. */
  issues: ConfigIssue[];
  /** The gate's normaliser found something off: run the full checks. */
  suspect: boolean;
  load: Load;
  nonce?: string;
  loadLocale?: LoadLocale;
  autoShow: boolean;
  managerOptions?: AttachOptions;
  /** The gate's blocker (none when `blocker: false`): it is given its release side here. */
  gate?: GateHandle;
  /** Gives the blocker the placeholder maker (texts in the visitor's language). */
  setPlaceholder(make: (frame: HTMLElement, category: string) => HTMLElement | null): void;
}

/** Starts the manager module for a gate; returns what the gate's API defers to. */
export function startExtras(ctx: ExtrasContext): GateImpl {
  const { kernel, api, raw, load } = ctx;
  const { config, report } = kernel;
  const quiet = () => {};
  const parts = attachManager(kernel, ctx.managerOptions);
  const cleanups: Array<() => void> = [parts.destroy];
  const locale = kernel.record()?.locale || pageLocale(config);
  const label = (category: CategoryId) =>
    categoryText(config, category, 'label', locale, CATEGORY_LABELS) || category;

  // The full checks name every problem; a valid config never downloads them.
  const checked = ctx.suspect
    ? load('check').then(
        ({ checkConfig }) => {
          const found = checkConfig(ctx.input, typeof location === 'undefined' ? '' : location.hostname);
          ctx.issues.splice(0, ctx.issues.length, ...found);
          if (found.length) report(formatIssues(found));
        },
        (error: unknown) => report(`could not check the config (${String(error)})`),
      )
    : Promise.resolve();

  // From now on granted tags are given back; nothing could be granted before this module ran.
  ctx.gate?.attach(createRelease);
  ctx.setPlaceholder((frame, category) =>
    createPlaceholder(frame, category, {
      placeholder: {
        title: (name: string) => gateText(config, locale, 'placeholderTitle', name),
        button: (name: string) => gateText(config, locale, 'placeholderButton', name),
        label,
      },
      onAllow: (id: CategoryId) => void api.update({ [id]: true }, 'preferences'),
    }),
  );

  let ui: Promise<UIController> | undefined;
  const withUI = (use: (controller: UIController) => void): Promise<void> => {
    // `triggers: false`: the gate owns the floating button and the preferences links, so they
    // work before (and without) the UI.
    ui ??= load('ui').then(({ mountConsentUI }) =>
      mountConsentUI(api, {
        nonce: ctx.nonce,
        triggers: false,
        ui: read(raw, 'ui', '', quiet),
        loadLocale: ctx.loadLocale,
      }),
    );
    return ui.then(use).catch((error: unknown) => {
      // A UI that failed to load must not be cached: the next call tries again.
      ui = undefined;
      report(`could not load the consent UI: ${String(error)}`);
    });
  };
  const showBanner = () => withUI((controller) => controller.showBanner());

  if (typeof document !== 'undefined') {
    const uiConfig = read(raw, 'ui', '', quiet);
    cleanups.push(
      installPreferencesTriggers(document, {
        floatingButton: !(isConfigObject(uiConfig) && read(uiConfig, 'floatingButton', '', quiet) === false),
        text: gateText(config, locale, 'settings'),
        open: (opener) => api.showPreferences(opener),
        consent: kernel,
        ready: parts.ready,
      }),
    );
    // A returning visitor with valid consent never downloads the UI. The check waits for
    // IndexedDB (`ready`) so a visitor whose cookie was lost but whose record survived is not asked again.
    if (ctx.autoShow) {
      parts.ready.then(() => {
        if (kernel.getConsent().status !== 'given') showBanner();
      });
      // The consent went away while the page stays open (it expired, `reset()`, another tab):
      // ask again, as a first visit would. A UI already loaded follows the change by itself.
      cleanups.push(
        kernel.on('change', ({ state }) => {
          if (state.status !== 'given' && !ui) showBanner();
        }),
      );
    }
  }

  // The receipts module checks its own slice (and refuses an endpoint that is not http(s)).
  const receipts = read(raw, 'receipts', '', quiet);
  if (receipts !== undefined)
    load('receipts').then(
      ({ installReceipts, resolveReceipts }) =>
        cleanups.push(
          installReceipts(api, { endpoint: resolveReceipts(receipts, report)?.endpoint, locale }),
        ),
      (error: unknown) => report(`could not load receipts (${String(error)})`),
    );

  return {
    ready: Promise.all([parts.ready, checked]).then(quiet),
    acceptAll: parts.acceptAll,
    rejectAll: parts.rejectAll,
    update: parts.update,
    reset: parts.reset,
    history: parts.history,
    showBanner,
    showPreferences: (opener) => withUI((controller) => controller.showPreferences(opener)),
    destroy() {
      for (const cleanup of cleanups.splice(0)) kernel.guard('destroy', cleanup);
      ui?.then((controller) => controller.destroy()).catch(quiet);
      ui = undefined;
    },
  };
}
