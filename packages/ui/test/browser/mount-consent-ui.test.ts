import { type ConsentManager, createConsentManager } from '@consentgate/core';
import { type MountOptions, mountConsentUI, type UIController } from '@consentgate/ui';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { background, contrast, memoryJar } from './helpers';

const mounted: Array<{ ui: UIController; manager: ConsentManager }> = [];
afterEach(() => {
  for (const { ui, manager } of mounted.splice(0)) {
    ui.destroy();
    manager.destroy();
  }
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

function setup(config: unknown = {}, options: MountOptions = {}, cookies = memoryJar()) {
  const manager = createConsentManager(config, { channel: false, store: false, cookies, otherKeys: ['ui'] });
  // The gate hands the UI its own slice of the config, `ui`.
  const ui = mountConsentUI(manager, { ui: (config as { ui?: unknown })?.ui, ...options });
  mounted.push({ ui, manager });
  return { manager, ui, cookies };
}

const root = () => document.querySelector('consentgate-ui')!.shadowRoot!;
const $ = <E extends Element = HTMLElement>(selector: string) => root().querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(selector: string) => [...root().querySelectorAll<E>(selector)];
const button = (name: string, scope = '') =>
  $$<HTMLButtonElement>(`${scope} button`).find((b) => b.textContent === name || b.ariaLabel === name)!;
const banner = () => $('.b');
// The floating "Privacy settings" button: its own host (the one the gate also uses), not the banner's.
const floating = () =>
  document.querySelector('[data-consentgate="floating"]')?.shadowRoot?.querySelector('button') ?? null;
const dialog = () => $('.d');
const active = () => root().activeElement;
const switchFor = (id: string) => $<HTMLInputElement>(`#cg-c-${id}`)!;

describe('banner', () => {
  test('shows when there is no consent: named dialog, policy link, three equal buttons, focus left alone', async () => {
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    setup({ policyUrl: '/privacy' });
    await expect.poll(banner).not.toBeNull();
    const b = banner()!;
    expect(b.getAttribute('role')).toBe('dialog');
    expect(b.getAttribute('aria-modal')).toBe('false');
    expect(root().getElementById(b.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'We value your privacy',
    );
    expect(b.querySelector('a')!.href).toBe(new URL('/privacy', location.href).href);
    const accept = button('Accept all', '.b').getBoundingClientRect();
    const reject = button('Reject all', '.b').getBoundingClientRect();
    expect(button('Manage preferences', '.b')).toBeDefined();
    expect([reject.width, reject.height]).toEqual([accept.width, accept.height]);
    expect(button('Accept all', '.b').className).toBe(button('Reject all', '.b').className);
    expect(document.activeElement).toBe(outside);
  });

  test('is not shown to a returning visitor; the floating button is', async () => {
    const cookies = memoryJar();
    createConsentManager({}, { channel: false, store: false, cookies }).rejectAll();
    setup({}, {}, cookies);
    await expect.poll(() => floating()?.textContent).toBe('Privacy settings');
    expect(banner()).toBeNull();
  });

  test('Accept all and Reject all each record a choice in one click and close the banner', async () => {
    const first = setup();
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    expect(first.manager.getConsent()).toMatchObject({
      status: 'given',
      choices: { necessary: true, analytics: true, advertising: true, pixels: true },
    });
    expect(first.manager.getConsent().record?.method).toBe('accept-all');
    await expect.poll(banner).toBeNull();
    await expect.poll(() => floating()).not.toBeNull();
    first.ui.destroy();

    const second = setup();
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Reject all', '.b'));
    expect(second.manager.getConsent()).toMatchObject({
      status: 'given',
      choices: { necessary: true, analytics: false, advertising: false, pixels: false },
    });
    await expect.poll(banner).toBeNull();
  });

  test('Escape on the banner records nothing', async () => {
    const { manager } = setup();
    await expect.poll(banner).not.toBeNull();
    button('Accept all', '.b').focus();
    await userEvent.keyboard('{Escape}');
    expect(manager.getConsent().status).toBe('none');
    expect(banner()).not.toBeNull();
  });

  test('`separate` categories are not part of Accept all', async () => {
    const { manager } = setup({ categories: { cross_border: { label: 'Cross-border', separate: true } } });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    expect(manager.getConsent().choices).toMatchObject({ analytics: true, cross_border: false });
  });

  test('blocking mode: a modal that takes focus and keeps it', async () => {
    const { manager } = setup({ ui: { blocking: true } });
    await expect.poll(() => active()?.textContent).toBe('Accept all');
    expect(banner()!.getAttribute('aria-modal')).toBe('true');
    expect(banner()!.parentElement!.className).toBe('ov');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(active()).toBe(button('Manage preferences', '.b'));
    await userEvent.keyboard('{Tab}');
    expect(active()).toBe(banner()!.querySelector('a, button'));
    await userEvent.keyboard('{Escape}');
    expect(manager.getConsent().status).toBe('none');
  });

  test('follows consent made elsewhere (another tab, the API) and a reset', async () => {
    const { manager } = setup();
    await expect.poll(banner).not.toBeNull();
    await manager.acceptAll('api');
    await expect.poll(banner).toBeNull();
    await manager.reset();
    await expect.poll(banner).not.toBeNull();
  });
});

describe('preferences', () => {
  test('a real modal dialog: named, focus moved in, Tab and Shift+Tab wrap', async () => {
    const { ui } = setup();
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    const d = dialog()!;
    expect(d.getAttribute('role')).toBe('dialog');
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(root().getElementById(d.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Privacy preferences',
    );
    await expect.poll(() => active()).toBe(button('Close', '.d'));
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    const last = [...d.querySelectorAll<HTMLElement>('button, a, input:not(:disabled), summary')].pop()!;
    expect(active()).toBe(last);
    await userEvent.keyboard('{Tab}');
    expect(active()).toBe(button('Close', '.d'));
    // Every control is reachable in between.
    await userEvent.keyboard('{Tab}');
    expect(active()).toBe(switchFor('analytics'));
  });

  test('necessary is on and locked; nothing else is pre-ticked; Space toggles a switch; Save records it', async () => {
    const { manager } = setup();
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Manage preferences', '.b'));
    await expect.poll(dialog).not.toBeNull();
    expect(switchFor('necessary')).toMatchObject({ checked: true, disabled: true, type: 'checkbox' });
    expect(switchFor('necessary').getAttribute('role')).toBe('switch');
    for (const id of ['analytics', 'advertising', 'pixels']) expect(switchFor(id).checked).toBe(false);

    switchFor('pixels').focus();
    await userEvent.keyboard(' ');
    expect(switchFor('pixels').checked).toBe(true);
    await userEvent.click(button('Save choices', '.d'));
    expect(manager.getConsent().choices).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
      pixels: true,
    });
    expect(manager.getConsent().record?.method).toBe('preferences');
    await expect.poll(dialog).toBeNull();
    await expect.poll(banner).toBeNull();
    // The opener (the banner's button) is gone: focus lands on the floating button, not the page top.
    await expect.poll(() => document.activeElement?.shadowRoot?.activeElement).toBe(floating());
  });

  test('Escape closes without recording and focus returns to the opener; so does the close button', async () => {
    const { manager } = setup();
    const trigger = document.body.appendChild(document.createElement('a'));
    trigger.href = '#';
    trigger.textContent = 'Cookie settings';
    trigger.dataset.consentgate = 'preferences';
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(trigger);
    await expect.poll(dialog).not.toBeNull();
    expect(location.hash).toBe('');
    await expect.poll(active).toBe(button('Close', '.d'));
    await userEvent.keyboard('{Escape}');
    await expect.poll(dialog).toBeNull();
    expect(manager.getConsent().status).toBe('none');
    await expect.poll(() => document.activeElement).toBe(trigger);
    expect(banner()).not.toBeNull();

    await userEvent.click(button('Manage preferences', '.b'));
    await expect.poll(dialog).not.toBeNull();
    await userEvent.click(button('Close', '.d'));
    await expect.poll(dialog).toBeNull();
    await expect.poll(active).toBe(button('Manage preferences', '.b'));
  });

  test('an opener given as a shadow host (document.activeElement) resolves to the focused control inside', async () => {
    const { ui } = setup();
    await expect.poll(banner).not.toBeNull();
    button('Reject all', '.b').focus();
    ui.showPreferences(document.activeElement);
    await expect.poll(dialog).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect.poll(active).toBe(button('Reject all', '.b'));
  });

  test('on re-consent after a policy change the previous choices are pre-filled, new categories off', async () => {
    const cookies = memoryJar();
    createConsentManager({ policyVersion: '1' }, { channel: false, store: false, cookies }).update(
      { analytics: true, advertising: false },
      'preferences',
    );
    const { ui, manager } = setup(
      {
        policyVersion: '2',
        policyUrl: 'https://example.com/privacy',
        policyArchive: { '1': 'https://example.com/privacy/v1' },
        categories: { functional: { label: 'Functional' } },
      },
      {},
      cookies,
    );
    expect(manager.getConsent().status).toBe('outdated');
    await expect.poll(banner).not.toBeNull();
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(switchFor('analytics').checked).toBe(true);
    expect(switchFor('advertising').checked).toBe(false);
    expect(switchFor('functional').checked).toBe(false);
    expect(dialog()!.textContent).toContain('Policy version 1');
    expect(dialog()!.querySelector<HTMLAnchorElement>('p:last-child a')!.href).toBe(
      'https://example.com/privacy/v1',
    );
  });

  test('shows each category with its description and its services and cookies', async () => {
    const { ui } = setup({
      categories: {
        analytics: {
          description: 'Counts visits. See [the vendor](https://analytics.example/privacy).',
          services: [
            {
              name: 'Example Analytics',
              provider: 'Example Inc.',
              purpose: { en: 'Visit statistics', 'zh-CN': '访问统计' },
              cookies: [
                '_ex_id',
                { name: '_ex_session', lifetime: { en: '30 minutes', 'zh-CN': '30 分钟' } },
              ],
            },
          ],
        },
      },
    });
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    const details = switchFor('analytics').closest('.cat')!;
    expect(details.querySelector('label')!.textContent).toBe('Analytics');
    expect(details.querySelector('a')!.href).toBe('https://analytics.example/privacy');
    await userEvent.click(details.querySelector('summary')!);
    expect(details.querySelector('li')!.textContent).toBe(
      'Example Analytics · Provider: Example Inc.Purpose: Visit statisticsCookies: _ex_id, _ex_session (Lifetime: 30 minutes)',
    );
  });

  test('config strings are text, links only http(s)', async () => {
    const { ui } = setup({
      categories: {
        analytics: {
          label: '<img src=x onerror="window.pwned=1">',
          description: '[click](javascript:window.pwned=1)',
        },
      },
      translations: { en: { preferencesTitle: '<b>bold</b>' } },
    });
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(root().querySelector('img, b')).toBeNull();
    expect(root().getElementById('cg-pt')!.textContent).toBe('<b>bold</b>');
    expect(switchFor('analytics').closest('.cat')!.querySelector('a')).toBeNull();
    expect(switchFor('analytics').closest('.cat')!.textContent).toContain(
      '[click](javascript:window.pwned=1)',
    );
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('languages', () => {
  test('Chinese from <html lang>; config strings override per locale', async () => {
    document.documentElement.lang = 'zh-CN';
    const { ui } = setup({ translations: { 'zh-CN': { rejectAll: '拒绝全部' } } });
    await expect.poll(banner).not.toBeNull();
    expect(root().querySelector('.cg')!.getAttribute('lang')).toBe('zh-CN');
    expect(banner()!.querySelector('h2')!.textContent).toBe('我们重视您的隐私');
    expect(button('全部接受', '.b')).toBeDefined();
    expect(button('拒绝全部', '.b')).toBeDefined();
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(switchFor('advertising').closest('.cat')!.querySelector('label')!.textContent).toBe('广告');
  });

  test('the config locale wins over <html lang>; a third locale comes from config alone', async () => {
    document.documentElement.lang = 'zh-CN';
    setup({ locale: 'de', translations: { de: { acceptAll: 'Alle akzeptieren' } } });
    await expect.poll(banner).not.toBeNull();
    expect(button('Alle akzeptieren', '.b')).toBeDefined();
  });
});

describe('layout and look', () => {
  test('targets are at least 24×24 px', async () => {
    const { ui } = setup({ categories: { analytics: { services: [{ name: 'X' }] } } });
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    const targets = $$('button, input, summary');
    expect(targets.length).toBeGreaterThan(8);
    for (const el of targets) {
      const { width, height } = el.getBoundingClientRect();
      expect(Math.min(width, height), el.outerHTML).toBeGreaterThanOrEqual(24);
    }
  });

  for (const [lang, word] of [
    ['de', 'Datenschutzeinstellungsverwaltungsmöglichkeiten'],
    ['zh-CN', '隐私偏好设置管理隐私偏好设置管理隐私偏好设置管理'],
  ]) {
    test(`no horizontal scroll at 320 px, long ${lang} strings`, async () => {
      await page.viewport(320, 640);
      const long = `${word} ${word}`;
      const strings = {
        bannerTitle: long,
        acceptAll: long,
        rejectAll: long,
        manage: long,
        preferencesTitle: long,
      };
      for (const position of ['bar', 'box', 'center']) {
        const { ui } = setup({ locale: lang, translations: { [lang]: strings }, ui: { position } });
        await expect.poll(banner).not.toBeNull();
        ui.showPreferences();
        await expect.poll(dialog).not.toBeNull();
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
        for (const el of $$('.b, .d, .b button, .d button')) {
          expect(el.getBoundingClientRect().right, el.className).toBeLessThanOrEqual(320);
          expect(el.scrollWidth, el.className).toBeLessThanOrEqual(el.clientWidth);
        }
        ui.destroy();
      }
      await page.viewport(1024, 768);
    });
  }

  for (const theme of ['light', 'dark']) {
    test(`text contrast is at least 4.5:1 (${theme})`, async () => {
      const { ui } = setup({ policyUrl: 'https://example.com/p', ui: { theme, position: 'box' } });
      ui.showPreferences();
      await expect.poll(dialog).not.toBeNull();
      const texts = $$('h2, p, label, a, button, summary, .mu');
      expect(texts.length).toBeGreaterThan(10);
      for (const el of texts) {
        const ratio = contrast(getComputedStyle(el).color, background(el));
        expect(ratio, `${el.tagName}.${el.className} "${el.textContent}"`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  test('host-page CSS cannot reach the UI and the UI CSS does not leak out', async () => {
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = 'button { display: none !important; } h2 { color: rgb(255, 0, 0); }';
    const own = document.body.appendChild(document.createElement('h2'));
    try {
      setup();
      await expect.poll(banner).not.toBeNull();
      expect(getComputedStyle(button('Accept all', '.b')).display).not.toBe('none');
      expect(getComputedStyle(banner()!.querySelector('h2')!).color).not.toBe('rgb(255, 0, 0)');
      expect(getComputedStyle(own).color).toBe('rgb(255, 0, 0)');
      expect(root().adoptedStyleSheets.length).toBe(1);
      // The host itself takes no room: nothing in the page moves.
      expect(document.querySelector('consentgate-ui')!.getBoundingClientRect().height).toBe(0);
    } finally {
      style.remove();
    }
  });

  test('colours, radius and font from config become custom properties', async () => {
    setup({ ui: { colors: { accent: 'rgb(0, 100, 0)' }, radius: 2, font: 'serif' } });
    await expect.poll(banner).not.toBeNull();
    const accept = getComputedStyle(button('Accept all', '.b'));
    expect(accept.backgroundColor).toBe('rgb(0, 100, 0)');
    expect(accept.borderTopLeftRadius).toBe('2px');
    expect(accept.fontFamily).toBe('serif');
  });
});

describe('controller', () => {
  test('hide closes everything without a decision; destroy removes host and listeners', async () => {
    const { ui, manager } = setup();
    await expect.poll(banner).not.toBeNull();
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    ui.hide();
    await expect.poll(() => banner() ?? dialog()).toBeNull();
    expect(manager.getConsent().status).toBe('none');

    ui.destroy();
    expect(document.querySelector('consentgate-ui')).toBeNull();
    const trigger = document.body.appendChild(document.createElement('button'));
    trigger.dataset.consentgate = 'preferences';
    trigger.click();
    await manager.acceptAll();
    expect(document.querySelector('consentgate-ui')).toBeNull();
  });

  test('triggers: false leaves [data-consentgate] clicks and the floating button to the gate', async () => {
    const { manager } = setup({}, { triggers: false });
    await expect.poll(banner).not.toBeNull();
    await manager.acceptAll();
    await expect.poll(banner).toBeNull();
    expect(floating()).toBeNull();
    const trigger = document.body.appendChild(document.createElement('button'));
    trigger.dataset.consentgate = 'preferences';
    trigger.click();
    // Preact renders in a microtask: after one macrotask any render would have happened.
    await new Promise((r) => setTimeout(r, 0));
    expect(dialog()).toBeNull();
  });

  test('floatingButton: false hides the floating button', async () => {
    const cookies = memoryJar();
    createConsentManager({}, { channel: false, store: false, cookies }).acceptAll();
    const { ui } = setup({ ui: { floatingButton: false } }, {}, cookies);
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(floating()).toBeNull();
  });

  test('a bad ui config is one console error naming the fields, and the UI still works', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      setup({ ui: { position: 'top', colors: { text: 'url(x)' } } });
    } finally {
      console.error = original;
    }
    await expect.poll(banner).not.toBeNull();
    expect(banner()!.classList.contains('bar')).toBe(true);
    expect(errors.filter((e) => e.includes('ui.'))).toEqual([
      expect.stringMatching(/ui\.position: .*\n\s+ui\.colors\.text: /),
    ]);
  });
});
