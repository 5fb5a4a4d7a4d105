// Boundary helpers: the schema of a Kustomer status report coming from the webview preload over
// IPC (SEC-1: the page may only send this), and conversions of protocol payloads into inputs.
import { z } from 'zod';
import type { ServerPayload } from '../../../common/protocol/index.js';
import { CRM_STATUS_TYPES } from './types.js';
import type { CcStatusInput, CrmStatusInput, LoginInput, SettingsInput } from './types.js';

export const crmStatusReportSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    statusType: z.enum(CRM_STATUS_TYPES).optional(),
    origin: z.enum(['page-load', 'change']),
    /** The command id of our apply request when this change is its result (exact echo, SYNC-7). */
    commandId: z.string().min(1).max(64).optional(),
    /** When the page saw the change (epoch ms); the receipt time is used when absent. */
    at: z.number().int().nonnegative().optional(),
  })
  .strict();
export type CrmStatusReport = z.infer<typeof crmStatusReportSchema>;

export function crmStatusInput(report: CrmStatusReport, now: number): CrmStatusInput {
  return {
    type: 'crm.status',
    name: report.name,
    origin: report.origin,
    at: report.at ?? now,
    ...(report.statusType === undefined ? {} : { statusType: report.statusType }),
    ...(report.commandId === undefined ? {} : { commandId: report.commandId }),
  };
}

export function isoToMillis(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 time: ${iso}`);
  return t;
}

export function ccStatusInput(payload: ServerPayload<'agent.status'>): CcStatusInput {
  return { type: 'cc.status', statusId: payload.statusId, source: payload.source, at: isoToMillis(payload.at) };
}

export function loginInput(payload: ServerPayload<'hello'>): LoginInput {
  return {
    type: 'login',
    statusId: payload.statusId ?? null,
    statuses: payload.statuses,
    settings: payload.settings.statusSync,
    at: isoToMillis(payload.at),
  };
}

export function settingsInput(payload: ServerPayload<'settings'>): SettingsInput {
  return { type: 'settings', settings: payload.settings.statusSync, at: isoToMillis(payload.at) };
}
