/**
 * The keys of the UI strings (`translations[locale][key]` in the config), in a list of their own
 * so the banner knows them without carrying any locale's texts (each locale is its own file).
 */
export const STRING_KEYS = [
  'bannerTitle',
  'bannerText',
  'policyLink',
  'acceptAll',
  'rejectAll',
  'manage',
  'preferencesTitle',
  'preferencesText',
  'save',
  'close',
  'alwaysOn',
  'services',
  'provider',
  'purpose',
  'cookies',
  'lifetime',
  'policyVersion',
  'updatedTitle',
  'updatedText',
  'changes',
  'currentPolicy',
  'gpcNotice',
  'gpcOptIn',
  'separateNote',
  'separateBanner',
  'recipient',
  'contact',
  'dataTypes',
  'ageQuestion',
  'ageAdult',
  'ageGuardian',
  'ageUnder',
  'back',
] as const;

export type StringKey = (typeof STRING_KEYS)[number];

/** A complete set of UI strings for one locale. */
export type Strings = Readonly<Record<StringKey, string>>;
