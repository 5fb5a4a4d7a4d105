// Notices shown to the agent (status sync, record writes, configuration): newest last, bounded;
// the same notice again moves to the end instead of piling up.
import type { AppNotice, AppState, LocalizedText } from '../../../common/ipc/index.js';

export const MAX_NOTICES = 30;

export interface NoticeInput {
  level: AppNotice['level'];
  key: string;
  text: LocalizedText;
}

export class Notices {
  private counter = 0;

  add(s: AppState, n: NoticeInput, at: Date): AppNotice {
    const notice: AppNotice = { id: `n${++this.counter}`, level: n.level, key: n.key, text: n.text, at: at.toISOString() };
    s.notices = s.notices.filter((x) => !(x.key === n.key && x.text.en === n.text.en));
    s.notices.push(notice);
    if (s.notices.length > MAX_NOTICES) s.notices.splice(0, s.notices.length - MAX_NOTICES);
    return notice;
  }

  dismiss(s: AppState, id: string): boolean {
    const before = s.notices.length;
    s.notices = s.notices.filter((x) => x.id !== id);
    return s.notices.length !== before;
  }
}

/** Texts of the core's own notices, in English and Korean (I18N-1). */
export const CORE_TEXTS = {
  recordFailed: (subject: string, error: string): LocalizedText => ({
    en: `The CRM record "${subject}" could not be written: ${error}. Use "Try again" on its card.`,
    ko: `CRM 레코드 "${subject}"을(를) 저장하지 못했습니다: ${error}. 카드의 "다시 시도"를 누르세요.`,
  }),
  secondInstance: (): LocalizedText => ({
    en: 'AgentDesk is already running; the second launch was brought here instead.',
    ko: 'AgentDesk가 이미 실행 중이어서 두 번째 실행 대신 이 창을 표시했습니다.',
  }),
  duplicateConnection: (count: number): LocalizedText => ({
    en: `Your contact-center user is connected ${count} times. Close the other AgentDesk, or ask your admin whether the user is shared.`,
    ko: `컨택센터 사용자가 ${count}곳에서 연결되어 있습니다. 다른 AgentDesk를 닫거나, 사용자를 공유하고 있지 않은지 관리자에게 확인하세요.`,
  }),
  managedConfigInvalid: (error: string): LocalizedText => ({
    en: `The managed configuration from your IT department is invalid, so settings cannot be changed here: ${error}`,
    ko: `IT 부서의 관리 구성이 올바르지 않아 이 컴퓨터에서는 설정을 변경할 수 없습니다: ${error}`,
  }),
  fieldsMapped: (names: string): LocalizedText => ({
    en: `Custom fields are ready and mapped: ${names}. New sessions will fill them.`,
    ko: `사용자 정의 필드가 준비되어 매핑되었습니다: ${names}. 이후 세션부터 값이 채워집니다.`,
  }),
  fieldsNotMapped: (names: string, reason: string): LocalizedText => ({
    en: `Custom fields exist in the CRM but could not be mapped in the settings (${reason}): ${names}. Map them on the settings screen.`,
    ko: `CRM에 사용자 정의 필드는 있지만 설정에 매핑하지 못했습니다(${reason}): ${names}. 설정 화면에서 매핑하세요.`,
  }),
  noSipAccount: (): LocalizedText => ({
    en: 'The contact center did not send your softphone (SIP) account and none is set up on this computer, so calls cannot ring here. Ask your administrator.',
    ko: '컨택센터가 소프트폰(SIP) 계정을 보내지 않았고 이 컴퓨터에도 설정되어 있지 않아 이곳에서 전화를 받을 수 없습니다. 관리자에게 문의하세요.',
  }),
  dialIgnored: (raw: string): LocalizedText => ({
    en: `"${raw}" is not a phone number AgentDesk can dial.`,
    ko: `"${raw}"은(는) AgentDesk에서 걸 수 있는 전화번호가 아닙니다.`,
  }),
} as const;
