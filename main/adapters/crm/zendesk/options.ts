// Settings of the Zendesk adapter. Credentials come from the credential store (SEC-1), never from
// a settings file in clear text. baseUrl is the account (https://<subdomain>.zendesk.com); the
// agent UI lives on the same host, so appUrl defaults to it.
import { z } from 'zod';
import { PHONE_FORMATS } from '../../../../common/protocol/index.js';
import type { Log } from '../../../engine/ports.js';

export type PhoneFormat = (typeof PHONE_FORMATS)[number];

const fieldId = z.number().int().positive();

export const zendeskAdapterSettingsSchema = z.object({
  /** https://<subdomain>.zendesk.com (without /api/v2). */
  baseUrl: z.url(),
  /** API token (Basic `{email}/token:{apiToken}`) or an OAuth access token (Bearer). */
  auth: z.union([z.object({ email: z.string().min(3), apiToken: z.string().min(1) }).strict(), z.object({ oauthToken: z.string().min(1) }).strict()]),
  /** Where agents open tickets: recordUrl(id) = <appUrl>/agent/tickets/<id>; default baseUrl. */
  appUrl: z.string().default(''),
  /** How the caller's number is written on a new end user (lookup matches every format). */
  phoneFormat: z.enum(PHONE_FORMATS).default('e164'),
  /**
   * Where AgentDesk stamps the leaf queue and channel a ticket came in from (REC-1): tags
   * (default, no setup) or two custom text ticket fields by id (exact values, invisible unless
   * the admin puts them on a form, untouched by tag edits).
   */
  stamps: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('tags') }), z.object({ kind: z.literal('fields'), leafQueueFieldId: fieldId, channelFieldId: fieldId })])
    .default({ kind: 'tags' }),
  /** Per-request timeout of API calls. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Timeout of a file upload. */
  uploadTimeoutMs: z.number().int().positive().default(60_000),
  /** How long the ticket field catalogue (names -> ids and types) is kept before it is read again. */
  fieldCacheTtlMs: z.number().int().nonnegative().default(10 * 60_000),
  /** Zendesk's Update Ticket limit per user per ticket; the adapter keeps below it (REL-1). */
  ticketUpdateLimit: z.object({ max: z.number().int().positive(), windowMs: z.number().int().positive() }).default({ max: 30, windowMs: 10 * 60_000 }),
});
export type ZendeskAdapterSettings = z.input<typeof zendeskAdapterSettingsSchema>;
export type ZendeskAdapterConfig = z.output<typeof zendeskAdapterSettingsSchema>;

export interface ZendeskAdapterDeps {
  fetch?: typeof fetch;
  log?: Log;
  /** The agent app URL when it is known only later (settings.crm.appUrl); wins when non-empty. */
  appUrl?: () => string;
  /** The admin's phone format when it comes from the contact center's settings (settings.crm.phoneFormat). */
  phoneFormat?: () => PhoneFormat;
  /** Time source of the per-ticket update guard (tests). */
  now?: () => number;
}
