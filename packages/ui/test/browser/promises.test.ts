// The promises a site's policy makes, as the banner keeps them: policy versions, minors (the age
// question), Global Privacy Control and separate consent. Real Chromium, real consent manager.
import { type ConsentManager, createConsentManager, type ManagerOptions } from '@consentgate/core';
import { mountConsentUI, type UIController } from '@consentgate/ui';
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

function setup(config: unknown = {}, options: ManagerOptions = {}) {
  const manager = createConsentManager(config, {
    channel: false,
    store: false,
    cookies: memoryJar(),
    ...options,
  });
  const ui = mountConsentUI(manager);
  mounted.push({ ui, manager });
  return { manager, ui };
}

/** A visitor who chose under policy version 1, back after the site moved to `config`. */
function returningAfterPolicyChange(config: Record<string, unknown>, options: ManagerOptions = {}) {
  const cookies = memoryJar();
  createConsentManager({ policyVersion: '1' }, { channel: false, store: false, cookies }).update(
    { analytics: true },
    'preferences',
  );
  return setup({ policyVersion: '2', ...config }, { ...options, cookies });
}

const root = () => document.querySelector('consentgate-ui')!.shadowRoot!;
const $ = <E extends Element = HTMLElement>(selector: string) => root().querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(selector: string) => [...root().querySelectorAll<E>(selector)];
const button = (name: string, scope = '') =>
  $$<HTMLButtonElement>(`${scope} button`).find((b) => b.textContent === name)!;
const banner = () => $('.b');
const dialog = () => $('.d');
const active = () => root().activeElement;
const switchFor = (id: string) => $<HTMLInputElement>(`#cg-c-${id}`)!;
const links = (el: Element) => [...el.querySelectorAll('a')].map((a) => [a.textContent, a.href]);

