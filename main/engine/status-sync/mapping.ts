// SYNC-1 and SYNC-3: the Kustomer -> contact-center mapping (many-to-one) and the choice of a
// Kustomer status for a contact-center status in two-way sync.
import type { StatusSyncSettings } from './types.js';

/** SYNC-1: the contact-center status id a Kustomer status name maps to; exact name match. */
export function mapToCc(settings: StatusSyncSettings, name: string): string | undefined {
  return Object.hasOwn(settings.mapping, name) ? settings.mapping[name] : undefined;
}

export type ReverseRule = 'SYNC-3 keep-current' | 'SYNC-3 reverse' | 'SYNC-3 first-mapped';
export type ReversePick = { name: string; rule: ReverseRule } | { name: null; rule: 'SYNC-3 no-reverse' };

/**
 * SYNC-3: which Kustomer status should show contact-center status `statusId`.
 * 1. keep-current: the Kustomer status shown (or being applied) already maps to it;
 * 2. reverse: the admin's `reverse` entry for it;
 * 3. first-mapped: the first Kustomer status, in the mapping's key order, that maps to it;
 * 4. no-reverse: none of these; Kustomer is not changed and the agent is told.
 */
export function pickCrmStatus(settings: StatusSyncSettings, statusId: string, current: string | null): ReversePick {
  if (current !== null && mapToCc(settings, current) === statusId) return { name: current, rule: 'SYNC-3 keep-current' };
  if (Object.hasOwn(settings.reverse, statusId)) {
    const name = settings.reverse[statusId];
    if (name !== undefined && name !== '') return { name, rule: 'SYNC-3 reverse' };
  }
  for (const [name, target] of Object.entries(settings.mapping)) {
    if (target === statusId) return { name, rule: 'SYNC-3 first-mapped' };
  }
  return { name: null, rule: 'SYNC-3 no-reverse' };
}
