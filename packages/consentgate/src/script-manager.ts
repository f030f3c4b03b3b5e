// `dist/consentgate.manager.js`: loaded by the gate (see modules.ts); hands it its module.
import { startExtras } from './extras';
import { registerModule } from './modules';

registerModule('manager', { startExtras });
