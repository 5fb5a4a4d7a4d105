// Settings of the Freshdesk adapter. The API key comes from the credential store (SEC-1), never
// from a settings file in clear text. baseUrl is the helpdesk (https://<domain>.freshdesk.com);
// the adapter adds /api/v2. AgentDesk stamps three custom ticket fields (`cf_*`, single-line
// text or dropdown) on the tickets it creates: the session key (its idempotency key, REL-1) and
// the leaf queue and channel (REC-1). Freshdesk has no open/closed category for custom
// statuses: the admin lists the ones that mean "closed".
import { z } from 'zod';
import { PHONE_FORMATS } from '../../../../common/protocol/index.js';
import type { Log } from '../../../engine/ports.js';

export const CF_NAME = /^cf_[a-z0-9_]+$/i;
const cfName = z.string().regex(CF_NAME, 'a Freshdesk custom ticket field name starts with cf_ (e.g. cf_agentdesk_session)').max(128);

export const DEFAULT_STAMP_FIELDS = { sessionKey: 'cf_agentdesk_session', leafQueue: 'cf_agentdesk_leaf_queue', channel: 'cf_agentdesk_channel' };

export const freshdeskAdapterSettingsSchema = z.object({
  /** The helpdesk: https://<domain>.freshdesk.com (a trailing /api/v2 is accepted). */
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  /** Where agents open tickets: recordUrl(id) = <appUrl>/a/tickets/<id>; default: baseUrl. */
  appUrl: z.string().default(''),
  /** How phone numbers are written to and looked up in contacts (the admin's crm.phoneFormat). */
  phoneFormat: z.enum(PHONE_FORMATS).default('e164'),
  stampFields: z
    .object({
      /** Holds the session key: looked up before a retried create (REL-1). */
      sessionKey: cfName.default(DEFAULT_STAMP_FIELDS.sessionKey),
      /** Leaf queue id and channel the ticket came in from (REC-1); null = not stamped. */
      leafQueue: cfName.nullable().default(DEFAULT_STAMP_FIELDS.leafQueue),
      channel: cfName.nullable().default(DEFAULT_STAMP_FIELDS.channel),
    })
    .default(DEFAULT_STAMP_FIELDS),
  /** Custom statuses (id >= 6) that count as closed; every other custom status counts as open. */
  closedStatuses: z.array(z.number().int().min(6)).default([]),
  /** Status for "closed" writes: 4 Resolved (default; Freshdesk closes it later) or 5 Closed. */
  closeAs: z.union([z.literal(4), z.literal(5)]).default(4),
  /** Priority of new tickets (1 Low .. 4 Urgent). */
  priority: z.number().int().min(1).max(4).default(1),
  /** Group of new tickets, or null for Freshdesk's default. */
  groupId: z.number().int().positive().nullable().default(null),
  /** Also look callers up by contact `mobile` when `phone` finds nobody. */
  lookupMobile: z.boolean().default(true),
  /** How far back the recent-records list reaches (Freshdesk lists 30 days unless told). */
  recordsLookbackDays: z.number().int().min(1).max(3650).default(400),
  timeoutMs: z.number().int().positive().default(10_000),
  /** Timeout of a note with an attachment (multipart upload). */
  uploadTimeoutMs: z.number().int().positive().default(60_000),
  /** How long the ticket field definitions (names, types, dropdown choices) are cached. */
  fieldCacheTtlMs: z.number().int().nonnegative().default(600_000),
});
export type FreshdeskAdapterSettings = z.input<typeof freshdeskAdapterSettingsSchema>;
export type FreshdeskConfig = z.infer<typeof freshdeskAdapterSettingsSchema>;
export type PhoneFormat = (typeof PHONE_FORMATS)[number];

export interface FreshdeskAdapterDeps {
  fetch?: typeof fetch;
  log?: Log;
  /** The agent-app URL when it is known only later (settings.crm.appUrl); wins over settings.appUrl when non-empty. */
  appUrl?: () => string;
  /** The admin's phone format, read at each call (settings.crm.phoneFormat); wins over settings.phoneFormat. */
  phoneFormat?: () => PhoneFormat;
  /** REC-2's window (days, null/0 = off): stats (resolved/closed times, 2 extra API credits) are fetched only when it is on. */
  reopenWindowDays?: () => number | null;
  now?: () => number;
}
