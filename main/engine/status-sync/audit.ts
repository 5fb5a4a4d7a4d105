// The status audit: a bounded ring of decisions for the agent's "why did my status change" view
// and the supervisor view. Oldest entries fall off first; nothing here does I/O.
import { RULE_TEXTS } from './rule-texts.js';
import type { AuditEntry, LocalizedText } from './types.js';

export const DEFAULT_AUDIT_CAPACITY = 200;

export class AuditRing {
  private readonly buf: AuditEntry[] = [];
  private start = 0;

  constructor(readonly capacity: number = DEFAULT_AUDIT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`audit capacity must be a positive integer, got ${capacity}`);
  }

  push(entry: AuditEntry): void {
    if (this.buf.length < this.capacity) {
      this.buf.push(entry);
      return;
    }
    this.buf[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
  }

  get size(): number {
    return this.buf.length;
  }

  /** Oldest first. */
  entries(): AuditEntry[] {
    return [...this.buf.slice(this.start), ...this.buf.slice(0, this.start)];
  }

  /** The entries that changed or tried to change a status, newest first: the "why" view. */
  statusChanges(): AuditEntry[] {
    return this.entries()
      .filter((e) => e.before.cc !== e.after.cc || e.before.crm !== e.after.crm || e.actions.length > 0)
      .reverse();
  }
}

/** The plain-language explanation of an entry, in both languages. */
export function explain(entry: AuditEntry): LocalizedText {
  return RULE_TEXTS[entry.rule];
}
