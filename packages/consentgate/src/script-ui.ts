// `dist/consentgate.ui.js`: the banner, loaded by the gate only when it is needed (see modules.ts).
import { mountConsentUI } from '@consentgate/ui';
import { registerModule } from './modules';

registerModule('ui', { mountConsentUI });
