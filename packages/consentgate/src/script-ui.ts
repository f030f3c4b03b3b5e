// The script-tag banner: `dist/consentgate.ui.js`, loaded by the gate only when it is needed.
// It hands the UI to the gate through a global symbol instead of a named global.
import { mountConsentUI } from '@consentgate/ui';

(globalThis as Record<symbol, unknown>)[Symbol.for('consentgate.ui')] = mountConsentUI;
