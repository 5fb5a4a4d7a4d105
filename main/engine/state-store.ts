// The engine's durable state: the in-memory copy plus the journal that makes it survive a crash.
// Every change goes through `write`, which journals the record first and then applies it, so
// what is in memory is never ahead of what is on disk.
import type { Journal } from './ports.js';
import { applyRecord, replay, type DurableState, type JournalRecord } from './durable-state.js';

export class StateStore {
  private current: DurableState;
  private sinceCompact = 0;
  /** Records written in this process, and how many of them are known to be on disk. */
  private written = 0;
  private flushedUpTo = 0;
  /** Whether the journal as loaded at start is on disk (the last process may have died before flushing). */
  private loadedFlushed = false;
  /** The write number of the record that enqueued each entry of this process. */
  private readonly enqueuedAt = new Map<number, number>();

  constructor(
    private readonly journal: Journal,
    private readonly compactEvery = 5_000,
  ) {
    const { snapshot, records } = journal.load();
    this.current = replay(snapshot, records);
    this.sinceCompact = records.length;
  }

  get state(): DurableState {
    return this.current;
  }

  /**
   * Journal a record (handed to the OS: safe from a process crash), then apply it. Records that
   * must also survive an OS crash go through `writeDurable`.
   */
  write(record: JournalRecord): void {
    this.journal.append(record, false);
    applyRecord(this.current, record);
    this.written += 1;
    if ((record.t === 'event' || record.t === 'done') && record.enq) for (const e of record.enq) this.enqueuedAt.set(e.id, this.written);
    if (record.t === 'done') for (const id of record.ids) this.enqueuedAt.delete(id);
    if (++this.sinceCompact >= this.compactEvery) this.compact();
  }

  /**
   * Like `write`, and resolves once the record and every earlier one is on disk. The outbox uses it
   * before an entry's first CRM call, so the entry is on disk before the CRM may see anything of
   * it; after a restart every step of a recovered entry counts as possibly sent (it looks before
   * it writes), so later attempt records need not wait for the disk. A record lost after the last
   * flush (an OS crash) costs at most a retried step, or an event the contact center replays (its
   * seq was not on disk either). Flushes are shared between concurrent writers and do not block
   * the event loop.
   */
  async writeDurable(record: JournalRecord): Promise<void> {
    this.write(record);
    const upTo = this.written;
    await this.journal.flush();
    this.flushedUpTo = Math.max(this.flushedUpTo, upTo);
    this.loadedFlushed = true;
  }

  /** Whether the record that enqueued outbox entry `id` is on disk (survives an OS crash). */
  enqueueOnDisk(id: number): boolean {
    const at = this.enqueuedAt.get(id);
    return at === undefined ? this.loadedFlushed : at <= this.flushedUpTo;
  }

  allocateIds(n: number): number[] {
    const first = this.current.nextId;
    return Array.from({ length: n }, (_, i) => first + i);
  }

  compact(): void {
    this.journal.compact(this.current);
    this.sinceCompact = 0;
    // The snapshot is written with fsync: everything so far is on disk.
    this.flushedUpTo = this.written;
    this.loadedFlushed = true;
  }

  close(): void {
    this.compact();
    this.journal.close();
  }
}
