// Before a page is opened in the browser: follow its redirects one by one (stopping at the first
// that leaves the site, before the browser would load it), and read the content type (a PDF or
// an image is not a page; a browser would download it). Effects: HTTP through Playwright's
// request context, with the browser's user agent.
import { type APIRequestContext, type APIResponse, errors } from 'playwright-core';
import { mapUrl } from './map-host';
import { isSameSite, normalizeUrl } from './site-url';
import type { HostMapping, ScanIssue } from './types';

export type PreflightResult = { ok: true; url: string } | { ok: false; issue: ScanIssue };

const MAX_REDIRECTS = 10;

/** Where `url` leads on the same site, or why it cannot be scanned. */
export async function preflight(
  request: APIRequestContext,
  url: string,
  root: string,
  mapHosts: ReadonlyArray<HostMapping>,
  timeoutMs: number,
): Promise<PreflightResult> {
  const fail = (code: ScanIssue['code'], message: string): PreflightResult => ({
    ok: false,
    issue: { code, severity: 'error', message, url },
  });
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: APIResponse;
    try {
      response = await fetchHead(request, mapUrl(current, mapHosts), timeoutMs);
    } catch (error) {
      if (error instanceof errors.TimeoutError)
        return fail('unreachable', `${current} did not answer within ${timeoutMs} ms.`);
      return fail(
        'unreachable',
        `${current} could not be reached: ${String((error as Error).message ?? error).split('\n')[0]}`,
      );
    }
    const status = response.status();
    const location = response.headers().location;
    const type = response.headers()['content-type'] ?? '';
    await response.dispose().catch(() => {});
    if (status >= 300 && status < 400 && location) {
      const next = normalizeUrl(location, current);
      if (!next)
        return fail(
          'redirect-off-site',
          `${current} redirects to ${location}, which is not a web page address.`,
        );
      if (!isSameSite(next, root))
        return fail('redirect-off-site', `${current} redirects to ${next}, another site: not followed.`);
      current = next;
      continue;
    }
    if (status >= 400) return fail('http-error', `${current} answered HTTP ${status}: not scanned.`);
    if (type && !/^\s*(text\/html|application\/xhtml\+xml)/i.test(type))
      return fail('not-html', `${current} is ${type.split(';')[0]}, not an HTML page: not scanned.`);
    return { ok: true, url: current };
  }
  return fail('http-error', `${url} redirects more than ${MAX_REDIRECTS} times: not scanned.`);
}

// HEAD first (no body to download); servers that do not implement it get a GET.
async function fetchHead(request: APIRequestContext, url: string, timeout: number): Promise<APIResponse> {
  const options = { maxRedirects: 0, timeout, failOnStatusCode: false, ignoreHTTPSErrors: false };
  const head = await request.fetch(url, { ...options, method: 'HEAD' });
  if (head.status() !== 405 && head.status() !== 501) return head;
  await head.dispose().catch(() => {});
  return request.fetch(url, { ...options, method: 'GET' });
}
