import type { LocaleBundle } from './locales';
import { STRINGS_EN } from './strings-en';

/** English: the UI strings and the built-in categories' descriptions. */
export const LOCALE_EN: LocaleBundle = {
  strings: STRINGS_EN,
  descriptions: {
    necessary: 'Sign-in, security and remembering this choice. Always on.',
    analytics: 'Measuring how the site is used.',
    advertising: 'Ads and ad personalisation.',
    pixels: 'Web beacons and pixel tags that track visits, email opens and clicks.',
  },
};
