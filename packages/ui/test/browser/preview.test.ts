import { preview } from '@consentgate/ui';
import { afterEach, describe, expect, test } from 'vitest';

afterEach(() => {
  document.body.replaceChildren();
});

function frame() {
  const element = document.body.appendChild(document.createElement('section'));
  element.style.cssText = 'position: relative; width: 600px; height: 300px; overflow: auto';
  return element;
}
const root = (element: HTMLElement) => element.querySelector('consentgate-ui')!.shadowRoot!;

describe('preview', () => {
  test('renders banner and preferences in place: nothing fixed, nothing stored, nothing modal', async () => {
    const cookiesBefore = document.cookie;
    const element = frame();
    const handle = preview(element, { policyUrl: 'https://example.com/privacy' });
    expect(handle.issues).toEqual([]);
    const shadow = root(element);
    await expect.poll(() => shadow.querySelector('.b') && shadow.querySelector('.d')).not.toBeNull();
    for (const el of shadow.querySelectorAll('.p, .ov')) {
      expect(getComputedStyle(el).position, el.className).not.toBe('fixed');
      const box = el.getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(element.getBoundingClientRect().left);
    }
    expect(shadow.querySelector('.d')!.getAttribute('aria-modal')).toBe('false');
    expect(document.querySelector('[data-consentgate="floating"]')).toBeNull();
    shadow.querySelector<HTMLButtonElement>('.b .btn')!.click();
    shadow.querySelector<HTMLButtonElement>('.d .btn')!.click();
    expect(document.cookie).toBe(cookiesBefore);
    expect(shadow.querySelector('.b')).not.toBeNull();
  });

  test('re-renders live on update; a config with issues is reported, not thrown, and the last valid one stays', async () => {
    const element = frame();
    const handle = preview(element, { translations: { en: { bannerTitle: 'First' } } }, { view: 'banner' });
    const shadow = root(element);
    await expect.poll(() => shadow.querySelector('h2')?.textContent).toBe('First');
    expect(shadow.querySelector('.d')).toBeNull();

    expect(
      await handle.update({ translations: { en: { bannerTitle: 'Second' } }, ui: { position: 'box' } }),
    ).toEqual([]);
    await expect.poll(() => shadow.querySelector('h2')?.textContent).toBe('Second');
    expect(shadow.querySelector('.b')!.classList.contains('box')).toBe(true);

    const issues = await handle.update({
      translations: { en: { bannerTitle: 'Third' } },
      ui: { position: 'top' },
      lifetimeDays: -1,
    });
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['ui.position', 'lifetimeDays']),
    );
    expect(handle.issues).toBe(issues);
    // Preact renders in a microtask: after one macrotask any render would have happened.
    await new Promise((r) => setTimeout(r, 0));
    expect(shadow.querySelector('h2')!.textContent).toBe('Second');

    expect((await handle.update('not a config')).length).toBeGreaterThan(0);
    expect((await handle.update(null)).length).toBeGreaterThanOrEqual(0);
  });

  test('locale and theme options; preferences only', async () => {
    const element = frame();
    preview(element, {}, { view: 'preferences', locale: 'zh-CN', theme: 'dark' });
    const shadow = root(element);
    await expect.poll(() => shadow.querySelector('h2')?.textContent).toBe('隐私偏好设置');
    expect(shadow.querySelector('.b')).toBeNull();
    expect(shadow.querySelector('.cg')!.classList.contains('dark')).toBe(true);
    expect(getComputedStyle(shadow.querySelector('.d')!).backgroundColor).toBe('rgb(31, 31, 31)');
  });

  test('visitor "updated": the policy-changed banner, switches pre-filled from the earlier consent, both policy links', async () => {
    const element = frame();
    const config = {
      policyVersion: '3',
      policyUrl: 'https://example.com/privacy/v3',
      policyArchive: { '1': 'https://example.com/privacy/v1', '2': 'https://example.com/privacy/v2' },
      policyChanges: 'We now name every advertising partner.',
    };
    const handle = preview(element, config, { visitor: 'updated' });
    const shadow = root(element);
    await expect
      .poll(() => shadow.querySelector('.b h2')?.textContent)
      .toBe('Our privacy policy has changed');
    expect(shadow.querySelector('#cg-bd')!.textContent).toContain('now version 3');
    expect(shadow.querySelector('.b')!.textContent).toContain('We now name every advertising partner.');
    const checked = (id: string) => shadow.querySelector<HTMLInputElement>(`#cg-c-${id}`)!.checked;
    expect([checked('necessary'), checked('analytics'), checked('advertising'), checked('pixels')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const links = [...shadow.querySelectorAll<HTMLAnchorElement>('.d .mu a')].map((a) => a.href);
    expect(links).toEqual(['https://example.com/privacy/v2', 'https://example.com/privacy/v3']);
    expect(shadow.querySelector('.d')!.textContent).toContain('Policy version 2');

    // Live: a new version in the config is what the banner names next.
    await handle.update({ ...config, policyVersion: '4', policyArchive: {} });
    await expect.poll(() => shadow.querySelector('#cg-bd')!.textContent).toContain('now version 4');
    expect(shadow.querySelector('.d')!.textContent).toContain('Policy version previous');
  });

  test('visitor "gpc": the notice of what "Accept all" leaves off, only when the config honours the signal', async () => {
    const element = frame();
    const handle = preview(element, {}, { visitor: 'gpc', view: 'banner' });
    const shadow = root(element);
    await expect
      .poll(() => shadow.querySelector('.b .note')?.textContent)
      .toBe(
        'Your browser sent a Global Privacy Control signal, so Advertising and Pixels and beacons stay off, even with “Accept all”.',
      );
    await handle.update({ gpc: false });
    await expect.poll(() => shadow.querySelector('.b .note')).toBeNull();
    expect(shadow.querySelector('.b h2')!.textContent).toBe('We value your privacy');
  });

  test('visitor "age": the age question when minimumAge is set, in Chinese too; else the first visit', async () => {
    const element = frame();
    const handle = preview(element, { minimumAge: 14 }, { visitor: 'age', view: 'banner', locale: 'zh-CN' });
    const shadow = root(element);
    await expect.poll(() => shadow.querySelector('.b .age')).not.toBeNull();
    const answers = [...shadow.querySelectorAll('.b .age .btn')].map((b) => b.textContent);
    expect(answers).toHaveLength(4);
    expect(answers[0]).toContain('14');
    // Answering in a preview records nothing and goes back to the three buttons.
    shadow.querySelector<HTMLButtonElement>('.b .age .btn')!.click();
    await expect.poll(() => shadow.querySelector('.b .age')).toBeNull();
    expect(document.cookie).not.toContain('cg_consent');
    await handle.update({});
    await new Promise((r) => setTimeout(r, 0));
    expect(shadow.querySelector('.b .age')).toBeNull();
    expect(shadow.querySelectorAll('.b .acts .btn')).toHaveLength(3);
  });

  test('destroy removes the preview', () => {
    const element = frame();
    const handle = preview(element, {});
    handle.destroy();
    expect(element.childElementCount).toBe(0);
  });
});
