// Test helpers shared by the blocker's browser tests: a hand-made ConsentSource and the gate
// installed with rules that send same-origin test URLs to categories.
import {
  type BlockerOptions,
  createPlaceholder,
  installBlocker,
  type PlaceholderOptions,
} from '@consentgate/blocker';
import type { ConsentSource } from '@consentgate/core';

export interface FakeSource extends ConsentSource {
  set(choices: Record<string, boolean>): void;
}

/** A consent source whose answers the test sets; listeners run on every `set`. */
export function createFakeSource(initial: Record<string, boolean> = {}): FakeSource {
  const state: Record<string, boolean> = { ...initial };
  const listeners = new Set<() => void>();
  return {
    get: (category) => state[category] === true,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(choices) {
      Object.assign(state, choices);
      for (const listener of listeners) listener();
    },
  };
}

const host = location.hostname;
/** A same-origin script that records `name` in `window.__ran` when it runs (category: analytics). */
export const tag = (name: string) =>
  `${location.origin}/packages/blocker/test/browser/fixtures/tag.js?name=${name}`;
/** A same-origin URL that no rule matches. */
export const plain = (name: string) => `${location.origin}/__plain/${name}`;
/** Same-origin URLs the test rules put in a category (nothing is served there). */
export const url = (category: string, name: string) => `${location.origin}/__${category}/${name}`;

export const rules = [
  {
    category: 'analytics',
    match: [`${host}/packages/blocker/test/browser/fixtures/`, `${host}/__analytics/`],
  },
  { category: 'advertising', match: [`${host}/__advertising/`] },
  { category: 'pixels', match: [`${host}/__pixels/`] },
];

/**
 * Installs the gate with the test rules and placeholders drawn by `createPlaceholder` (with the
 * texts and `onAllow` given, else its defaults); returns the source and the cleanup.
 */
export function setup(
  options: Omit<Partial<BlockerOptions>, 'placeholder'> &
    PlaceholderOptions & { consent?: Record<string, boolean> } = {},
) {
  const source = createFakeSource(options.consent);
  const { placeholder, onAllow, ...rest } = options;
  const cleanup = installBlocker({
    rules,
    placeholder: (frame, category) => createPlaceholder(frame, category, { placeholder, onAllow }),
    ...rest,
    source,
  });
  return { source, cleanup };
}

/** What the fake tags recorded, in run order. */
export function ran(): string[] {
  return ((window as unknown as { __ran?: string[] }).__ran ??= []);
}
