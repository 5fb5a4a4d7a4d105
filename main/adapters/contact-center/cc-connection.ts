// The socket.io connection to the contact center (PROTOCOL.md). It forwards every server event,
// untouched, to the engines (which parse them), sends commands with acknowledgements, and on
// every (re)connect hands the server the last processed seq so nothing is missed.
import { io, type Socket } from 'socket.io-client';
import { createHash } from 'node:crypto';
import { commandSchemas, ackSchema, type Ack, type CommandName, type CommandPayload } from '../../../common/protocol/index.js';
import type { ContactCenterLink, Log } from '../../engine/ports.js';

export interface CcConnectionOptions {
  url: string;
  token: string;
  /** The last seq this client processed for its identity (sent as auth.lastSeq). */
  lastSeq: () => number;
  log: Log;
  ackTimeoutMs?: number;
}

export type CcEventHandler = (name: string, payload: unknown) => void;
export type CcState = 'connecting' | 'connected' | 'disconnected';
/**
 * A failed connection attempt. `refused`: the server turned the handshake down (a bad or revoked
 * token); socket.io does not retry those. Otherwise (network, server down) it keeps retrying.
 */
export type CcConnectError = { message: string; refused: boolean };

/** The identity seq numbers belong to: the e-mail of a dev token, else a hash of the token. */
export function tokenIdentity(token: string): string {
  const dev = /^dev:([^:]+)/.exec(token);
  return dev?.[1]?.toLowerCase() ?? `t:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

export class CcConnection implements ContactCenterLink {
  readonly identity: string;
  private readonly socket: Socket;
  private readonly handlers = new Set<CcEventHandler>();
  private readonly stateListeners = new Set<(s: CcState, detail?: string) => void>();
  private readonly errorListeners = new Set<(e: CcConnectError) => void>();

  constructor(private readonly opts: CcConnectionOptions) {
    this.identity = tokenIdentity(opts.token);
    const base = opts.url.replace(/\/+$/, '');
    this.socket = io(`${base}/agent`, {
      auth: (cb) => cb({ token: opts.token, lastSeq: opts.lastSeq() }),
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: 250,
      reconnectionDelayMax: 5_000,
    });
    this.socket.onAny((name: string, payload: unknown) => {
      for (const h of this.handlers) h(name, payload);
    });
    this.socket.on('connect', () => {
      opts.log.info('cc.connected', { recovered: this.socket.recovered });
      this.setState('connected');
    });
    this.socket.on('disconnect', (reason) => {
      opts.log.warn('cc.disconnected', { reason });
      this.setState('disconnected', reason);
    });
    this.socket.on('connect_error', (err) => {
      // A refusal by the server's middleware leaves the socket inactive (no automatic retry).
      const refused = !this.socket.active;
      opts.log.warn('cc.connect_error', { error: err.message, refused });
      this.setState('disconnected', err.message);
      for (const l of this.errorListeners) l({ message: err.message, refused });
    });
  }

  onEvent(h: CcEventHandler): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }

  onState(l: (s: CcState, detail?: string) => void): () => void {
    this.stateListeners.add(l);
    return () => this.stateListeners.delete(l);
  }

  onConnectError(l: (e: CcConnectError) => void): () => void {
    this.errorListeners.add(l);
    return () => this.errorListeners.delete(l);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    this.setState('connecting');
    this.socket.connect();
  }

  close(): void {
    this.socket.disconnect();
  }

  /** Send a command; the payload is checked before it leaves, the ack after it comes back. */
  async command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack> {
    const checked = commandSchemas[name].safeParse(payload);
    if (!checked.success) return { ok: false, error: { code: 'bad_request', message: `invalid ${name}: ${checked.error.issues[0]?.message ?? 'bad payload'}` } };
    if (!this.socket.connected) return { ok: false, error: { code: 'unavailable', message: 'not connected to the contact center' } };
    try {
      const reply: unknown = await this.socket.timeout(this.opts.ackTimeoutMs ?? 5_000).emitWithAck(name, checked.data);
      const ack = ackSchema.safeParse(reply);
      if (!ack.success) return { ok: false, error: { code: 'bad_reply', message: `malformed acknowledgement for ${name}` } };
      return ack.data as Ack;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: `no acknowledgement for ${name}` } };
    }
  }

  recordLinked(p: CommandPayload<'record.linked'>): Promise<Ack> {
    return this.command('record.linked', p);
  }

  private setState(s: CcState, detail?: string): void {
    for (const l of this.stateListeners) l(s, detail);
  }
}
