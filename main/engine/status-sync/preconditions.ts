// SYNC-5 preconditions, each shown plainly to the agent and the admin: one user per agent with the
// same e-mail on both sides, one AgentDesk and one Kustomer instance per user, and (two-way) a
// Kustomer team routed to an external queue pointing at the contact center.
import { localize } from './messages.js';
import type { LocalizedText } from './types.js';

export interface PreconditionInput {
  /** The agent's e-mail at the contact center (hello.agent.email). */
  agentEmail: string;
  /** The e-mail of the user signed in to the Kustomer page; null when the page did not tell. */
  crmUserEmail: string | null;
  /** How many connections share the agent's contact-center identity (hello.connections). */
  ccConnections: number;
  /** How many Kustomer pages AgentDesk hosts for this user. */
  pageInstances: number;
  twoWay: boolean;
  /** Whether the agent's Kustomer team routes to the external queue; undefined when unknown. */
  externalQueueConfigured?: boolean | undefined;
}

export type FindingId =
  | 'email-mismatch'
  | 'crm-user-unknown'
  | 'multiple-connections'
  | 'crm-open-twice'
  | 'crm-not-open'
  | 'no-external-queue'
  | 'external-queue-unknown';

export interface Finding {
  id: FindingId;
  rule: 'SYNC-5';
  severity: 'error' | 'warning' | 'info';
  /** i18n key: `statusSync.precondition.<id>`. */
  key: string;
  params: Record<string, string>;
  text: LocalizedText;
}

const TEXTS: Record<FindingId, { severity: Finding['severity']; en: string; ko: string }> = {
  'email-mismatch': {
    severity: 'error',
    en: 'You are signed in to AgentDesk as {agentEmail} but to Kustomer as {crmUserEmail}. Status sync needs one user per agent with the same e-mail on both sides; a shared user cannot be synced.',
    ko: 'AgentDesk에는 {agentEmail}(으)로, Kustomer에는 {crmUserEmail}(으)로 로그인되어 있습니다. 상태 동기화를 하려면 상담사마다 양쪽에 같은 이메일의 사용자로 로그인해야 하며, 공유 사용자는 동기화할 수 없습니다.',
  },
  'crm-user-unknown': {
    severity: 'warning',
    en: 'AgentDesk could not read which user is signed in to Kustomer, so it cannot check that it is you ({agentEmail}).',
    ko: 'Kustomer에 로그인한 사용자를 확인할 수 없어 본인({agentEmail})인지 확인하지 못했습니다.',
  },
  'multiple-connections': {
    severity: 'error',
    en: 'Your contact-center user is connected {count} times: a second AgentDesk, or a user shared with someone else. Status sync needs exactly one AgentDesk per agent.',
    ko: '컨택센터 사용자가 {count}곳에서 연결되어 있습니다(다른 AgentDesk 실행 또는 다른 사람과 공유한 사용자). 상태 동기화를 하려면 상담사당 AgentDesk가 하나만 실행되어야 합니다.',
  },
  'crm-open-twice': {
    severity: 'error',
    en: 'Kustomer is open {count} times for your user. Status sync cannot tell which one to update; close all but one.',
    ko: '같은 사용자로 Kustomer가 {count}번 열려 있습니다. 어느 쪽을 업데이트할지 알 수 없으므로 하나만 남기고 닫으세요.',
  },
  'crm-not-open': {
    severity: 'info',
    en: 'Kustomer is not open, so your status is not synced.',
    ko: 'Kustomer가 열려 있지 않아 상태를 동기화하지 않습니다.',
  },
  'no-external-queue': {
    severity: 'error',
    en: 'Two-way status sync needs your Kustomer team to route to an external queue that points at the contact center. Ask your admin to set it in Kustomer team routing.',
    ko: '양방향 상태 동기화를 하려면 Kustomer 팀이 컨택센터를 가리키는 외부 대기열로 라우팅되어야 합니다. 관리자에게 Kustomer 팀 라우팅 설정을 요청하세요.',
  },
  'external-queue-unknown': {
    severity: 'info',
    en: 'AgentDesk cannot check that your Kustomer team routes to the contact center\'s external queue, which two-way sync needs.',
    ko: '양방향 동기화에 필요한, Kustomer 팀의 컨택센터 외부 대기열 라우팅 설정을 AgentDesk에서 확인할 수 없습니다.',
  },
};

/** What no check here can see; docs/status-sync.md lists these for admins. */
export const UNDETECTABLE_PRECONDITIONS = [
  'Kustomer open for the same user in a browser tab outside AgentDesk or on another computer',
  'a user shared by several people who all use the same e-mail on both sides',
  'a second AgentDesk of the same user that is not connected right now',
  'the external queue, when the Kustomer API key may not read routing settings',
] as const;

function finding(id: FindingId, params: Record<string, string> = {}): Finding {
  const t = TEXTS[id];
  return { id, rule: 'SYNC-5', severity: t.severity, key: `statusSync.precondition.${id}`, params, text: localize(t.en, t.ko, params) };
}

const normalizeEmail = (e: string): string => e.trim().toLowerCase();

export function checkPreconditions(input: PreconditionInput): Finding[] {
  const out: Finding[] = [];
  const crmEmail = input.crmUserEmail?.trim() ?? '';
  if (crmEmail === '') out.push(finding('crm-user-unknown', { agentEmail: input.agentEmail }));
  else if (normalizeEmail(crmEmail) !== normalizeEmail(input.agentEmail)) {
    out.push(finding('email-mismatch', { agentEmail: input.agentEmail, crmUserEmail: crmEmail }));
  }
  if (input.ccConnections > 1) out.push(finding('multiple-connections', { count: String(input.ccConnections) }));
  if (input.pageInstances > 1) out.push(finding('crm-open-twice', { count: String(input.pageInstances) }));
  if (input.pageInstances === 0) out.push(finding('crm-not-open'));
  if (input.twoWay && input.externalQueueConfigured === false) out.push(finding('no-external-queue'));
  if (input.twoWay && input.externalQueueConfigured === undefined) out.push(finding('external-queue-unknown'));
  return out;
}
