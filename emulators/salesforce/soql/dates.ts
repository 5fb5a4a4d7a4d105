// SOQL date values as half-open ranges of epoch ms [from, to), so `=`, `<`, `>` on date-time
// fields mean what Salesforce says: `CreatedDate = TODAY` is any time today, `> LAST_N_DAYS:7`
// is after that range. The emulator's org time zone is UTC.
import type { Literal } from './parser.js';
import { parseDateTime } from '../schema/values.js';

const DAY = 86_400_000;

export interface Range {
  from: number;
  to: number;
}

export function dateRange(lit: Literal, now: number): Range | null {
  const today = Math.floor(now / DAY) * DAY;
  switch (lit.kind) {
    case 'date': {
      const from = Date.parse(`${lit.value}T00:00:00Z`);
      return Number.isNaN(from) ? null : { from, to: from + DAY };
    }
    case 'datetime': {
      const t = parseDateTime(lit.value);
      return t === null ? null : { from: t, to: t + 1 };
    }
    case 'dateConst':
      switch (lit.name) {
        case 'TODAY':
          return { from: today, to: today + DAY };
        case 'YESTERDAY':
          return { from: today - DAY, to: today };
        case 'TOMORROW':
          return { from: today + DAY, to: today + 2 * DAY };
        case 'LAST_N_DAYS':
          return { from: today - lit.n * DAY, to: today + DAY };
        case 'NEXT_N_DAYS':
          return { from: today + DAY, to: today + (lit.n + 1) * DAY };
        case 'N_DAYS_AGO':
          return { from: today - lit.n * DAY, to: today - lit.n * DAY + DAY };
        default:
          return null;
      }
    default:
      return null;
  }
}

/** A stored date ('2025-03-01') or date-time ('...+0000') as epoch ms. */
export function storedTime(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : parseDateTime(v);
  return t === null || Number.isNaN(t) ? null : t;
}

export function inRange(t: number, op: string, r: Range): boolean {
  switch (op) {
    case '=':
      return t >= r.from && t < r.to;
    case '!=':
      return t < r.from || t >= r.to;
    case '<':
      return t < r.from;
    case '<=':
      return t < r.to;
    case '>':
      return t >= r.to;
    case '>=':
      return t >= r.from;
    default:
      return false;
  }
}
