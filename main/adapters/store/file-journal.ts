// The engine's journal on disk, in dataDir: a snapshot (replaced atomically) and an append-only
// JSON-lines journal, each line written with one write(); appends that ask for it are
// fdatasync'd (which flushes every earlier line too). A torn last line (power loss mid-write) is
// skipped and reported, never fatal.
import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../../engine/ports.js';

export interface FileJournalOptions {
  /** Honour `sync` appends with fdatasync (default true): survive an OS crash, not just a process crash. */
  fsync: boolean;
}

export class FileJournal implements Journal {
  private fd: number | null = null;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly snapshotPath: string;
  private readonly journalPath: string;

  constructor(
    private readonly dir: string,
    private readonly opts: FileJournalOptions = { fsync: true },
    name = 'engine',
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.snapshotPath = path.join(dir, `${name}.snapshot.json`);
    this.journalPath = path.join(dir, `${name}.journal.jsonl`);
  }

  load(): { snapshot: unknown; records: unknown[]; corrupt: number } {
    let snapshot: unknown = null;
    if (fs.existsSync(this.snapshotPath)) {
      try {
        snapshot = JSON.parse(fs.readFileSync(this.snapshotPath, 'utf8'));
      } catch (e) {
        // A snapshot is only ever replaced by rename, so this means outside damage: keep the file for inspection.
        const aside = `${this.snapshotPath}.corrupt-${Date.now()}`;
        fs.renameSync(this.snapshotPath, aside);
        throw new Error(`engine snapshot is unreadable (moved to ${aside}): ${(e as Error).message}`, { cause: e });
      }
    }
    const records: unknown[] = [];
    let corrupt = 0;
    if (fs.existsSync(this.journalPath)) {
      for (const line of fs.readFileSync(this.journalPath, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const r: unknown = JSON.parse(line);
          if (typeof r === 'object' && r !== null && 't' in r) records.push(r);
          else corrupt++;
        } catch {
          corrupt++;
        }
      }
    }
    this.open();
    return { snapshot, records, corrupt };
  }

  append(record: unknown, sync = true): void {
    const fd = this.open();
    fs.writeSync(fd, JSON.stringify(record) + '\n');
    if (sync && this.opts.fsync) fs.fdatasyncSync(fd);
  }

  /**
   * Group commit: callers share a flush that has not started yet (it covers everything they
   * appended); once it starts, new callers queue the next one. fdatasync runs off the event loop.
   */
  flush(): Promise<void> {
    if (!this.opts.fsync) return Promise.resolve();
    if (this.queued) return this.queued;
    const prior = this.inFlight ?? Promise.resolve();
    const q: Promise<void> = prior
      .catch(() => undefined)
      .then(() => {
        if (this.queued === q) this.queued = null;
        const fd = this.open();
        return new Promise<void>((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));
      });
    this.queued = q;
    this.inFlight = q;
    return q;
  }

  compact(snapshot: unknown): void {
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(snapshot));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.snapshotPath);
    this.syncDir();
    // Only now is the journal redundant; a crash before this line replays it over the new snapshot (idempotent).
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = fs.openSync(this.journalPath, 'w');
    fs.fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private open(): number {
    if (this.fd === null) this.fd = fs.openSync(this.journalPath, 'a');
    return this.fd;
  }

  private syncDir(): void {
    try {
      const d = fs.openSync(this.dir, 'r');
      fs.fsyncSync(d);
      fs.closeSync(d);
    } catch {
      // Some platforms (Windows) cannot open a directory; rename is still atomic there.
    }
  }
}
