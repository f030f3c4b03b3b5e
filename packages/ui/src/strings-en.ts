import type { Strings } from './string-keys';

/** Every UI string, in English. */
export const STRINGS_EN: Strings = {
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
  updatedTitle: 'Our privacy policy has changed',
  updatedText:
    'We updated our privacy policy (now version {version}) after you made your choice. Please review it and choose again; your previous choices are pre-filled in the preferences.',
  changes: 'What changed:',
  currentPolicy: 'Current version {version}',
  gpcNotice:
    'Your browser sent a Global Privacy Control signal, so {categories} stay off, even with “Accept all”.',
  gpcOptIn: 'You can still switch them on here.',
  separateNote: 'Needs your separate consent: “Accept all” does not switch this on.',
  separateBanner:
    '“Accept all” does not include {categories}: that needs your separate consent in the preferences.',
  recipient: 'Recipient',
  contact: 'Contact',
  dataTypes: 'Data',
  ageQuestion: 'Before anything is switched on, please confirm your age.',
  ageAdult: 'I am {age} or older',
  ageGuardian: 'I am under {age} and my parent or guardian consents',
  ageUnder: 'I am under {age}',
  back: 'Back',
};
