// Helpers shared by the browser tests of the UI (not a test file itself).

// An in-memory cookie jar, so tests share nothing through document.cookie.
export function memoryJar() {
  const jar = new Map<string, string>();
  return {
    get: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    set(cookie: string) {
      const [pair, ...attrs] = cookie.split(';');
      const [name, value] = pair.split('=');
      const gone = attrs.some((a) => /max-age=0|max-age=-|expires=thu, 01 jan 1970/i.test(a.trim()));
      gone ? jar.delete(name.trim()) : jar.set(name.trim(), value);
    },
  };
}

// WCAG relative luminance and contrast: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
function rgb(color: string): number[] {
  return color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number);
}
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
// The first opaque background behind `el`, through the shadow root to the host.
export function background(el: Element): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') return color;
  }
  return 'rgb(255, 255, 255)';
}
