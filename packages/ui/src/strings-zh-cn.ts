import type { Strings } from './string-keys';

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
  updatedTitle: '我们的隐私政策已更新',
  updatedText:
    '在您做出选择之后，我们更新了隐私政策（现为 {version} 版）。请查阅后重新选择；您之前的选择已预先填入偏好设置。',
  changes: '更新内容：',
  currentPolicy: '当前版本 {version}',
  gpcNotice:
    '您的浏览器发送了全球隐私控制（GPC）信号，因此{categories}保持关闭，即使选择“全部接受”也是如此。',
  gpcOptIn: '您仍可在此处开启。',
  separateNote: '需要您单独同意：“全部接受”不会开启此项。',
  separateBanner: '“全部接受”不包括{categories}，这些需要您在偏好设置中单独同意。',
  recipient: '接收方',
  contact: '联系方式',
  dataTypes: '数据类型',
  ageQuestion: '在开启任何选项之前，请确认您的年龄。',
  ageAdult: '我已满 {age} 周岁',
  ageGuardian: '我未满 {age} 周岁，且我的父母或其他监护人同意',
  ageUnder: '我未满 {age} 周岁',
  back: '返回',
};
