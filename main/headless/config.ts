// The headless engine's configuration file (PROTOCOL.md "Headless engine"), validated with a
// clear message for every mistake.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { crmKindSchema } from '../../common/protocol/index.js';

const httpUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an http(s) URL');

export const crmConnectionSchema = z
  .object({
    kind: crmKindSchema.optional(),
    baseUrl: httpUrl,
    /** Kustomer / Freshdesk API key; Zendesk API token; Salesforce access token. */
    apiKey: z.string().min(1).optional(),
    /** Where agents open records (pop links); defaults to the contact center's settings.crm.appUrl. */
    appUrl: httpUrl.optional(),
    /** Zendesk: the agent e-mail for `{email}/token` auth. */
    email: z.string().optional(),
    /** Salesforce REST API version, e.g. "v62.0". */
    apiVersion: z.string().regex(/^v\d+\.\d$/).optional(),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    /** Vendor-specific adapter options (see docs/crm/<vendor>.md); checked by the adapter when it starts. */
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CrmConnection = z.infer<typeof crmConnectionSchema>;

export const headlessConfigSchema = z
  .object({
    contactCenter: z.object({ url: httpUrl, token: z.string().min(1) }).strict(),
    crm: crmConnectionSchema,
    dataDir: z.string().min(1),
    /** Country for numbers given without a country code (KUS-8). */
    defaultCountry: z.string().regex(/^[A-Z]{2}$/).default('KR'),
    /** fdatasync every journal write (survives an OS crash, costs ~0.2 ms a write). */
    fsync: z.boolean().default(true),
    concurrency: z.number().int().min(1).max(64).default(8),
    /** Retry timing of CRM writes: capped exponential backoff with jitter (Retry-After still wins). */
    retry: z.object({ baseMs: z.number().int().min(1).max(60_000).default(250), capMs: z.number().int().min(1).max(3_600_000).default(30_000) }).strict().default({ baseMs: 250, capMs: 30_000 }),
    /** On SIGTERM, how long running CRM writes may take to finish before they are left for the next start. */
    shutdownGraceMs: z.number().int().min(0).max(120_000).default(10_000),
  })
  .strict();
export type HeadlessConfig = z.infer<typeof headlessConfigSchema>;

export type ConfigResult = { ok: true; config: HeadlessConfig } | { ok: false; error: string };

/** Read and validate a config file; relative dataDir is resolved against the file's folder. */
export function loadHeadlessConfig(file: string, env: NodeJS.ProcessEnv = process.env): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, error: `cannot read config ${file}: ${(e as Error).message}` };
  }
  const parsed = headlessConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `invalid config ${file}:\n${z.prettifyError(parsed.error)}` };
  }
  const config = parsed.data;
  // A secret from the environment wins, so the file itself need not hold it.
  if (env.AGENTDESK_CRM_API_KEY) config.crm.apiKey = env.AGENTDESK_CRM_API_KEY;
  config.dataDir = path.resolve(path.dirname(file), config.dataDir);
  return { ok: true, config };
}
