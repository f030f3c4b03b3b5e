import { consent } from './consent';
import { TRACKER } from './tracker-origin';

/**
 * Shows the embedded map in `container` while `functional` is granted, and a button to allow it
 * otherwise; follows every later change (also one made in another tab). Returns a cleanup.
 */
export function mountMap(container: HTMLElement): () => void {
  const render = () => {
    const granted = consent.getConsent().choices.functional === true;
    if (granted && container.querySelector('iframe')) return;
    container.replaceChildren();
    if (granted) {
      const frame = document.createElement('iframe');
      frame.title = 'Map: Trailhead visitor centre';
      frame.className = 'map';
      frame.src = `${TRACKER}/embed/map.html`;
      container.append(frame);
      return;
    }
    const note = document.createElement('p');
    note.textContent =
      'The map comes from a third-party map service. It loads once you allow “Maps and embeds”.';
    const allow = document.createElement('button');
    allow.type = 'button';
    allow.className = 'cta';
    allow.textContent = 'Allow maps';
    allow.addEventListener('click', () => consent.update({ functional: true }));
    container.append(note, allow);
  };
  render();
  return consent.on('change', render);
}
