// A first guess at the category of something nothing classifies, for the draft config only: by
// words in a host or path, by well-known first-party cookie names. A guess is a draft for the
// site owner to confirm; when no word speaks, the draft says TODO. Pure.
import type { CategoryId } from '@consentgate/core';

/** The category the draft config gives what it cannot guess: not a valid id, so the validator flags it. */
export const TODO = 'TODO';

// Whole words only (`ads.` and `/ads/`, not `uploads` or `roadster`).
const word = (words: string) => new RegExp(`(^|[^a-z0-9])(${words})([^a-z0-9]|$)`, 'i');
const WORDS: ReadonlyArray<[CategoryId, RegExp]> = [
  ['pixels', word('pixels?|px|beacons?|conversions?')],
  [
    'advertising',
    word('ads?|adserv(er|ice)?|advert[a-z]*|adsystem|banners?|sponsor[a-z]*|retarget[a-z]*|affiliates?'),
  ],
  [
    'analytics',
    word(
      'analytics|stats?|statistics|metrics|telemetry|insights?|collect|tracking|tracker|track|counter|tongji|heatmaps?',
    ),
  ],
];

/**
 * The category words in a host name or its request paths suggest (`stats.example.net` →
 * analytics, `/pixel.gif` → pixels), or `null` when none does.
 */
export function guessHostCategory(host: string, paths: ReadonlyArray<string> = []): CategoryId | null {
  for (const [category, words] of WORDS) if (words.test(host)) return category;
  for (const [category, words] of WORDS) if (paths.some((path) => words.test(path))) return category;
  return null;
}

// Session and anti-forgery cookies of common server frameworks: what a site needs to work.
const NECESSARY_COOKIES =
  /^(PHPSESSID|JSESSIONID|ASP\.NET_SessionId|ASPSESSIONID\w*|CFID|CFTOKEN|connect\.sid|sessionid|session|sid|csrftoken|csrf_token|_csrf|XSRF-TOKEN|__RequestVerificationToken|__cf_bm|cf_clearance|AWSALB\w*|laravel_session)$/i;

/** `necessary` for well-known session / security cookie names, else `null`. */
export function guessCookieCategory(name: string): CategoryId | null {
  return NECESSARY_COOKIES.test(name) ? 'necessary' : null;
}
