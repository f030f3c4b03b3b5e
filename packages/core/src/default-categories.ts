import type { CategoryId } from './types';

/**
 * The ids of the four built-in categories, in display order. Their names are `CATEGORY_LABELS`
 * (gate-texts.ts, for what the gate draws before the UI); the UI's locale files carry their
 * descriptions. A config's `categories.<id>` texts are shown over those (see `categoryText`).
 */
export const DEFAULT_CATEGORY_IDS: ReadonlyArray<CategoryId> = [
  'necessary',
  'analytics',
  'advertising',
  'pixels',
];
