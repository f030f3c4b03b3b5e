import { consent } from './consent';

/** Lists every category with its current state in `list`, kept up to date. Returns a cleanup. */
export function mountConsentStatus(list: HTMLElement): () => void {
  const render = () => {
    const { choices } = consent.getConsent();
    list.replaceChildren(
      ...consent.config.categoryIds.map((id) => {
        const item = document.createElement('li');
        item.dataset.category = id;
        item.dataset.granted = String(choices[id] === true);
        item.textContent = `${choices[id] ? '✓' : '✗'} ${id}`;
        return item;
      }),
    );
  };
  render();
  // Until IndexedDB was read, a visitor whose cookie was lost may still turn out to have consented.
  list.setAttribute('aria-busy', 'true');
  consent.ready.then(() => {
    list.removeAttribute('aria-busy');
    render();
  });
  return consent.on('change', render);
}