describe('policy versions', () => {
  const config = {
    policyUrl: 'https://example.com/privacy',
    policyArchive: { '1': 'https://example.com/privacy/v1' },
    policyChanges: {
      en: 'Visit statistics now go to [Example Analytics](https://analytics.example/p). [x](javascript:alert(1))',
      'zh-CN': '访问统计现由 Example Analytics 处理。',
    },
  };

  test('an outdated consent: the banner says the policy changed, what changed, and links the new version', async () => {
    const { manager } = returningAfterPolicyChange(config);
    expect(manager.getConsent().status).toBe('outdated');
    await expect.poll(banner).not.toBeNull();
    const b = banner()!;
    expect(root().getElementById(b.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Our privacy policy has changed',
    );
    expect(root().getElementById(b.getAttribute('aria-describedby')!)!.textContent).toContain(
      'now version 2',
    );
    expect(b.textContent).toContain('What changed: Visit statistics now go to Example Analytics.');
    expect(links(b)).toEqual([
      ['Privacy policy', 'https://example.com/privacy'],
      ['Example Analytics', 'https://analytics.example/p'],
    ]);
    // Only http(s) links: the rest stays literal text.
    expect(b.textContent).toContain('[x](javascript:alert(1))');
  });

  test('in Chinese too', async () => {
    document.documentElement.lang = 'zh-CN';
    returningAfterPolicyChange(config);
    await expect.poll(banner).not.toBeNull();
    expect(banner()!.querySelector('h2')!.textContent).toBe('我们的隐私政策已更新');
    expect(banner()!.textContent).toContain('现为 2 版');
    expect(banner()!.textContent).toContain('更新内容： 访问统计现由 Example Analytics 处理。');
  });

  test('a first visit shows the usual banner, without "what changed"', async () => {
    setup({ policyVersion: '2', ...config });
    await expect.poll(banner).not.toBeNull();
    expect(banner()!.querySelector('h2')!.textContent).toBe('We value your privacy');
    expect(banner()!.textContent).not.toContain('What changed');
  });

  test('the preferences are pre-filled and link the version consented to, then the current one', async () => {
    const { ui } = returningAfterPolicyChange(config);
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(switchFor('analytics').checked).toBe(true);
    expect(switchFor('advertising').checked).toBe(false);
    const footer = dialog()!.querySelector(':scope > p:last-child')!;
    expect(footer.textContent).toContain('Policy version 1');
    expect(links(footer)).toEqual([
      ['Privacy policy', 'https://example.com/privacy/v1'],
      ['Current version 2', 'https://example.com/privacy'],
    ]);
  });

  test('an old version missing from the archive gets no link rather than the new policy', async () => {
    const { ui } = returningAfterPolicyChange({ policyUrl: 'https://example.com/privacy' });
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(links(dialog()!.querySelector(':scope > p:last-child')!)).toEqual([
      ['Current version 2', 'https://example.com/privacy'],
    ]);
  });
});

describe('minors (minimumAge)', () => {
  const question = () => $('fieldset.age');
  const answers = () => $$<HTMLButtonElement>('.age button').map((b) => b.textContent);

  test('Accept all asks for the age first; nothing is recorded until it is answered', async () => {
    const { manager } = setup({ minimumAge: 14 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    await expect.poll(question).not.toBeNull();
    expect(manager.getConsent().status).toBe('none');
    // A fieldset: a group named by its legend.
    expect(question()!.querySelector('legend')!.textContent).toBe(
      'Before anything is switched on, please confirm your age.',
    );
    expect(answers()).toEqual([
      'I am 14 or older',
      'I am under 14 and my parent or guardian consents',
      'I am under 14',
      'Back',
    ]);
    await expect.poll(active).toBe(button('I am 14 or older'));
    await userEvent.click(button('I am 14 or older'));
    expect(manager.getConsent()).toMatchObject({
      status: 'given',
      choices: { analytics: true, advertising: true, pixels: true },
      record: { method: 'accept-all' },
    });
    await expect.poll(banner).toBeNull();
  });

  test('a guardian consents: the choice is recorded with method guardian', async () => {
    const { manager } = setup({ minimumAge: 14 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    await expect.poll(question).not.toBeNull();
    await userEvent.click(button('I am under 14 and my parent or guardian consents'));
    expect(manager.getConsent()).toMatchObject({
      choices: { analytics: true, advertising: true },
      record: { method: 'guardian' },
    });
  });

  test('under age without a guardian: necessary only', async () => {
    const { manager } = setup({ minimumAge: 14 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    await expect.poll(question).not.toBeNull();
    await userEvent.click(button('I am under 14'));
    expect(manager.getConsent()).toMatchObject({
      status: 'given',
      choices: { necessary: true, analytics: false, advertising: false, pixels: false },
      record: { method: 'reject-all' },
    });
  });

  test('Save with a switch on asks too, in the preferences; the guardian answer keeps the choice', async () => {
    const { manager, ui } = setup({ minimumAge: 14 });
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    await userEvent.click(switchFor('analytics'));
    await userEvent.click(button('Save choices', '.d'));
    await expect.poll(() => dialog()?.querySelector('.age')).toBeTruthy();
    // One question at a time: the banner underneath keeps its buttons.
    expect(banner()!.querySelector('.age')).toBeNull();
    await userEvent.click(button('I am under 14 and my parent or guardian consents', '.d'));
    expect(manager.getConsent()).toMatchObject({
      choices: { analytics: true, advertising: false },
      record: { method: 'guardian' },
    });
    await expect.poll(dialog).toBeNull();
  });

  test('Reject all, and Save with everything off, need no answer', async () => {
    const first = setup({ minimumAge: 14 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Reject all', '.b'));
    expect(first.manager.getConsent().record?.method).toBe('reject-all');
    first.ui.destroy();

    const second = setup({ minimumAge: 14 });
    second.ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    await userEvent.click(button('Save choices', '.d'));
    expect(second.manager.getConsent()).toMatchObject({
      status: 'given',
      choices: { analytics: false },
      record: { method: 'preferences' },
    });
  });

  test('Back leaves the question without recording; Reject all is one click again', async () => {
    const { manager } = setup({ minimumAge: 16 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    await expect.poll(question).not.toBeNull();
    expect(answers()[0]).toBe('I am 16 or older');
    await userEvent.click(button('Back'));
    await expect.poll(question).toBeNull();
    await expect.poll(active).toBe(button('Accept all', '.b'));
    expect(manager.getConsent().status).toBe('none');
    await userEvent.click(button('Reject all', '.b'));
    expect(manager.getConsent().status).toBe('given');
  });

  test('a pending age question is dropped by hide() and by a decision made elsewhere', async () => {
    const { manager, ui } = setup({ minimumAge: 14 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    await expect.poll(question).not.toBeNull();
    ui.hide();
    await expect.poll(banner).toBeNull();
    ui.showBanner();
    await expect.poll(banner).not.toBeNull();
    expect(question()).toBeNull();

    await userEvent.click(button('Accept all', '.b'));
    await expect.poll(question).not.toBeNull();
    await manager.rejectAll('api');
    await expect.poll(banner).toBeNull();
    await manager.reset();
    await expect.poll(banner).not.toBeNull();
    expect(question()).toBeNull();
  });

  test('without minimumAge nothing is asked', async () => {
    const { manager } = setup();
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    expect(manager.getConsent().record?.method).toBe('accept-all');
  });

  test('in Chinese', async () => {
    document.documentElement.lang = 'zh-CN';
    setup({ minimumAge: 14 });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('全部接受', '.b'));
    await expect.poll(question).not.toBeNull();
    expect(answers()).toEqual([
      '我已满 14 周岁',
      '我未满 14 周岁，且我的父母或其他监护人同意',
      '我未满 14 周岁',
      '返回',
    ]);
  });
});

describe('Global Privacy Control', () => {
  const notice =
    'Your browser sent a Global Privacy Control signal, so Advertising and Pixels and beacons stay off, even with “Accept all”.';

  test('the banner and the preferences say why; the switches stay operable', async () => {
    const { manager, ui } = setup({}, { gpc: true });
    expect(manager.getConsent().gpc).toBe(true);
    await expect.poll(banner).not.toBeNull();
    expect(banner()!.querySelector('.note')!.textContent).toBe(notice);
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(dialog()!.querySelector('.note')!.textContent).toBe(
      `${notice} You can still switch them on here.`,
    );
    expect(switchFor('advertising').checked).toBe(false);
    await userEvent.click(switchFor('advertising'));
    expect(switchFor('advertising').checked).toBe(true);
    await userEvent.click(button('Save choices', '.d'));
    expect(manager.getConsent().choices).toMatchObject({ advertising: true, pixels: false });
  });

  test('Accept all leaves the GPC categories off, as the notice says', async () => {
    const { manager } = setup({}, { gpc: true });
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    expect(manager.getConsent()).toMatchObject({
      choices: { analytics: true, advertising: false, pixels: false },
      record: { method: 'gpc' },
    });
  });

  test('no notice without the signal, or when the site ignores it; Chinese names the categories', async () => {
    const first = setup();
    first.ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect($('.note')).toBeNull();
    first.ui.destroy();

    const second = setup({ gpc: false }, { gpc: true });
    await expect.poll(banner).not.toBeNull();
    expect($('.note')).toBeNull();
    second.ui.destroy();

    document.documentElement.lang = 'zh-CN';
    setup({}, { gpc: true });
    await expect.poll(banner).not.toBeNull();
    expect($('.note')!.textContent).toContain('因此广告和像素与信标保持关闭');
  });
});

describe('separate consent', () => {
  const config = {
    categories: {
      cross_border: {
        label: 'Transfer abroad',
        description: 'Support tickets are handled in Singapore.',
        separate: true,
        recipient: {
          name: 'Example Pte. Ltd.',
          contact: 'privacy@example.sg',
          purpose: { en: 'Customer support', 'zh-CN': '客户支持' },
          dataTypes: 'name, e-mail, ticket text',
        },
      },
    },
  };

  test('its own switch, the recipient, and a note that Accept all leaves it out', async () => {
    const { ui } = setup(config);
    await expect.poll(banner).not.toBeNull();
    expect(banner()!.textContent).toContain(
      '“Accept all” does not include Transfer abroad: that needs your separate consent in the preferences.',
    );
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    const sw = switchFor('cross_border');
    expect(sw.checked).toBe(false);
    expect(sw.getAttribute('role')).toBe('switch');
    const described = sw
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => root().getElementById(id)!.textContent)
      .join(' ');
    expect(described).toBe(
      'Support tickets are handled in Singapore. ' +
        'Needs your separate consent: “Accept all” does not switch this on.' +
        'Recipient: Example Pte. Ltd.Contact: privacy@example.sgPurpose: Customer supportData: name, e-mail, ticket text',
    );
    // Ordinary categories carry no such note.
    expect(switchFor('analytics').getAttribute('aria-describedby')).toBe('cg-c-analytics-d');
  });

  test('Accept all leaves it off; its own switch turns it on', async () => {
    const { manager, ui } = setup(config);
    await expect.poll(banner).not.toBeNull();
    await userEvent.click(button('Accept all', '.b'));
    expect(manager.getConsent().choices).toMatchObject({ analytics: true, cross_border: false });
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    expect(switchFor('cross_border').checked).toBe(false);
    await userEvent.click(button('Accept all', '.d'));
    expect(manager.getConsent().choices.cross_border).toBe(false);
    ui.showPreferences();
    await expect.poll(dialog).not.toBeNull();
    await userEvent.click(switchFor('cross_border'));
    await userEvent.click(button('Save choices', '.d'));
    expect(manager.getConsent()).toMatchObject({
      choices: { analytics: true, cross_border: true },
      record: { method: 'preferences' },
    });
  });
});

describe('look of the new states', () => {
  // Every new state at once: policy updated, GPC, a separate category with its recipient, minimumAge.
  const everything = (theme: string) =>
    returningAfterPolicyChange(
      {
        minimumAge: 14,
        policyUrl: 'https://example.com/privacy',
        policyChanges: 'Visit statistics now go to [Example Analytics](https://analytics.example/p).',
        ui: { theme, position: 'box' },
        categories: {
          cross_border: {
            label: 'Transfer abroad',
            separate: true,
            recipient: { name: 'Example Pte. Ltd.', contact: 'privacy@example.sg', dataTypes: 'e-mail' },
          },
        },
      },
      { gpc: true },
    );
  const texts = (scope: string) => $$(`${scope} :is(h2, p, legend, label, a, button, li, strong)`);
  const expectContrast = (elements: HTMLElement[]) => {
    for (const el of elements) {
      const ratio = contrast(getComputedStyle(el).color, background(el));
      expect(ratio, `${el.tagName}.${el.className} "${el.textContent}"`).toBeGreaterThanOrEqual(4.5);
    }
  };

  for (const theme of ['light', 'dark']) {
    test(`text contrast is at least 4.5:1 in the notices, the recipient and the age question (${theme})`, async () => {
      const { ui } = everything(theme);
      await expect.poll(banner).not.toBeNull();
      expect($$('.b .note').length).toBe(1);
      expectContrast(texts('.b'));
      await userEvent.click(button('Accept all', '.b'));
      await expect.poll(() => $('.b fieldset')).not.toBeNull();
      expect(texts('.b fieldset').length).toBe(6);
      expectContrast(texts('.b'));
      ui.showPreferences();
      await expect.poll(dialog).not.toBeNull();
      expect($$('.d .note').length).toBe(2);
      expectContrast(texts('.d'));
    });
  }

  for (const lang of ['en', 'zh-CN']) {
    test(`at 320 px the age question and the notices fit without horizontal scroll (${lang})`, async () => {
      document.documentElement.lang = lang;
      await page.viewport(320, 640);
      try {
        everything('light');
        await expect.poll(banner).not.toBeNull();
        await userEvent.click($$<HTMLButtonElement>('.b .acts button')[0]);
        await expect.poll(() => $('.b fieldset')).not.toBeNull();
        const b = banner()!;
        expect(b.scrollWidth).toBeLessThanOrEqual(b.clientWidth);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
        // Taller than the screen is fine only if it scrolls inside: the title and every answer stay reachable.
        for (const el of [b.querySelector('h2')!, $$('.b fieldset button').at(-1)!]) {
          el.scrollIntoView();
          const rect = el.getBoundingClientRect();
          expect(rect.top, el.textContent!).toBeGreaterThanOrEqual(0);
          expect(rect.bottom, el.textContent!).toBeLessThanOrEqual(640);
        }
      } finally {
        await page.viewport(1024, 768);
      }
    });
  }
});
