// Cookie lifetimes as a person reads them in a declaration. Pure.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `session` for `null`; otherwise the nearest of minutes, hours, days (below a month), months
 * (below a year) or years: `90 days` → `3 months`, 63072000 s → `2 years`.
 */
export function describeLifetime(seconds: number | null): string {
  if (seconds === null) return 'session';
  if (seconds <= 0) return 'expired';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  // Rounded before the unit is chosen: a cookie seen a second after it was set for a day has
  // 86399 s left, which is "1 day", not "24 hours".
  const minutes = Math.max(1, Math.round(seconds / MINUTE));
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(seconds / HOUR);
  if (hours < 24) return plural(hours, 'hour');
  const days = seconds / DAY;
  // 28–31 days is "1 month"; up to 27 the days are told.
  if (days < 27.5) return plural(Math.round(days), 'day');
  if (days < 350) return plural(Math.max(1, Math.round(days / 30.44)), 'month');
  return plural(Math.max(1, Math.round(days / 365.25)), 'year');
}
