// Every server event leaves through here: it gets the identity's next `seq` and `at`, is
// checked against common/protocol (validateOutgoing), logged for inspection, retained for
// `auth.lastSeq` replay, and delivered to the identity's room (which socket.io's connection-state
// recovery also stores for sockets that drop briefly).
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import { serverEventSchemas, type ServerEventName } from '../../common/protocol/index.js';
import { ContractViolation } from './sim-error.js';
import { iso, type Clock } from './time.js';

export type EventBody<N extends ServerEventName> = Omit<z.input<(typeof serverEventSchemas)[N]>, 'seq' | 'at'>;
export type Envelope = { seq: number; at: string } & Record<string, unknown>;

export interface EmittedEntry {
  to: string;
  event: ServerEventName;
  seq: number;
  at: string;
  payload: Envelope;
  /** `identity`: every connection of `to`, retained for replay; `connection`: one socket only (hello, first snapshot). */
  scope: 'identity' | 'connection';
}

interface Stream {
  seq: number;
  retained: { event: ServerEventName; payload: Envelope }[];
}

export interface EventHubOptions {
  clock: Clock;
  replayBufferSize: number;
  validate: boolean;
  seqStart: number;
  logSize: number;
}

export function identityRoom(email: string): string {
  return `identity:${email}`;
}

export class EventHub {
  private readonly streams = new Map<string, Stream>();
  private log: EmittedEntry[] = [];
  private nsp: Namespace | null = null;
  readonly violations: string[] = [];

  constructor(private readonly opts: EventHubOptions) {}

  attach(nsp: Namespace | null): void {
    this.nsp = nsp;
  }

  /** To every connection of `email`, now and (via replay) later. */
  toIdentity<N extends ServerEventName>(email: string, event: N, body: EventBody<N>): Envelope {
    const stream = this.stream(email);
    const payload = this.seal(stream, event, body);
    stream.retained.push({ event, payload });
    if (stream.retained.length > this.opts.replayBufferSize) stream.retained.shift();
    this.record({ to: email, event, seq: payload.seq, at: payload.at, payload, scope: 'identity' });
    this.nsp?.to(identityRoom(email)).emit(event, payload);
    return payload;
  }

  /** To one socket only; still takes the identity's next seq so seq never repeats. */
  toConnection<N extends ServerEventName>(socket: Socket, email: string, event: N, body: EventBody<N>): Envelope {
    const payload = this.seal(this.stream(email), event, body);
    this.record({ to: email, event, seq: payload.seq, at: payload.at, payload, scope: 'connection' });
    socket.emit(event, payload);
    return payload;
  }

  /** Re-send the retained events of `email` with seq > afterSeq, oldest first. */
  replay(socket: Socket, email: string, afterSeq: number): number {
    let n = 0;
    for (const { event, payload } of this.stream(email).retained) {
      if (payload.seq <= afterSeq) continue;
      socket.emit(event, payload);
      n += 1;
    }
    return n;
  }

  lastSeq(email: string): number {
    return this.stream(email).seq;
  }

  emitted(email?: string): EmittedEntry[] {
    const key = email?.toLowerCase();
    return this.log.filter((e) => key === undefined || e.to === key);
  }

  private stream(email: string): Stream {
    let s = this.streams.get(email);
    if (!s) {
      s = { seq: this.opts.seqStart, retained: [] };
      this.streams.set(email, s);
    }
    return s;
  }

  private seal(stream: Stream, event: ServerEventName, body: object): Envelope {
    // A deep copy: retained payloads must not change when the simulator's state moves on.
    const payload: Envelope = { ...structuredClone(body), seq: stream.seq + 1, at: iso(this.opts.clock.now()) };
    if (this.opts.validate) {
      const r = serverEventSchemas[event].safeParse(payload);
      if (!r.success) {
        const msg = `simulator broke the contract on "${event}": ${r.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`;
        this.violations.push(msg);
        throw new ContractViolation(msg);
      }
    }
    stream.seq += 1;
    return payload;
  }

  private record(entry: EmittedEntry): void {
    if (this.opts.logSize === 0) return;
    this.log.push(entry);
    if (this.log.length > this.opts.logSize * 1.25) this.log = this.log.slice(-this.opts.logSize);
  }
}
