// Messages between the Kustomer page (its webview preload) and the main process. SEC-1: the page
// may send only these; the receiving side parses every message with this schema and drops the rest.
import { z } from 'zod';

export const KUSTOMER_STATUS_TYPES = ['available', 'busy', 'unavailable', 'offline'] as const;

/** Page -> main. */
export const kustomerPageMessageSchema = z.discriminatedUnion('type', [
  /** The page loaded (or its signed-in user changed): who is signed in, and this page's id. */
  z.object({ type: z.literal('page'), instanceId: z.string().min(1).max(64), userEmail: z.string().max(320).nullable(), userId: z.string().max(64).nullable() }).strict(),
  /** The user status shown in the page (at load, or changed however: dropdown, API, another tab). */
  z
    .object({
      type: z.literal('status'),
      instanceId: z.string().min(1).max(64),
      name: z.string().trim().min(1).max(200),
      statusType: z.enum(KUSTOMER_STATUS_TYPES).optional(),
      origin: z.enum(['page-load', 'change']),
      /** Set when the change is the result of our own apply request (exact echo, SYNC-7). */
      commandId: z.string().min(1).max(64).optional(),
      at: z.number().int().nonnegative(),
    })
    .strict(),
  /** Result of an apply request (two-way sync). */
  z.object({ type: z.literal('applied'), instanceId: z.string().min(1).max(64), commandId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('apply-failed'), instanceId: z.string().min(1).max(64), commandId: z.string().min(1).max(64), error: z.string().max(500) }).strict(),
  /** KUS-1: a tel: link was clicked in the page. */
  z.object({ type: z.literal('dial'), instanceId: z.string().min(1).max(64), number: z.string().trim().min(1).max(40) }).strict(),
]);
export type KustomerPageMessage = z.infer<typeof kustomerPageMessageSchema>;

/** Main -> page: apply a user status through the page's own signed-in session (two-way). */
export const kustomerApplySchema = z.object({ type: z.literal('apply'), commandId: z.string().min(1).max(64), name: z.string().min(1).max(200) }).strict();
export type KustomerApply = z.infer<typeof kustomerApplySchema>;

/** The one IPC channel the Kustomer webview may use, each way. */
export const KUSTOMER_TO_MAIN = 'kustomer:page' as const;
export const MAIN_TO_KUSTOMER = 'kustomer:apply' as const;
