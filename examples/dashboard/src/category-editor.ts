import { type CategoryDraft, isBuiltIn, LOCALES } from './form-state';

const LOCALE_NAMES = { en: 'English', 'zh-CN': '中文' } as const;

function input(
  labelText: string,
  value: string,
  path: string,
  onInput: (value: string) => void,
  multiline = false,
) {
  const label = document.createElement('label');
  label.textContent = labelText;
  const field = document.createElement(multiline ? 'textarea' : 'input');
  field.value = value;
  field.dataset.path = path;
  if (field instanceof HTMLTextAreaElement) field.rows = 3;
  field.addEventListener('input', () => onInput(field.value));
  label.append(field);
  return { label, field };
}

/**
 * One card per category: id (editable for the site's own), label and description per locale,
 * services and cookies. `changed` is called after every edit, `remove` for the site's own.
 */
export function renderCategory(draft: CategoryDraft, changed: () => void, remove: () => void): HTMLElement {
  const card = document.createElement('div');
  card.className = 'category';
  card.dataset.category = draft.id;
  const header = document.createElement('header');
  const paths: Array<[HTMLElement, string]> = [];
  const track = (field: HTMLElement, suffix: string) => paths.push([field, suffix]);
  const retarget = () => {
    card.dataset.category = draft.id;
    for (const [field, suffix] of paths) field.dataset.path = `categories.${draft.id}${suffix}`;
  };

  const id = input('Category id', draft.id, '', (value) => {
    draft.id = value.trim();
    retarget();
    changed();
  });
  id.field.toggleAttribute('readonly', isBuiltIn(draft.id));
  track(id.field, '');
  header.append(id.label);
  if (!isBuiltIn(draft.id)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Remove';
    button.addEventListener('click', remove);
    header.append(button);
  }
  card.append(header);

  const grid = document.createElement('div');
  grid.className = 'grid3';
  for (const locale of LOCALES) {
    const label = input(`Label (${LOCALE_NAMES[locale]})`, draft.label[locale], '', (value) => {
      draft.label[locale] = value;
      changed();
    });
    track(label.field, '.label');
    grid.append(label.label);
  }
  card.append(grid);
  for (const locale of LOCALES) {
    const description = input(
      `Description (${LOCALE_NAMES[locale]})`,
      draft.description[locale],
      '',
      (value) => {
        draft.description[locale] = value;
        changed();
      },
    );
    track(description.field, '.description');
    card.append(description.label);
  }
  {
    const services = input(
      'Services',
      draft.services,
      '',
      (value) => {
        draft.services = value;
        changed();
      },
      true,
    );
    services.field.placeholder = 'Google Analytics | Google | _ga, _ga_*';
    track(services.field, '.services');
    const cookies = input('Cookies of this category', draft.cookies, '', (value) => {
      draft.cookies = value;
      changed();
    });
    cookies.field.placeholder = '_ga, _ga_*';
    track(cookies.field, '.cookies');
    card.append(services.label, cookies.label);
  }
  retarget();
  return card;
}
