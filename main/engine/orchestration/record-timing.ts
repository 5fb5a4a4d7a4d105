// When a session's record is made: REC-3, REC-4, REC-5, REC-6.
import type { RecordCreationSettings, Session } from '../../../common/protocol/index.js';
import type { SessionTrack } from './types.js';

/** Outbound calls are recorded when placed; REC-3 is about inbound calls that may never connect. */
export function callRecordOnAssign(s: Session, rc: RecordCreationSettings): boolean {
  return s.channel === 'voice' && (s.type === 'voice_outbound' || !rc.createCallRecordOnConnect);
}

/** REC-3 / REC-4: is it time to create the record of an assigned/connected session? */
export function recordDue(t: SessionTrack, rc: RecordCreationSettings): boolean {
  const s = t.session;
  if (!s || t.record !== 'none') return false;
  if (s.channel === 'voice') {
    if (t.phase === 'offered') return callRecordOnAssign(s, rc);
    return t.phase === 'connected';
  }
  if (t.phase !== 'connected') return false;
  return rc.chatMinConsumerMessages <= 0 || t.consumerMessages >= rc.chatMinConsumerMessages;
}

/** REC-5 / REC-6: does an abandoned session (without a record yet) get one? */
export function abandonedRecordWanted(
  channel: Session['channel'],
  consumerMessages: number,
  rc: RecordCreationSettings,
): { wanted: boolean; rule: string } {
  if (channel === 'voice') {
    return rc.abandonedCalls
      ? { wanted: true, rule: 'REC-5 on: abandoned call gets a record' }
      : { wanted: false, rule: 'REC-5 off: no record for an abandoned call' };
  }
  switch (rc.abandonedChats) {
    case 'off':
      return { wanted: false, rule: 'REC-6 off: no record for an abandoned chat' };
    case 'all':
      return { wanted: true, rule: 'REC-6 all: every unanswered chat gets a record, short abandons included' };
    case 'minMessages':
      return consumerMessages >= rc.abandonedChatsMinMessages
        ? { wanted: true, rule: `REC-6 min messages: ${consumerMessages} >= ${rc.abandonedChatsMinMessages}` }
        : { wanted: false, rule: `REC-6 min messages: ${consumerMessages} < ${rc.abandonedChatsMinMessages}` };
  }
}
