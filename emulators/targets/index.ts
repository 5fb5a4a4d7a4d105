// CRM emulators ready for AgentDesk (see target.ts).
import type { CrmKind } from '../../common/protocol/index.js';
import type { CrmTarget, TargetOptions } from './target.js';
import { kustomerTarget } from './kustomer-target.js';
import { zendeskTarget } from './zendesk-target.js';
import { freshdeskTarget } from './freshdesk-target.js';
import { salesforceTarget } from './salesforce-target.js';

export type { CrmTarget, NeutralRecord, TargetConnection, TargetOptions } from './target.js';
export { ZENDESK_AGENT_IDS } from './zendesk-target.js';

export const CRM_TARGETS: Record<CrmKind, (opts?: TargetOptions) => Promise<CrmTarget>> = {
  kustomer: kustomerTarget,
  zendesk: zendeskTarget,
  freshdesk: freshdeskTarget,
  salesforce: salesforceTarget,
};
