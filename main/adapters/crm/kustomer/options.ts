// Settings of the Kustomer adapter. The API key comes from the credential store (SEC-1), never
// from a settings file in clear text; appUrl is the agent app (https://<org>.kustomerapp.com).
import { z } from 'zod';
import type { Log } from '../../../engine/ports.js';

export const kustomerAdapterSettingsSchema = z.object({
  /** API base, without /v1 (https://api.kustomerapp.com, https://<org>.api.kustomerapp.com...). */
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  /** Where agents open records: recordUrl(id) = <appUrl>/app/conversations/<id>. */
  appUrl: z.string().default(''),
  /** Per-request timeout of API calls. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Timeout of the file upload step of attachFile. */
  uploadTimeoutMs: z.number().int().positive().default(60_000),
});
export type KustomerAdapterSettings = z.input<typeof kustomerAdapterSettingsSchema>;

export interface KustomerAdapterDeps {
  fetch?: typeof fetch;
  log?: Log;
  /** The agent app URL when it is known only later (e.g. from the contact center's settings.crm.appUrl); wins over settings.appUrl when non-empty. */
  appUrl?: () => string;
}
