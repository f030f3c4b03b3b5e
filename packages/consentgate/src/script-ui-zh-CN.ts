// `dist/consentgate.ui.zh-CN.js`: the banner's texts in one language, loaded only for a visitor who reads it.
import { LOCALE_ZH_CN } from '@consentgate/ui';
import { registerModule } from './modules';

registerModule('ui.zh-CN', { locale: LOCALE_ZH_CN });
