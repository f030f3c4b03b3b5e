// Saying yes or no on a page: through `window.consentgate` when the page runs ConsentGate,
// else by clicking the first visible button (or link) whose text says "accept" / "reject" in
// the common wordings, English and Chinese, in any frame (consent banners often live in one).
// Effects: acts on a Playwright page.
import type { Page } from 'playwright-core';

export type Choice = 'accept' | 'reject';

/** Texts of consent buttons, matched against the whole accessible name. */
export const BUTTON_TEXTS: Readonly<Record<Choice, RegExp>> = {
  accept:
    /^\s*(accept( all)?( cookies)?|allow( all)?( cookies)?|agree( (and|&) (close|continue))?|i agree|i accept|ok(ay)?|got it|yes|同意|接受|全部接受|接受全部|接受所有|允许|允许全部|我同意|同意并继续)\s*[!.]?\s*$/i,
  reject:
    /^\s*(reject( all)?( cookies)?|decline( all)?( cookies)?|deny( all)?|refuse( all)?|no,? thanks|(use |accept )?(only )?(strictly )?(necessary|essential|required)( cookies)?( only)?|拒绝|全部拒绝|拒绝全部|拒绝所有|仅必要|仅限必要|只接受必要)\s*[!.]?\s*$/i,
};

/** Whether the page runs ConsentGate: `window.consentgate` exists. */
export async function hasConsentGate(page: Page): Promise<boolean> {
  return page
    .evaluate(() => {
      const api = (window as { consentgate?: { acceptAll?: unknown } }).consentgate;
      return typeof api === 'object' && api !== null && typeof api.acceptAll === 'function';
    })
    .catch(() => false);
}

/**
 * Calls `window.consentgate.acceptAll()` / `rejectAll()` once its storage is read. Returns what
 * was done and the page's clock (epoch ms) just before the call: requests from then on belong to
 * the choice.
 */
export async function chooseWithConsentGate(
  page: Page,
  choice: Choice,
): Promise<{ action: string; at: number }> {
  const at = await page.evaluate(async (accept) => {
    const api = (
      window as unknown as { consentgate: { ready?: Promise<void>; acceptAll(): void; rejectAll(): void } }
    ).consentgate;
    // `ready` never rejects, but do not hang a scan on a page that replaced it with something else.
    await Promise.race([api.ready, new Promise((resolve) => setTimeout(resolve, 3000))]);
    const now = Date.now();
    if (accept) api.acceptAll();
    else api.rejectAll();
    return now;
  }, choice === 'accept');
  return { action: `consentgate.${choice === 'accept' ? 'acceptAll' : 'rejectAll'}()`, at };
}

/** Clicks the first visible consent button for `choice`; its text, or `null` when there is none. */
export async function clickConsentButton(
  page: Page,
  choice: Choice,
  timeoutMs = 3000,
): Promise<string | null> {
  const name = BUTTON_TEXTS[choice];
  for (const frame of page.frames()) {
    for (const role of ['button', 'link'] as const) {
      const candidates = frame.getByRole(role, { name });
      const count = await candidates.count().catch(() => 0);
      for (let i = 0; i < count; i++) {
        const candidate = candidates.nth(i);
        if (!(await candidate.isVisible().catch(() => false))) continue;
        const text = ((await candidate.textContent().catch(() => '')) ?? '').trim();
        try {
          await candidate.click({ timeout: timeoutMs });
          return text || choice;
        } catch {
          // Covered or detached in the meantime: try the next one.
        }
      }
    }
  }
  return null;
}
