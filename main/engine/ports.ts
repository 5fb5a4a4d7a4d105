// Narrow ports the engines use for I/O. Node adapters implement them in main/adapters; tests
// pass real ones where they can (files in a temp dir, servers on loopback).
import type { Ack, CommandPayload } from '../../common/protocol/index.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type LogFields = Record<string, unknown>;
export interface Log {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const silentLog: Log = { info() {}, warn() {}, error() {} };

/**
 * A durable append-only journal with a snapshot. `append` returns once the record is handed to
 * the OS, so a process crash right after it cannot lose it; with `sync`, also once it (and every
 * record before it) is on disk, so an OS crash or power loss cannot lose it either.
 */
export interface Journal {
  load(): { snapshot: unknown; records: unknown[]; corrupt: number };
  append(record: unknown, sync?: boolean): void;
  /**
   * Resolves once everything appended so far is on disk. Concurrent callers share flushes
   * (group commit), and the flush does not block the event loop.
   */
  flush(): Promise<void>;
  /** Atomically replace the snapshot and empty the journal. */
  compact(snapshot: unknown): void;
  close(): void;
}

/** What the orchestration engine sends back to the contact center. */
export interface ContactCenterLink {
  recordLinked(p: CommandPayload<'record.linked'>): Promise<Ack>;
}

/** Downloads a file the contact center serves (SmartAction files) for attachment to a record. */
export interface FileFetcher {
  fetch(url: string, signal?: AbortSignal): Promise<{ bytes: Uint8Array; contentType: string | null }>;
}
