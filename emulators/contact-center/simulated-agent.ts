// A headless agent desktop for tests, the demo and benchmarks: connects with a dev token, goes
// available, accepts offers (optionally ends them), de-duplicates events by seq and sends its
// last seq on every reconnect (auth.lastSeq) so nothing is lost across server restarts.
import { io, type Socket } from 'socket.io-client';
import {
  parseServerEvent,
  type Ack,
  type CommandName,
  type CommandPayload,
  type Role,
  type ServerEventName,
  type ServerPayload,
} from '../../common/protocol/index.js';

export interface ReceivedEvent<N extends ServerEventName = ServerEventName> {
  name: N;
  payload: ServerPayload<N>;
}

export interface SimulatedAgentOptions {
  /** Roles to put in the token (`dev:<email>:<roles>`); absent = the directory's. */
  roles?: Role[];
  autoAccept?: boolean;
  acceptDelayMs?: number;
  /** End each connected session after this long (null: never). */
  autoEndAfterMs?: number | null;
  /** Set `available` after the first hello (default: when the identity holds the agent role). */
  setAvailable?: boolean;
  /** Start as a restarted client that already processed events up to this seq. */
  lastSeq?: number;
  reconnectionDelayMs?: number;
  ackTimeoutMs?: number;
}

type Waiter = { name: string; pred: (p: never) => boolean; resolve: (p: unknown) => void; reject: (e: Error) => void };

export interface SimulatedAgent {
  readonly email: string;
  readonly socket: Socket;
  /** Events in order, each seq once, parsed with common/protocol. */
  readonly events: ReceivedEvent[];
  /** Every seq as it arrived, duplicates included. */
  readonly arrivals: number[];
  readonly duplicates: number;
  readonly lastSeq: number | null;
  /** Payloads that failed to parse, and failed automatic commands. */
  readonly errors: string[];
  ready(): Promise<ServerPayload<'hello'>>;
  waitFor<N extends ServerEventName>(
    name: N,
    pred?: (p: ServerPayload<N>) => boolean,
    opts?: { timeoutMs?: number; after?: number },
  ): Promise<ServerPayload<N>>;
  /** Index to pass as `after` so waitFor only looks at later events. */
  mark(): number;
  of<N extends ServerEventName>(name: N): ServerPayload<N>[];
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack>;
  accept(sessionId: string): Promise<Ack>;
  end(sessionId: string): Promise<Ack>;
  setStatus(statusId: string, source?: 'agent' | 'crm'): Promise<Ack>;
  close(): void;
}

export function simulatedAgent(url: string, email: string, opts: SimulatedAgentOptions = {}): SimulatedAgent {
  const token = `dev:${email}${opts.roles ? `:${opts.roles.join(',')}` : ''}`;
  const events: ReceivedEvent[] = [];
  const arrivals: number[] = [];
  const errors: string[] = [];
  const waiters = new Set<Waiter>();
  const timers = new Set<NodeJS.Timeout>();
  let lastSeq: number | null = opts.lastSeq ?? null;
  let duplicates = 0;
  let greeted = false;
  const ackTimeout = opts.ackTimeoutMs ?? 5000;
  const delay = opts.reconnectionDelayMs ?? 50;

  const socket = io(`${url}/agent`, {
    auth: (cb) => cb(lastSeq === null ? { token } : { token, lastSeq }),
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: delay,
    reconnectionDelayMax: delay * 5,
    randomizationFactor: 0.2,
  });

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const command = <N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack> =>
    new Promise((resolve) => {
      socket.timeout(ackTimeout).emit(name, payload, (err: Error | null, ack: Ack) => {
        resolve(err ? { ok: false, error: { code: 'timeout', message: `${name}: ${err.message}` } } : ack);
      });
    });

  const auto = (what: string, p: Promise<Ack>) =>
    void p.then((ack) => {
      if (!ack.ok) errors.push(`${what}: ${ack.error.code} ${ack.error.message}`);
    });

  const react = (ev: ReceivedEvent) => {
    const p = ev.payload as Record<string, unknown>;
    if (ev.name === 'hello' && !greeted) {
      greeted = true;
      const hello = ev.payload as ServerPayload<'hello'>;
      if (opts.setAvailable ?? hello.agent.roles.includes('agent')) auto('setStatus', command('agent.setStatus', { statusId: 'available', source: 'agent' }));
    }
    const offered =
      ev.name === 'session.assigned'
        ? (p.session as { id: string }).id
        : ev.name === 'session.transferred' && p.session && (p.toAgent as { email: string }).email === email
          ? (p.sessionId as string)
          : null;
    if (offered && (opts.autoAccept ?? true)) later(opts.acceptDelayMs ?? 0, () => auto('accept', command('session.accept', { sessionId: offered })));
    if (ev.name === 'session.connected' && opts.autoEndAfterMs != null) {
      const id = p.sessionId as string;
      later(opts.autoEndAfterMs, () => auto('end', command('session.end', { sessionId: id })));
    }
  };

  socket.onAny((name: string, payload: unknown) => {
    const seq = (payload as { seq?: unknown } | null)?.seq;
    if (typeof seq === 'number') {
      arrivals.push(seq);
      if (lastSeq !== null && seq <= lastSeq) {
        duplicates += 1;
        return;
      }
      lastSeq = seq;
    }
    const parsed = parseServerEvent(name, payload);
    if (!parsed.ok) {
      errors.push(parsed.error);
      return;
    }
    const ev = parsed.value as ReceivedEvent;
    events.push(ev);
    for (const w of waiters) {
      if (w.name === ev.name && w.pred(ev.payload as never)) {
        waiters.delete(w);
        w.resolve(ev.payload);
      }
    }
    react(ev);
  });
  socket.on('connect_error', (err) => errors.push(`connect_error: ${err.message}`));

  const waitFor: SimulatedAgent['waitFor'] = (name, pred = () => true, o = {}) => {
    const hit = events.slice(o.after ?? 0).find((e) => e.name === name && pred(e.payload as never));
    if (hit) return Promise.resolve(hit.payload as never);
    return new Promise((resolve, reject) => {
      const w: Waiter = { name, pred: pred as (p: never) => boolean, resolve: resolve as (p: unknown) => void, reject };
      waiters.add(w);
      later(o.timeoutMs ?? 5000, () => {
        if (!waiters.delete(w)) return;
        const seen = events.slice(-8).map((e) => e.name).join(', ');
        reject(new Error(`${email}: no "${name}" matching within ${o.timeoutMs ?? 5000} ms (last events: ${seen}; errors: ${errors.join(' | ')})`));
      });
    });
  };

  return {
    email,
    socket,
    events,
    arrivals,
    get duplicates() {
      return duplicates;
    },
    get lastSeq() {
      return lastSeq;
    },
    errors,
    ready: () => waitFor('hello'),
    waitFor,
    mark: () => events.length,
    of: <N extends ServerEventName>(name: N) => events.filter((e) => e.name === name).map((e) => e.payload as ServerPayload<N>),
    command,
    accept: (sessionId) => command('session.accept', { sessionId }),
    end: (sessionId) => command('session.end', { sessionId }),
    setStatus: (statusId, source = 'agent') => command('agent.setStatus', { statusId, source }),
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const w of waiters) w.reject(new Error(`${email}: closed while waiting for "${w.name}"`));
      waiters.clear();
      socket.disconnect();
    },
  };
}
