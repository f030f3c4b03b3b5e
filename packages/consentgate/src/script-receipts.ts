// `dist/consentgate.receipts.js`: loaded by the gate (see modules.ts); hands it its module.

import { registerModule } from './modules';
import { installReceipts, resolveReceipts } from './receipts';

registerModule('receipts', { installReceipts, resolveReceipts });
