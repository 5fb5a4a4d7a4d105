// The core's configuration: where the contact center, the CRM, the SIP server and the Kustomer app
// are. Secrets are not here: the CRM key and the SIP password come from the secrets port, and the
// contact-center token usually does (stored at sign-in); a token here (development, tests, a
// service account) signs in at start and wins over the stored one.
import { z } from 'zod';
import { crmKindSchema } from '../../common/protocol/index.js';

function urlWith(protocols: string[], what: string) {
  return z.string().refine((s) => {
    try {
      return protocols.includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, `must be a ${what} URL`);
}
export const httpUrl = urlWith(['http:', 'https:'], 'http(s)');
const wsUrl = urlWith(['ws:', 'wss:'], 'ws(s)');

export const appConfigSchema = z
  .object({
    contactCenter: z
      .object({
        url: httpUrl,
        /** The agent's token (role agent; supervisor/admin for those screens). Else the secret `cc.token`; else the agent signs in. */
        token: z.string().min(1).optional(),
      })
      .strict(),
    /** CRM connection; the API key comes from the secret `crm.apiKey`. */
    crm: z
      .object({
        kind: crmKindSchema.optional(),
        baseUrl: httpUrl,
        /** Where agents open records (pop links); defaults to kustomerAppUrl, then the contact center's settings. */
        appUrl: httpUrl.optional(),
        timeoutMs: z.number().int().min(100).max(120_000).optional(),
      })
      .strict()
      .nullable()
      .default(null),
    /**
     * SOFT-1: SIP over WebSocket; the password comes from the secret `sip.password`. The server
     * (wsUrl) is the machine's; the account (uri, user) is the signed-in agent's, from the contact
     * center's `hello.sip`; uri/user here only serve contact centers that do not send it.
     */
    sip: z
      .object({ wsUrl, uri: z.string().min(1).optional(), user: z.string().min(1).optional(), displayName: z.string().default('') })
      .strict()
      .nullable()
      .default(null),
    /** The Kustomer web app shown beside the softphone (https://<org>.kustomerapp.com). */
    kustomerAppUrl: httpUrl.nullable().default(null),
    /** Country for numbers without a country code (KUS-8). */
    defaultCountry: z.string().regex(/^[A-Z]{2}$/).default('KR'),
    /** fdatasync every journal write. */
    fsync: z.boolean().default(true),
  })
  .strict();
export type AppConfig = z.infer<typeof appConfigSchema>;
export type AppConfigInput = z.input<typeof appConfigSchema>;

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; error: string };

export function parseAppConfig(raw: unknown): ConfigResult {
  const r = appConfigSchema.safeParse(raw);
  return r.success ? { ok: true, config: r.data } : { ok: false, error: `invalid configuration:\n${z.prettifyError(r.error)}` };
}

/** The origin of the Kustomer app the view may show, or null. */
export function kustomerOrigin(config: AppConfig): string | null {
  const url = config.kustomerAppUrl ?? (config.crm?.kind === undefined || config.crm.kind === 'kustomer' ? config.crm?.appUrl : undefined);
  return url ? new URL(url).origin : null;
}
