// One agent-desktop connection on /agent: authenticate the dev token, then on connect replay
// what a restarted client missed (auth.lastSeq), greet it (`hello`), and keep the directory's
// connection counts and the supervisor view current.
import type { ExtendedError, Socket } from 'socket.io';
import type { Role } from '../../common/protocol/index.js';
import { parseDevToken } from './auth-token.js';
import { registerCommands } from './command-handlers.js';
import type { SimContext } from './context.js';
import { identityRoom } from './event-hub.js';
import type { AgentState } from './agent-registry.js';

interface ConnData {
  email: string;
  roles: Role[] | null;
}

function refuse(next: (err?: ExtendedError) => void, message: string): void {
  const err: ExtendedError = new Error(message);
  err.data = { code: 'unauthorized', message };
  next(err);
}

/** `auth.lastSeq`: a non-negative integer, or absent. */
export function readLastSeq(auth: unknown): number | null | 'invalid' {
  const v = (auth as { lastSeq?: unknown } | undefined)?.lastSeq;
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 'invalid';
}

export function authenticate(socket: Socket, next: (err?: ExtendedError) => void): void {
  const token = parseDevToken((socket.handshake.auth as { token?: unknown } | undefined)?.token);
  if (!token.ok) return refuse(next, `unauthorized: ${token.error}`);
  if (readLastSeq(socket.handshake.auth) === 'invalid') return refuse(next, 'auth.lastSeq must be a non-negative integer');
  const data: ConnData = { email: token.value.email, roles: token.value.roles };
  socket.data = data;
  next();
}

function sendHello(ctx: SimContext, socket: Socket, a: AgentState): void {
  ctx.hub.toConnection(socket, a.agent.email, 'hello', {
    agent: a.agent,
    statuses: ctx.cfg.statuses,
    settings: ctx.settings,
    queues: ctx.queues.list(),
    statusId: a.statusId,
    connections: a.sockets.size,
    // Extension (SOFT-1): the agent's own SIP account; the desktop registers its softphone with it.
    sip: { uri: a.sipUri, user: sipUser(a.sipUri) },
  });
}

/** The authorization user of a SIP URI: its user part (`sip:ag-1001@agentdesk.test` -> `ag-1001`). */
export function sipUser(uri: string): string {
  return /^sips?:([^@]+)@/i.exec(uri)?.[1] ?? uri;
}

export function onConnection(ctx: SimContext, socket: Socket): void {
  const { email, roles } = socket.data as ConnData;
  const a = ctx.agents.admit(email, roles);
  ctx.agents.attach(a, socket);
  void socket.join(identityRoom(email));
  registerCommands(ctx, socket, email);
  socket.on('disconnect', () => {
    ctx.agents.detach(a, socket);
    ctx.supervisors.changed();
  });
  try {
    // A socket.io-recovered connection already got its missed packets and keeps its state.
    if (!socket.recovered) {
      const lastSeq = readLastSeq(socket.handshake.auth);
      if (typeof lastSeq === 'number') {
        const n = ctx.hub.replay(socket, email, lastSeq);
        if (n > 0) ctx.cfg.log(`replayed ${n} event(s) after seq ${lastSeq} to ${email}`);
      }
      sendHello(ctx, socket, a);
      if (a.agent.roles.includes('supervisor')) ctx.supervisors.snapshotTo(socket, email);
    }
    ctx.supervisors.changed();
    if (a.agent.roles.includes('agent')) ctx.router.routeAll();
  } catch (err) {
    ctx.cfg.log(`connection of ${email} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
