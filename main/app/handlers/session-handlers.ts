// Channels that act on the contact center: status, sessions, chat, transfer, dial (SOFT-1,
// CHAT-1). Each is one command with its acknowledgement; a refusal comes back as an IpcError.
import type { Ack } from '../../../common/protocol/index.js';
import type { IpcError } from '../../../common/ipc/index.js';
import type { HandlerTable } from '../ipc-dispatch.js';
import { fail, ok } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';

type T = HandlerTable<CoreContext>;

function refused(ack: Extract<Ack, { ok: false }>): { ok: false; error: IpcError } {
  return fail(ack.error.code, ack.error.message);
}

const sessionAck = (ack: Ack, sessionId: string) => (ack.ok ? ok({ sessionId }) : refused(ack));

export const sessionHandlers: Pick<
  T,
  'status:set' | 'session:accept' | 'session:reject' | 'session:end' | 'session:sendMessage' | 'session:typing' | 'session:transfer' | 'call:dial' | 'call:prefill'
> = {
  'status:set': async (r, _s, ctx) => {
    const ack = await ctx.command('agent.setStatus', { statusId: r.statusId, source: 'agent' });
    return ack.ok ? ok({}) : refused(ack);
  },
  'session:accept': async (r, _s, ctx) => sessionAck(await ctx.command('session.accept', r), r.sessionId),
  'session:reject': async (r, _s, ctx) => sessionAck(await ctx.command('session.reject', r), r.sessionId),
  'session:end': async (r, _s, ctx) => sessionAck(await ctx.command('session.end', r), r.sessionId),
  'session:sendMessage': async (r, _s, ctx) => {
    const ack = await ctx.command('session.sendMessage', r);
    if (!ack.ok) return refused(ack);
    return typeof ack['messageId'] === 'string' ? ok({ messageId: ack['messageId'] }) : fail('bad_reply', 'the contact center did not return a message id');
  },
  'session:typing': async (r, _s, ctx) => {
    const ack = await ctx.command('session.typing', r);
    return ack.ok ? ok({}) : refused(ack);
  },
  'session:transfer': async (r, _s, ctx) => sessionAck(await ctx.command('session.transfer', r), r.sessionId),
  'call:dial': async (r, _s, ctx) => {
    const ack = await ctx.command('call.dial', { number: r.number, ...(r.queueId ? { queueId: r.queueId } : {}) });
    if (!ack.ok) return refused(ack);
    return typeof ack['sessionId'] === 'string' ? ok({ sessionId: ack['sessionId'] }) : fail('bad_reply', 'the contact center did not return a session id');
  },
  'call:prefill': (r, _s, ctx) => {
    ctx.update((s) => ctx.dialRequest(s, r.number));
    return ok({});
  },
};
