// Every enum the UI shows, mapped to its message key (written out so the i18n test can see each key).
import type { AppState, LiveSession, RecordCard } from '../../../common/ipc/app-state.js';
import type { CrmKind } from '../../../common/protocol/settings.js';
import type { SessionType } from '../../../common/protocol/session.js';
import type { StatusSource } from '../../../common/protocol/server-events.js';
import type { MessageKey } from '../i18n/translate.js';
import type { StatusKind } from '../store/selectors.js';

export const STATUS_SOURCE_KEY: Record<StatusSource, MessageKey> = {
  agent: 'status.source.agent',
  crm: 'status.source.crm',
  system: 'status.source.system',
  supervisor: 'status.source.supervisor',
};

export const STATUS_KIND_KEY: Record<StatusKind, MessageKey> = {
  available: 'status.kind.available',
  unavailable: 'status.kind.unavailable',
  system: 'status.kind.system',
};

export const CRM_NAME_KEY: Record<CrmKind, MessageKey> = {
  kustomer: 'crm.kustomer',
  zendesk: 'crm.zendesk',
  freshdesk: 'crm.freshdesk',
  salesforce: 'crm.salesforce',
};

export const SESSION_TYPE_KEY: Record<SessionType, MessageKey> = {
  voice_inbound_ivr: 'sessionType.voice_inbound_ivr',
  voice_inbound_app: 'sessionType.voice_inbound_app',
  voice_inbound_web: 'sessionType.voice_inbound_web',
  voice_scheduled_app: 'sessionType.voice_scheduled_app',
  voice_scheduled_web: 'sessionType.voice_scheduled_web',
  voice_outbound: 'sessionType.voice_outbound',
  chat_inbound_app: 'sessionType.chat_inbound_app',
  chat_inbound_web: 'sessionType.chat_inbound_web',
  voicemail: 'sessionType.voicemail',
};

export const PHASE_KEY: Record<LiveSession['phase'], MessageKey> = {
  ringing: 'phase.ringing',
  connected: 'phase.connected',
  ended: 'phase.ended',
  abandoned: 'phase.abandoned',
  transferred: 'phase.transferred',
};

export const WRITE_STATE_KEY: Record<RecordCard['writeState'], MessageKey> = {
  pending: 'record.write.pending',
  written: 'record.write.written',
  retrying: 'record.write.retrying',
  failed: 'record.write.failed',
};

export const RECORD_STATUS_KEY: Record<RecordCard['status'], MessageKey> = {
  open: 'record.status.open',
  closed: 'record.status.closed',
  unknown: 'record.status.unknown',
};

export const OUTCOME_KEY: Record<AppState['callHistory'][number]['outcome'], MessageKey> = {
  answered: 'history.outcome.answered',
  missed: 'history.outcome.missed',
  rejected: 'history.outcome.rejected',
  abandoned: 'history.outcome.abandoned',
  transferred: 'history.outcome.transferred',
};

export const SEVERITY_KEY: Record<'info' | 'warning' | 'error', MessageKey> = {
  info: 'severity.info',
  warning: 'severity.warning',
  error: 'severity.error',
};

export const CONNECTION_KEY: Record<AppState['connection']['contactCenter'], MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  disconnected: 'connection.disconnected',
};
