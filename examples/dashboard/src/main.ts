import type { ConfigIssue } from '@consentgate/core';
import { type PreviewHandle, type PreviewVisitor, preview, STRINGS_EN, STRINGS_ZH_CN } from '@consentgate/ui';
import { type ConsentGateConfig, checkConfig } from 'consentgate';
import { renderCategory } from './category-editor';
import { showIssues } from './field-errors';
import {
  type DashboardState,
  emptyCategory,
  fromConfig,
  type Locale,
  TEXT_KEYS,
  type TextKey,
  toConfig,
} from './form-state';
import { loadState, saveState } from './saved-state';
import { createSnippet, integrityOf } from './snippet';
import './style.css';

const TEXT_LABELS: Record<TextKey, string> = {
  bannerTitle: 'Banner title',
  bannerText: 'Banner text',
  acceptAll: '“Accept all” button',
  rejectAll: '“Reject all” button',
  manage: '“Manage preferences” button',
  policyLink: 'Policy link text',
};
const BUILT_IN_STRINGS: Record<Locale, Readonly<Record<string, string>>> = {
  en: STRINGS_EN,
  'zh-CN': STRINGS_ZH_CN,
};
// The dashboard serves the built gate itself, so the snippet can carry its real SRI hash.
const GATE_URL = new URL('/packages/consentgate/dist/consentgate.js', location.origin).href;

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('#form');
const previewElement = $('#preview');

let state: DashboardState = loadState();
let textLocale: Locale = 'en';
let lastValid: ConsentGateConfig | undefined;
let handle: PreviewHandle | undefined;
const integrity = integrityOf(GATE_URL);

function get(path: string): string {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], state) as string;
}
function set(path: string, value: string): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  (
    keys.reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], state) as Record<
      string,
      string
    >
  )[last] = value;
}

