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
  if (seconds < HOUR) return plural(Math.max(1, Math.round(seconds / MINUTE)), 'minute');
  if (seconds < DAY) return plural(Math.round(seconds / HOUR), 'hour');
  const days = seconds / DAY;
  // 28–31 days is "1 month"; up to 27 the days are told.
  if (days < 27.5) return plural(Math.round(days), 'day');
  if (days < 350) return plural(Math.max(1, Math.round(days / 30.44)), 'month');
  return plural(Math.max(1, Math.round(days / 365.25)), 'year');
}
