// Shared helpers for the e2e specs: opening fixture pages with a config, collecting what the
// page reports (console errors, uncaught exceptions, requests), and the consent cookie.
import type { BrowserContext, Page, Request } from '@playwright/test';

export interface PageLog {
  errors: string[];
  pageErrors: string[];
  requests: string[];
}

/** Starts recording console errors, uncaught exceptions and every request of `page`. */
export function record(page: Page): PageLog {
  const log: PageLog = { errors: [], pageErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(String(error)));
  page.on('request', (request: Request) => log.requests.push(request.url()));
  return log;
}

/** The fixture `e2e/fixtures/consentgate/basic.html` with `config` passed as JSON. */
export function basicPage(config?: unknown): string {
  const query = config === undefined ? '' : `?config=${encodeURIComponent(JSON.stringify(config))}`;
  return `/e2e/fixtures/consentgate/basic.html${query}`;
}

export async function consentCookie(context: BrowserContext, name = 'cg_consent') {
  return (await context.cookies()).find((cookie) => cookie.name === name);
}

/** Waits until the gate's start-up (including the IndexedDB read) is over. */
export async function gateReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.consentgate !== undefined);
  await page.evaluate(() => window.consentgate?.ready);
}

declare global {
  interface Window {
    consentgate?: import('consentgate').ConsentGate;
    analyticsRan?: number | boolean;
  }
}