/** Validates the form's config, renders it when valid, and shows every issue at its field. */
function refresh(): void {
  saveState(state);
  let issues: ReadonlyArray<ConfigIssue>;
  let config: ConsentGateConfig | undefined;
  try {
    config = toConfig(state);
  } catch (error) {
    issues = [{ path: 'other', message: `invalid JSON (${(error as Error).message})` }];
  }
  if (config) {
    const ids = state.categories.map((draft) => draft.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    issues = duplicate
      ? [{ path: `categories.${duplicate}`, message: 'this id is used twice' }]
      : (handle ??= preview(previewElement, config, previewOptions())).update(config);
    if (!issues.length) {
      lastValid = config;
      exportConfig(config);
    }
  }
  form.dataset.valid = String(!issues!.length);
  showIssues(form, $('#general-errors'), issues!);
  for (const swatch of document.querySelectorAll<HTMLInputElement>('[data-swatch]')) {
    const value = get(swatch.dataset.swatch!);
    if (/^#[\da-f]{6}$/i.test(value)) swatch.value = value;
  }
}

function previewOptions() {
  return {
    locale: state.previewLocale,
    theme: state.previewTheme,
    visitor: state.previewVisitor,
    check: checkConfig,
  };
}

/** A new preview for a new language, theme or visitor, starting from the last valid config. */
function recreatePreview(): void {
  handle?.destroy();
  handle = lastValid ? preview(previewElement, lastValid, previewOptions()) : undefined;
  previewElement.classList.toggle('dark', state.previewTheme === 'dark');
  for (const button of document.querySelectorAll<HTMLElement>('[data-theme]')) {
    button.setAttribute('aria-pressed', String(button.dataset.theme === state.previewTheme));
  }
  $<HTMLSelectElement>('#preview-locale').value = state.previewLocale;
  $<HTMLSelectElement>('#preview-visitor').value = state.previewVisitor;
  refresh();
}

async function exportConfig(config: ConsentGateConfig): Promise<void> {
  const json = JSON.stringify(config, null, 2);
  $<HTMLTextAreaElement>('#export-json').value = json;
  const snippet = $<HTMLTextAreaElement>('#export-snippet');
  try {
    const hash = await integrity;
    if (config === lastValid) snippet.value = createSnippet(config, GATE_URL, hash);
  } catch (error) {
    snippet.value = `<!-- could not hash the gate for its integrity attribute: ${String(error)}. Build the packages first. -->`;
  }
}

function renderTexts(): void {
  const container = $('#texts');
  container.replaceChildren(
    ...TEXT_KEYS.map((key) => {
      const label = document.createElement('label');
      label.textContent = TEXT_LABELS[key];
      const field = document.createElement(key === 'bannerText' ? 'textarea' : 'input');
      if (field instanceof HTMLTextAreaElement) field.rows = 3;
      field.value = state.texts[textLocale][key] ?? '';
      field.placeholder = BUILT_IN_STRINGS[textLocale][key];
      field.dataset.path = `translations.${textLocale}.${key}`;
      field.dataset.text = key;
      field.lang = textLocale;
      field.addEventListener('input', () => {
        state.texts[textLocale][key] = field.value;
        refresh();
      });
      label.append(field);
      return label;
    }),
  );
  for (const button of document.querySelectorAll<HTMLElement>('[data-text-locale]')) {
    button.setAttribute('aria-pressed', String(button.dataset.textLocale === textLocale));
  }
}

function renderCategories(): void {
  $('#categories').replaceChildren(
    ...state.categories.map((draft) =>
      renderCategory(draft, refresh, () => {
        state.categories = state.categories.filter((other) => other !== draft);
        renderCategories();
        refresh();
      }),
    ),
  );
}

/** Puts the state into every field (first load and after an import). */
function fillForm(): void {
  for (const field of form.querySelectorAll<HTMLInputElement>('[data-bind]'))
    field.value = get(field.dataset.bind!);
  renderTexts();
  renderCategories();
}

for (const field of form.querySelectorAll<HTMLInputElement>('[data-bind]')) {
  field.addEventListener('input', () => {
    set(field.dataset.bind!, field.value);
    refresh();
  });
}
for (const swatch of document.querySelectorAll<HTMLInputElement>('[data-swatch]')) {
  swatch.addEventListener('input', () => {
    set(swatch.dataset.swatch!, swatch.value);
    form.querySelector<HTMLInputElement>(`[data-bind="${swatch.dataset.swatch}"]`)!.value = swatch.value;
    refresh();
  });
}
for (const button of document.querySelectorAll<HTMLElement>('[data-text-locale]')) {
  button.addEventListener('click', () => {
    textLocale = button.dataset.textLocale as Locale;
    renderTexts();
    refresh();
  });
}
for (const button of document.querySelectorAll<HTMLElement>('[data-theme]')) {
  button.addEventListener('click', () => {
    state.previewTheme = button.dataset.theme as DashboardState['previewTheme'];
    recreatePreview();
  });
}
$<HTMLSelectElement>('#preview-locale').addEventListener('change', (event) => {
  state.previewLocale = (event.target as HTMLSelectElement).value as Locale;
  recreatePreview();
});
$<HTMLSelectElement>('#preview-visitor').addEventListener('change', (event) => {
  state.previewVisitor = (event.target as HTMLSelectElement).value as PreviewVisitor;
  recreatePreview();
});
$('#add-category').addEventListener('click', () => {
  const input = $<HTMLInputElement>('#new-category');
  const id = input.value.trim();
  if (!id) return input.focus();
  state.categories.push(emptyCategory(id));
  input.value = '';
  renderCategories();
  refresh();
});

function importConfig(text: string): void {
  const field = $<HTMLTextAreaElement>('#import-json');
  try {
    state = fromConfig(JSON.parse(text), state);
  } catch (error) {
    refresh();
    showIssues(form, $('#general-errors'), [{ path: 'import', message: (error as Error).message }]);
    field.focus();
    return;
  }
  field.value = '';
  fillForm();
  refresh();
}
$('#import').addEventListener('click', () => importConfig($<HTMLTextAreaElement>('#import-json').value));
$<HTMLInputElement>('#import-file').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) importConfig(await file.text());
});
$('#download').addEventListener('click', () => {
  const link = document.createElement('a');
  link.download = 'consentgate-config.json';
  link.href = URL.createObjectURL(
    new Blob([$<HTMLTextAreaElement>('#export-json').value], { type: 'application/json' }),
  );
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href));
});
for (const button of document.querySelectorAll<HTMLElement>('[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = $<HTMLTextAreaElement>(`#${button.dataset.copy}`).value;
    try {
      await navigator.clipboard.writeText(text);
      $('#copied').textContent = 'Copied.';
    } catch {
      $<HTMLTextAreaElement>(`#${button.dataset.copy}`).select();
      $('#copied').textContent = 'Selected: press Ctrl+C to copy.';
    }
  });
}

fillForm();
recreatePreview();
