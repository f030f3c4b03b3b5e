/** Every UI string, in English: the reference set of keys a translation must give. */
export const STRINGS_EN = {
  bannerTitle: 'We value your privacy',
  bannerText:
    'We use cookies and similar technologies to run this site, to measure its use and for advertising. Necessary cookies are always on; the others only with your consent, which you can change at any time.',
  policyLink: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  preferencesTitle: 'Privacy preferences',
  preferencesText:
    'Choose which kinds of cookies and tracking you allow. Nothing is switched on until you choose.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  services: 'Services and cookies',
  provider: 'Provider',
  purpose: 'Purpose',
  cookies: 'Cookies',
  lifetime: 'Lifetime',
  policyVersion: 'Policy version {version}',
  settings: 'Privacy settings',
};

/** The keys of the UI strings (`translations[locale][key]` in the config). */
export type StringKey = keyof typeof STRINGS_EN;

/** A complete set of UI strings for one locale. */
export type Strings = Readonly<Record<StringKey, string>>;
