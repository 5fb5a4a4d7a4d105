// The engine's durable state: the in-memory copy plus the journal that makes it survive a crash.
// Every change goes through `write`, which journals the record first and then applies it, so
// what is in memory is never ahead of what is on disk.
import type { Journal } from './ports.js';
import { applyRecord, replay, type DurableState, type JournalRecord } from './durable-state.js';

export class StateStore {
  private current: DurableState;
  private sinceCompact = 0;

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
    if (++this.sinceCompact >= this.compactEvery) this.compact();
  }

  /**
   * Like `write`, and resolves once the record and every earlier one is on disk. The outbox uses it
   * for the `attempt` record before every CRM call, so whatever the CRM may have seen is on disk
   * before it is sent. A record lost after the last flush (an OS crash) costs at most a retried
   * step, which looks before it writes, or an event the contact center replays (its seq was not on
   * disk either). Flushes are shared between concurrent writers and do not block the event loop.
   */
  async writeDurable(record: JournalRecord): Promise<void> {
    this.write(record);
    await this.journal.flush();
  }

  allocateIds(n: number): number[] {
    const first = this.current.nextId;
    return Array.from({ length: n }, (_, i) => first + i);
  }

  compact(): void {
    this.journal.compact(this.current);
    this.sinceCompact = 0;
  }

  close(): void {
    this.compact();
    this.journal.close();
  }
}
