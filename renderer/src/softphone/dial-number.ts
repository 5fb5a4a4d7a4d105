// The dial pad's check, the same rule as the call:dial schema (contract.ts), with a message key.
import type { MessageKey } from '../i18n/translate.js';

const ALLOWED = /^[+0-9*#()\-. ]+$/;

export function dialNumberProblem(raw: string): MessageKey | null {
  const n = raw.trim();
  if (!n) return 'dial.error.empty';
  if (n.length > 40) return 'dial.error.long';
  if (!ALLOWED.test(n)) return 'dial.error.chars';
  if (!/[0-9]/.test(n)) return 'dial.error.noDigits';
  return null;
}
