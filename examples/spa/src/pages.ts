import { consent } from './consent';
import { mountMap } from './map-embed';
import type { Render } from './router';

function section(view: HTMLElement, title: string, ...paragraphs: string[]): HTMLElement {
  const h1 = document.createElement('h1');
  h1.textContent = title;
  view.append(h1);
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    view.append(p);
  }
  return view;
}

/** The app's three routes. */
export const pages: Record<string, Render> = {
  '/': (view) => {
    section(
      view,
      'Find your next trail',
      'Trailhead is a pretend single-page app. It imports ConsentGate from npm, starts analytics only through whenGranted("analytics"), and shows the map only while “Maps and embeds” is allowed.',
      'Move between the pages with the menu: the page never reloads, and each route change is a page view for analytics — only when you allowed it.',
    );
    return undefined;
  },
  '/trails': (view) => {
    section(view, 'Trails', 'Three easy walks near the visitor centre.');
    const list = document.createElement('ul');
    for (const name of ['Lakeside loop · 4 km', 'Ridge view · 7 km', 'Old mill path · 3 km']) {
      const item = document.createElement('li');
      item.textContent = name;
      list.append(item);
    }
    view.append(list);
    return undefined;
  },
  '/visit': (view) => {
    section(view, 'Visit us', 'The visitor centre is open every day from 9:00 to 17:00.');
    const map = document.createElement('div');
    map.id = 'map';
    map.className = 'map-box';
    view.append(map);
    return mountMap(map);
  },
  '/privacy': (view) => {
    section(
      view,
      'Privacy',
      'Trailhead uses analytics to count page views, and an embedded map from a map service on the Visit us page. Neither loads before you allow it, and you can withdraw at any time: the cookies of a withdrawn category are deleted and its requests stop.',
    );
    const change = document.createElement('button');
    change.type = 'button';
    change.className = 'cta';
    change.textContent = 'Change my choices';
    change.addEventListener('click', () => consent.showPreferences(change));
    view.append(change);
    return undefined;
  },
};
