import { createConsentGate } from 'consentgate';
import { TRACKER } from './tracker-origin';

/**
 * The app's one consent gate, created when this module is first imported (main.ts imports it
 * before anything that could load a tracker). `functional` is a category of this site's own.
 */
export const consent = createConsentGate({
  policyVersion: '2026-11',
  policyUrl: '#/privacy',
  categories: {
    functional: {
      label: { en: 'Maps and embeds', 'zh-CN': '地图与嵌入内容' },
      description: {
        en: 'Embedded maps from a third-party map service.',
        'zh-CN': '来自第三方地图服务的嵌入式地图。',
      },
      services: [{ name: 'Sim Maps', provider: 'Tracker simulator' }],
    },
    analytics: {
      cookies: ['_sim_a', '_sim_a_*'],
      services: [
        { name: 'Sim Analytics', provider: 'Tracker simulator', cookies: ['_sim_a', '_sim_a_session'] },
      ],
    },
  },
  // The app has its own "Privacy settings" entry in the menu, so no floating button.
  ui: { floatingButton: false },
  rules: [
    { category: 'analytics', match: [`${new URL(TRACKER).hostname}/a/`] },
    { category: 'advertising', match: [`${new URL(TRACKER).hostname}/ads/`] },
    { category: 'pixels', match: [`${new URL(TRACKER).hostname}/px/`] },
    { category: 'functional', match: [`${new URL(TRACKER).hostname}/embed/`] },
  ],
});
