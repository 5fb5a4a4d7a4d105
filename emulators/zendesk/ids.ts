// Zendesk ids are integers: tickets count up from 1 per account ("nice ids"); users, comments,
// audits, attachments and fields come from large counters like Zendesk's. Upload tokens are
// random base-36 strings.
import { randomBytes } from 'node:crypto';

export class IdGenerator {
  private ticket = 1;
  private user = 360_000_000_001;
  private object = 900_000_000_001;
  private field = 360_010_000_001;

  nextTicket(): number {
    return this.ticket++;
  }
  /** Seeds with explicit ticket ids push the counter past them. */
  seenTicket(id: number): void {
    this.ticket = Math.max(this.ticket, id + 1);
  }
  nextUser(): number {
    return this.user++;
  }
  seenUser(id: number): void {
    if (id >= this.user) this.user = id + 1;
  }
  /** Comments, audits, audit events, attachments, field options share one counter. */
  nextObject(): number {
    return this.object++;
  }
  nextField(): number {
    return this.field++;
  }
  seenField(id: number): void {
    if (id >= this.field) this.field = id + 1;
  }
  uploadToken(): string {
    return BigInt(`0x${randomBytes(12).toString('hex')}`).toString(36).slice(0, 25);
  }
}
