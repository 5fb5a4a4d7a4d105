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

  write(record: JournalRecord): void {
    this.journal.append(record);
    applyRecord(this.current, record);
    if (++this.sinceCompact >= this.compactEvery) this.compact();
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
