import { type AttachOptions, attachManager } from './attach-manager';
import { createConsentKernel, type KernelOptions } from './kernel';
import { resolveConfig } from './resolve-config';
import type { ConfigIssue, ConsentManager, ResolvedConfig } from './types';

/** Replaces the effects of a consent manager, for tests and embedders. Every field is optional. */
export interface ManagerOptions extends KernelOptions, AttachOptions {
  /** The page's host name, to check `cookie.domain` against. Default `location.hostname`. */
  host?: string;
  /** Top-level config keys other features read (not reported as unknown). */
  otherKeys?: ReadonlyArray<string>;
}

/**
 * `cookie.domain` must be the page's host or a parent of it, else the browser drops the cookie:
 * such a domain is reported and left out.
 */
export function checkCookieDomain(
  config: ResolvedConfig,
  host: string,
  issues: ConfigIssue[],
): ResolvedConfig {
  const domain = config.cookie.domain?.replace(/^\./, '').toLowerCase();
  host = host.toLowerCase();
  if (!domain || !host || host === domain || host.endsWith(`.${domain}`)) return config;
  issues.push({ path: 'cookie.domain', message: `expected ${host} or a parent domain of it` });
  return { ...config, cookie: { ...config.cookie, domain: undefined } };
}

/**
 * Creates the consent manager for a site config (see `resolveConfig`). Config problems, including
 * a `cookie.domain` that is not the page's host or a parent of it, are collected in `issues` and
 * not logged here: the caller reports them once, with `formatIssues`.
 *
 * The consent cookie is read synchronously, so `source` and `getConsent()` answer right away;
 * IndexedDB is reconciled in the background (`ready`). Decisions resolve with the new state once
 * recorded. No method throws or rejects: failures go to `onError`.
 */
export function createConsentManager(input: unknown, options: ManagerOptions = {}): ConsentManager {
  const resolved = resolveConfig(input, { otherKeys: options.otherKeys });
  const issues = resolved.issues;
  const host = options.host ?? (typeof location === 'undefined' ? '' : location.hostname);
  const config = checkCookieDomain(resolved.config, host, issues);
  const kernel = createConsentKernel(config, options);
  const parts = attachManager(kernel, options);
  return {
    config,
    issues,
    ready: parts.ready,
    source: kernel.source,
    getConsent: kernel.getConsent,
    acceptAll: parts.acceptAll,
    rejectAll: parts.rejectAll,
    update: parts.update,
    reset: parts.reset,
    on: (event, listener) =>
      event === 'change' || event === 'consent' || event === 'decision'
        ? kernel.on(event, listener as never)
        : kernel.on('nope' as never, listener as never),
    whenGranted: kernel.whenGranted,
    history: parts.history,
    destroy() {
      parts.destroy();
      kernel.destroy();
    },
  };
}
