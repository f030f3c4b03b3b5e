import type { Strings } from './strings-en';

/** Every UI string, in Simplified Chinese. */
export const STRINGS_ZH_CN: Strings = {
  bannerTitle: '我们重视您的隐私',
  bannerText:
    '我们使用 Cookie 及类似技术来运行本网站、分析网站的使用情况并用于广告。必要的 Cookie 始终开启；其他 Cookie 仅在您同意后使用，您可以随时更改您的选择。',
  policyLink: '隐私政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  manage: '管理偏好设置',
  preferencesTitle: '隐私偏好设置',
  preferencesText: '请选择您允许的 Cookie 和跟踪类型。在您做出选择之前，不会开启任何选项。',
  save: '保存选择',
  close: '关闭',
  alwaysOn: '始终开启',
  services: '服务和 Cookie',
  provider: '提供方',
  purpose: '用途',
  cookies: 'Cookie 名称',
  lifetime: '有效期',
  policyVersion: '政策版本 {version}',
  settings: '隐私设置',
};
