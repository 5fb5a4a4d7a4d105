// Per-record-key FIFO index over the outbox entries: which entry of each key runs next.
import type { OutboxEntry } from '../durable-state.js';

export class KeyQueues {
  private readonly byKey = new Map<string, number[]>();
  private readonly busyKeys = new Set<string>();

  constructor(entries: OutboxEntry[]) {
    for (const e of [...entries].sort((a, b) => a.id - b.id)) this.add(e);
  }

  add(e: OutboxEntry): void {
    const q = this.byKey.get(e.key) ?? [];
    if (q.includes(e.id)) return;
    q.push(e.id);
    q.sort((a, b) => a - b);
    this.byKey.set(e.key, q);
  }

  remove(e: OutboxEntry): void {
    const q = this.byKey.get(e.key);
    if (!q) return;
    const rest = q.filter((id) => id !== e.id);
    if (rest.length) this.byKey.set(e.key, rest);
    else this.byKey.delete(e.key);
  }

  busy(key: string): boolean {
    return this.busyKeys.has(key);
  }

  setBusy(key: string, busy: boolean): void {
    if (busy) this.busyKeys.add(key);
    else this.busyKeys.delete(key);
  }

  /**
   * The first pending entry of every key, oldest first. A dead-lettered entry does not hold up
   * the entries behind it: they get their own chance (and their own error if the record is missing).
   */
  heads(entries: Record<number, OutboxEntry>): OutboxEntry[] {
    const heads: OutboxEntry[] = [];
    for (const ids of this.byKey.values()) {
      for (const id of ids) {
        const e = entries[id];
        if (e && e.status === 'pending') {
          heads.push(e);
          break;
        }
      }
    }
    return heads.sort((a, b) => a.id - b.id);
  }

  /** Pending updateRecord entries right behind `head` in its key, to fold into one CRM call. */
  followingUpdates(head: OutboxEntry, entries: Record<number, OutboxEntry>): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    const ids = this.byKey.get(head.key) ?? [];
    for (const id of ids.slice(ids.indexOf(head.id) + 1)) {
      const e = entries[id];
      if (!e || e.status !== 'pending' || e.intent.kind !== 'updateRecord') break;
      out.push(e);
    }
    return out;
  }
}
