import type { ConsentGateConfig } from 'consentgate';

/** `sha384-…` of the file at `url`, for a `<script integrity>` attribute. */
export async function integrityOf(url: string): Promise<string> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const digest = await crypto.subtle.digest('SHA-384', await response.arrayBuffer());
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `sha384-${btoa(binary)}`;
}

/**
 * The two tags a site owner pastes first into `<head>`. The config is JSON with `<` escaped,
 * so no text in it can close the script element.
 */
export function createSnippet(config: ConsentGateConfig, gateUrl: string, integrity: string): string {
  const json = JSON.stringify(config, null, 2).replace(/</g, '\\u003c').replace(/\n/g, '\n  ');
  return [
    '<script>',
    `  window.consentgateConfig = ${json};`,
    '</script>',
    `<script src="${gateUrl}" integrity="${integrity}" crossorigin="anonymous"></script>`,
  ].join('\n');
}
