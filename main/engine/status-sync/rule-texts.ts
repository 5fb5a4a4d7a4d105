// One plain sentence per audit rule, in English and Korean, for the agent's "why did my status
// change" view and the supervisor view (SUP-1).
import type { AuditRule, LocalizedText } from './types.js';

export const RULE_TEXTS: Record<AuditRule, LocalizedText> = {
  unmapped: {
    en: 'The Kustomer status is not mapped; the contact-center status was left as it was.',
    ko: 'Kustomer 상태가 매핑되어 있지 않아 컨택센터 상태를 그대로 두었습니다.',
  },
  'SYNC-2 mapped': {
    en: 'Your Kustomer status changed; the mapped contact-center status was set.',
    ko: 'Kustomer 상태가 바뀌어 매핑된 컨택센터 상태로 설정했습니다.',
  },
  'SYNC-2 in-sync': {
    en: 'Your Kustomer status changed; the contact center already had the mapped status.',
    ko: 'Kustomer 상태가 바뀌었지만 컨택센터는 이미 매핑된 상태였습니다.',
  },
  'SYNC-2 one-way': {
    en: 'The contact-center status changed; one-way sync does not write it to Kustomer.',
    ko: '컨택센터 상태가 바뀌었습니다. 단방향 동기화이므로 Kustomer에는 반영하지 않습니다.',
  },
  'SYNC-3 reverse': {
    en: 'The contact-center status changed; Kustomer was set to the status chosen for it.',
    ko: '컨택센터 상태가 바뀌어 Kustomer를 지정된 대응 상태로 설정했습니다.',
  },
  'SYNC-3 keep-current': {
    en: 'The contact-center status changed; your Kustomer status already maps to it and was kept.',
    ko: '컨택센터 상태가 바뀌었지만 현재 Kustomer 상태가 이미 그 상태에 매핑되어 있어 유지했습니다.',
  },
  'SYNC-3 first-mapped': {
    en: 'The contact-center status changed; Kustomer was set to the first Kustomer status mapped to it.',
    ko: '컨택센터 상태가 바뀌어 그 상태에 매핑된 첫 번째 Kustomer 상태로 설정했습니다.',
  },
  'SYNC-3 no-reverse': {
    en: 'The contact-center status changed; no Kustomer status corresponds to it, so Kustomer was not changed.',
    ko: '컨택센터 상태가 바뀌었지만 대응하는 Kustomer 상태가 없어 Kustomer를 변경하지 않았습니다.',
  },
  'SYNC-3 crm-not-loaded': {
    en: 'The contact-center status changed; Kustomer is not loaded, so it was not changed.',
    ko: '컨택센터 상태가 바뀌었지만 Kustomer가 열려 있지 않아 변경하지 않았습니다.',
  },
  'SYNC-4 crm-overrides': {
    en: 'The contact center moved you by itself; your Kustomer status applies instead (CRM overrides).',
    ko: '컨택센터가 자동으로 상태를 바꿨지만 CRM 우선 설정에 따라 Kustomer 상태를 적용했습니다.',
  },
  'SYNC-4 override-refused': {
    en: 'The contact center moved you again right after the sync; the Kustomer status was not re-applied (loop guard).',
    ko: '동기화 직후 컨택센터가 다시 상태를 바꿔 반복 방지를 위해 Kustomer 상태를 다시 적용하지 않았습니다.',
  },
  'SYNC-4 system-status': {
    en: 'The contact center is in a system status (call or wrap-up); it is respected and not overridden.',
    ko: '컨택센터가 시스템 상태(통화 또는 후처리)입니다. 이 상태는 존중되며 덮어쓰지 않습니다.',
  },
  'SYNC-4 crm-busy': {
    en: 'Kustomer set Busy by itself; Busy never changes the contact-center status.',
    ko: 'Kustomer가 자동으로 바쁨(Busy)으로 설정했습니다. 바쁨 상태는 컨택센터 상태를 바꾸지 않습니다.',
  },
  'SYNC-4 deferred': {
    en: 'The other side is in a system status; this change is remembered and applied when it ends.',
    ko: '상대편이 시스템 상태이므로 이 변경을 기억했다가 시스템 상태가 끝나면 적용합니다.',
  },
  'SYNC-4 pending-applied': {
    en: 'A system status ended; the change remembered during it was applied.',
    ko: '시스템 상태가 끝나 그동안 기억해 둔 변경을 적용했습니다.',
  },
  'SYNC-6 waiting': {
    en: 'Waiting for both the Kustomer page and the contact-center login before syncing.',
    ko: 'Kustomer 페이지와 컨택센터 로그인이 모두 확인될 때까지 동기화를 기다립니다.',
  },
  'SYNC-6 login-apply': {
    en: 'At login, the status shown in Kustomer was applied to the contact center.',
    ko: '로그인 시 Kustomer에 표시된 상태를 컨택센터에 적용했습니다.',
  },
  'SYNC-6 login-init': {
    en: 'At login, the statuses were recorded without changing either side (apply at login is off).',
    ko: '로그인 시 상태를 기록만 하고 어느 쪽도 변경하지 않았습니다(로그인 시 적용 꺼짐).',
  },
  'SYNC-6 reconnect': {
    en: 'The contact center reconnected; its status was recorded without changing either side.',
    ko: '컨택센터에 다시 연결되어 상태를 기록만 하고 어느 쪽도 변경하지 않았습니다.',
  },
  'SYNC-7 echo-suppressed': {
    en: 'This was the echo of a change the sync itself made; it was not treated as a new change.',
    ko: '동기화가 직접 적용한 변경의 반향이므로 새 변경으로 처리하지 않았습니다.',
  },
  'SYNC-7 out-of-order': {
    en: 'An older report arrived after a newer one and was ignored.',
    ko: '더 최근 보고 이후에 도착한 이전 보고이므로 무시했습니다.',
  },
  'SYNC-7 older-than-other-side': {
    en: 'The other side changed more recently; its change applies.',
    ko: '상대편이 더 최근에 변경되어 그 변경을 적용합니다.',
  },
  'SYNC-7 foreign-crm-change': {
    en: 'Another CRM session changed the contact-center status; the sync does not fight it.',
    ko: '다른 CRM 세션이 컨택센터 상태를 변경했습니다. 동기화는 이에 맞서지 않습니다.',
  },
  'SYNC-7 write-limit': {
    en: 'This change already used its one write per side; no further write was made.',
    ko: '이 변경은 이미 양쪽에 한 번씩 쓰기를 사용하여 더 이상 쓰지 않았습니다.',
  },
  'command-ack': {
    en: 'The status change requested by the sync was confirmed.',
    ko: '동기화가 요청한 상태 변경이 확인되었습니다.',
  },
  'command-failed': {
    en: 'The status change requested by the sync failed; it is not retried until the next change.',
    ko: '동기화가 요청한 상태 변경이 실패했습니다. 다음 변경 전까지 다시 시도하지 않습니다.',
  },
  settings: {
    en: 'The status-sync settings changed; they apply from the next change.',
    ko: '상태 동기화 설정이 바뀌었습니다. 다음 변경부터 적용됩니다.',
  },
  disabled: {
    en: 'Status sync is off; the status was recorded only.',
    ko: '상태 동기화가 꺼져 있어 상태를 기록만 했습니다.',
  },
};
