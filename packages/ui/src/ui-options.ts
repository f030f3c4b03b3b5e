import type { ConfigIssue } from '@consentgate/core';

/** Where the banner sits: a full-width bar at the bottom, a corner box, or centred. */
export type BannerPosition = 'bar' | 'box' | 'center';
export type Theme = 'light' | 'dark' | 'auto';

/** `config.ui` after validation: every invalid value replaced by its default. */
export interface UIOptions {
  position: BannerPosition;
  theme: Theme;
  floatingButton: boolean;
  blocking: boolean;
  colors: { accent?: string; background?: string; text?: string };
  radius?: string;
  font?: string;
}

const POSITIONS: ReadonlyArray<string> = ['bar', 'box', 'center'];
const THEMES: ReadonlyArray<string> = ['light', 'dark', 'auto'];
const COLOR = /^(#[\da-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([\d\s.,%/+a-z-]*\))$/i;
const LENGTH = /^\d+(\.\d+)?(px|rem|em|%)$/;
// A font-family list: names, quotes, commas; nothing that could load a resource or end the rule.
const FONT = /^[\w\s,'"-]+$/;

/**
 * Validates `config.ui` (see the README for every key). Returns the options with defaults for
 * missing or invalid values, and one issue per invalid value, naming its path.
 */
export function resolveUIOptions(input: unknown): { options: UIOptions; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const options: UIOptions = {
    position: 'bar',
    theme: 'auto',
    floatingButton: true,
    blocking: false,
    colors: {},
  };
  if (input == null) return { options, issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ path: 'ui', message: 'expected an object' });
    return { options, issues };
  }
  const ui = input as Record<string, unknown>;
  const check = (key: string, ok: boolean, message: string): boolean => {
    if (ui[key] === undefined) return false;
    if (!ok) issues.push({ path: `ui.${key}`, message });
    return ok;
  };
  if (check('position', POSITIONS.includes(ui.position as string), "expected 'bar', 'box' or 'center'"))
    options.position = ui.position as BannerPosition;
  if (check('theme', THEMES.includes(ui.theme as string), "expected 'light', 'dark' or 'auto'"))
    options.theme = ui.theme as Theme;
  if (check('floatingButton', typeof ui.floatingButton === 'boolean', 'expected true or false'))
    options.floatingButton = ui.floatingButton as boolean;
  if (check('blocking', typeof ui.blocking === 'boolean', 'expected true or false'))
    options.blocking = ui.blocking as boolean;
  const radius = typeof ui.radius === 'number' ? `${ui.radius}px` : ui.radius;
  if (
    check(
      'radius',
      typeof radius === 'string' && LENGTH.test(radius),
      "expected a length such as 8 or '0.5rem'",
    )
  )
    options.radius = radius as string;
  if (check('font', typeof ui.font === 'string' && FONT.test(ui.font), 'expected a font-family list'))
    options.font = ui.font as string;
  if (check('colors', typeof ui.colors === 'object' && ui.colors !== null, 'expected an object')) {
    const colors = ui.colors as Record<string, unknown>;
    for (const key of ['accent', 'background', 'text'] as const) {
      const value = colors[key];
      if (value === undefined) continue;
      if (typeof value === 'string' && COLOR.test(value)) options.colors[key] = value;
      else
        issues.push({ path: `ui.colors.${key}`, message: 'expected a CSS colour (#0b57d0, rgb(…), a name)' });
    }
  }
  return { options, issues };
}
