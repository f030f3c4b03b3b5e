// `dist/consentgate.check.js`: loaded by the gate (see modules.ts); hands it its module.
import { checkConfig } from './config';
import { registerModule } from './modules';

registerModule('check', { checkConfig });
