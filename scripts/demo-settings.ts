// Settings the demo's contact center pushes: the admin has mapped the standard fields (KUS-2) and
// an SDK key (KUS-4), turned on records for abandoned calls (REC-5) and a 3-day reopen window (REC-2).
import type { SettingsInput } from '../common/protocol/index.js';

export const DEMO_SETTINGS: SettingsInput = {
  recordCreation: {
    appendToOpenRecordSameLeafQueue: true,
    appendToClosedWithinDays: 3,
    createCallRecordOnConnect: false,
    chatMinConsumerMessages: 1,
    abandonedCalls: true,
    abandonedChats: 'minMessages',
    abandonedChatsMinMessages: 2,
    subjectTemplate: '{CALL_TYPE} {CALL_ID} - {MENU_PATH}',
    sessionTypeTag: true,
    platformTag: 'AgentDesk',
  },
  customFields: {
    customer: { customUserId: 'customUserIdStr' },
    record: {
      queueName: 'queueNameStr',
      sessionType: 'sessionTypeStr',
      sessionId: 'sessionIdStr',
      callDuration: 'callDurationNum',
      waitTime: 'waitTimeNum',
      holdTime: 'holdTimeNum',
      csatRating: 'csatRatingNum',
      csatComment: 'csatCommentStr',
      menuSelection: 'menuSelectionStr',
    },
  },
  customDataMapping: { orderId: 'orderIdStr' },
};
