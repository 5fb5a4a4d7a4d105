// What an intent needs while it runs: the CRM, the contact center, the file fetcher, and hooks
// that persist its progress step by step.
import type { CrmPort } from '../crm-port.js';
import type { ContactCenterLink, FileFetcher, Log } from '../ports.js';
import type { OutboxEntry, Progress } from '../durable-state.js';
import type { Intent, RecordLink } from '../orchestration/types.js';

export interface ExecEnv {
  crm: CrmPort;
  cc: ContactCenterLink;
  files: FileFetcher;
  log: Log;
  now(): Date;
  signal: AbortSignal;
  /** The record already known for a record key. */
  binding(key: string): RecordLink | null;
  /**
   * Journal, durably, that `step` is about to run; resolves once that is on disk, with true if
   * the step ran before (so it may have committed).
   */
  beginStep(step: string): Promise<boolean>;
  saveProgress(p: Progress): void;
}

export interface ExecResult {
  bind?: { key: string; link: RecordLink };
  followUps?: Intent[];
}

/** A record key's record is not (yet) findable: retried a few times, then dead-lettered. */
export class RecordNotFound extends Error {
  constructor(key: string) {
    super(`no CRM record is known for "${key}" yet`);
    this.name = 'RecordNotFound';
  }
}

export type Executor = (entry: OutboxEntry, env: ExecEnv) => Promise<ExecResult>;
