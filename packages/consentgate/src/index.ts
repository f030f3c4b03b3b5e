export type { ConsentGate, GateOptions, MountUI, UIController } from './create-consent-gate';
export { createConsentGate } from './create-consent-gate';
