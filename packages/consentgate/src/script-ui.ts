// `dist/consentgate.ui.js`: the banner, loaded by the gate only when it is needed (see modules.ts).
// The gate hands it the loader of its locale files (`consentgate.ui.<locale>.js`).
import { mountWith } from '@consentgate/ui';
import { registerModule } from './modules';
import type { MountUI } from './types';

const mountConsentUI: MountUI = (manager, options) =>
  mountWith(manager, {
    ...options,
    loadLocale: options.loadLocale ?? (() => Promise.reject(new Error('no locale loader given'))),
  });

registerModule('ui', { mountConsentUI });
