// Agent-facing notices of the status sync, in English and Korean (I18N-1). The i18n key and
// params travel with both texts, so the renderer can use its own catalogue or these strings.
import type { LocalizedText, Notice, NoticeLevel } from './types.js';

type Template = { level: NoticeLevel; en: string; ko: string };

export const NOTICE_TEMPLATES = {
  'statusSync.unmapped': {
    level: 'warning',
    en: 'Kustomer status "{name}" is not mapped to a contact-center status, so your contact-center status was not changed.',
    ko: 'Kustomer 상태 "{name}"은(는) 컨택센터 상태에 매핑되어 있지 않아 컨택센터 상태를 변경하지 않았습니다.',
  },
  'statusSync.noReverse': {
    level: 'warning',
    en: 'No Kustomer status is set for contact-center status "{status}", so your Kustomer status was not changed.',
    ko: '컨택센터 상태 "{status}"에 대응하는 Kustomer 상태가 없어 Kustomer 상태를 변경하지 않았습니다.',
  },
  'statusSync.deferredCc': {
    level: 'info',
    en: 'Kustomer status "{name}" will be applied to the contact center when your call or wrap-up ends.',
    ko: 'Kustomer 상태 "{name}"은(는) 통화 또는 후처리가 끝나면 컨택센터에 적용됩니다.',
  },
  'statusSync.deferredCrm': {
    level: 'info',
    en: 'Contact-center status "{status}" will be applied in Kustomer when Kustomer\'s Busy status ends.',
    ko: '컨택센터 상태 "{status}"은(는) Kustomer의 바쁨(Busy) 상태가 끝나면 Kustomer에 적용됩니다.',
  },
  'statusSync.foreignCrmChange': {
    level: 'warning',
    en: 'Your contact-center status was changed to "{status}" by another CRM session. Is AgentDesk or Kustomer open twice?',
    ko: '다른 CRM 세션이 컨택센터 상태를 "{status}"(으)로 변경했습니다. AgentDesk 또는 Kustomer가 두 번 열려 있지 않은지 확인하세요.',
  },
  'statusSync.overrideRefused': {
    level: 'warning',
    en: 'The contact center moved you to "{status}" again right after the sync; your Kustomer status was not re-applied, to avoid a loop.',
    ko: '동기화 직후 컨택센터가 상태를 다시 "{status}"(으)로 변경했습니다. 반복을 막기 위해 Kustomer 상태를 다시 적용하지 않았습니다.',
  },
  'statusSync.ccFailed': {
    level: 'error',
    en: 'Could not set your contact-center status to "{status}": {message}',
    ko: '컨택센터 상태를 "{status}"(으)로 설정하지 못했습니다: {message}',
  },
  'statusSync.crmFailed': {
    level: 'error',
    en: 'Could not set your Kustomer status to "{name}": {message}',
    ko: 'Kustomer 상태를 "{name}"(으)로 설정하지 못했습니다: {message}',
  },
} as const satisfies Record<string, Template>;

export type NoticeKey = keyof typeof NOTICE_TEMPLATES;

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

export function localize(en: string, ko: string, params: Record<string, string>): LocalizedText {
  return { en: fill(en, params), ko: fill(ko, params) };
}

export function notice(key: NoticeKey, params: Record<string, string>): Notice {
  const t: Template = NOTICE_TEMPLATES[key];
  return { level: t.level, key, params, text: localize(t.en, t.ko, params) };
}
