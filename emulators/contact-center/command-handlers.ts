// Client commands: every payload is parsed with common/protocol `commandSchemas`, every reply
// goes through the acknowledgement, and nothing a client sends can crash the server.
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { commandSchemas, type Ack, type CommandName, type CommandPayload, type Role } from '../../common/protocol/index.js';
import type { SimContext } from './context.js';
import { fail, SimError } from './sim-error.js';

type AckFn = (reply: Ack) => void;
const ACKED = Symbol('acked');
type Handler<N extends CommandName> = (email: string, p: CommandPayload<N>, ack: AckFn) => Record<string, unknown> | typeof ACKED;

function table(ctx: SimContext): { [N in CommandName]: Handler<N> } {
  return {
    'agent.setStatus': (email, p) => {
      ctx.status.setByAgent(email, p.statusId, p.source);
      return { statusId: p.statusId };
    },
    'session.accept': (email, p) => (ctx.router.accept(email, p.sessionId), {}),
    'session.reject': (email, p) => (ctx.router.decline(email, p.sessionId, 'rejected'), {}),
    'session.sendMessage': (email, p) => ({ messageId: ctx.chat.agentMessage(email, p.sessionId, p.text) }),
    'session.end': (email, p) => (ctx.lifecycle.end(p.sessionId, email), {}),
    'session.transfer': (email, p) => {
      ctx.transfers.transfer(email, p.sessionId, 'toAgentId' in p ? { toAgentId: p.toAgentId } : { toQueueId: p.toQueueId });
      return {};
    },
    'call.dial': (email, p, ack) => {
      // The ack (with the new session id) must reach the client before `session.assigned`.
      ctx.intake.dial(email, p.number, p.queueId, (sessionId) => ack({ ok: true, sessionId }));
      return ACKED;
    },
    'record.linked': (_email, p) => (ctx.late.link(p), {}),
    'session.typing': (email, p) => (ctx.chat.typing(email, p.sessionId), {}),
    'settings.update': (email, p) => {
      // Extension (docs/protocol-extensions.md): only admins and supervisors change the settings.
      const a = ctx.agents.require(email);
      if (!a.agent.roles.some((r) => SETTINGS_ROLES.has(r))) fail('forbidden', `${email} may not change the settings: it needs the admin or supervisor role`);
      ctx.settings = p.settings;
      for (const other of ctx.agents.all()) {
        if (other.everConnected) ctx.hub.toIdentity(other.agent.email, 'settings', { settings: p.settings });
      }
      return {};
    },
  };
}

const SETTINGS_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'supervisor']);

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(commandSchemas, name);
}

function once(ack: AckFn): AckFn {
  let done = false;
  return (reply) => {
    if (done) return;
    done = true;
    ack(reply);
  };
}

export function registerCommands(ctx: SimContext, socket: Socket, email: string): void {
  const handlers = table(ctx);
  socket.onAny((event: string, ...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last !== 'function') {
      ctx.cfg.log(`ignored "${event}" from ${email}: no acknowledgement callback`);
      return;
    }
    const ack = once(last as AckFn);
    const error = (code: string, message: string) => ack({ ok: false, error: { code, message } });
    if (!isCommand(event)) return error('bad_request', `unknown command "${event}"`);
    if (args.length > 2) return error('bad_request', `${event}: takes one payload object, got ${args.length - 1} arguments`);
    const parsed = commandSchemas[event].safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) {
      return error('bad_request', `${event}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
    }
    try {
      const run = handlers[event] as (email: string, p: unknown, ack: AckFn) => Record<string, unknown> | typeof ACKED;
      const out = run(email, parsed.data, ack);
      if (out !== ACKED) ack({ ok: true, ...out });
    } catch (err) {
      if (err instanceof SimError) return error(err.code, err.message);
      ctx.cfg.log(`command "${event}" from ${email} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      error('unavailable', `internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
