// What the outbox tells the UI and the log about each CRM write (POP-1 write state).
import type { Intent, RecordLink } from '../orchestration/types.js';

export type WriteState = 'pending' | 'written' | 'retrying' | 'failed';

export interface OutboxEvent {
  entryId: number;
  key: string;
  kind: Intent['kind'];
  state: WriteState;
  attempts: number;
  /** openRecord: the subject, for the pop card while the record is still being made. */
  subject?: string;
  link?: RecordLink;
  error?: string;
  retryInMs?: number;
}

export type OutboxListener = (e: OutboxEvent) => void;
