// `dist/consentgate.ui.en.js`: the banner's texts in one language, loaded only for a visitor who reads it.
import { LOCALE_EN } from '@consentgate/ui';
import { registerModule } from './modules';

registerModule('ui.en', { locale: LOCALE_EN });
