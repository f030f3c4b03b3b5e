export type { MountOptions, UIController } from './mount-consent-ui';
export { mountConsentUI } from './mount-consent-ui';
export type { PreviewHandle, PreviewOptions, PreviewVisitor } from './preview';
export { preview } from './preview';
export type { StringKey, Strings } from './strings-en';
export { STRINGS_EN } from './strings-en';
export { STRINGS_ZH_CN } from './strings-zh-cn';
export type { BannerPosition, Theme, UIOptions } from './ui-options';
export { resolveUIOptions } from './ui-options';
