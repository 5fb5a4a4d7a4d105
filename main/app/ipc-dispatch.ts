// Every IPC request goes through here, whichever host received it: the channel must exist, the
// request must parse with the contract's schema (else `bad_request`, never a throw), the handler's
// failures become values, and the reply is checked against the contract before it leaves.
import { z } from 'zod';
import { ipcContract, isIpcChannel, type IpcChannel, type IpcError, type IpcRequest, type IpcResponse, type IpcResult, type LocalizedText } from '../../common/ipc/index.js';
import type { IpcSender, Log } from './ports.js';

export type HandlerResult<C extends IpcChannel> = IpcResult<IpcResponse<C>> | Promise<IpcResult<IpcResponse<C>>>;
export type Handler<C extends IpcChannel, Ctx> = (request: IpcRequest<C>, sender: IpcSender, ctx: Ctx) => HandlerResult<C>;
/** One handler per channel: a missing channel is a type error. */
export type HandlerTable<Ctx> = { [C in IpcChannel]: Handler<C, Ctx> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: string, message: string, text?: LocalizedText): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message, ...(text ? { text } : {}) } };
}

export function badRequest(channel: string, error: z.ZodError): { ok: false; error: IpcError } {
  return fail('bad_request', `${channel}: ${z.prettifyError(error).replace(/\n/g, '; ')}`);
}

/** Refuses a well-formed request before its handler runs (e.g. a session channel while signed out). */
export type Guard = (channel: IpcChannel) => { ok: false; error: IpcError } | null;

export async function dispatch<Ctx>(table: HandlerTable<Ctx>, channel: string, raw: unknown, sender: IpcSender, ctx: Ctx, log: Log, guard?: Guard): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) return fail('unknown_channel', `unknown channel "${String(channel).slice(0, 100)}"`);
  const spec = ipcContract[channel];
  const parsed = spec.request.safeParse(raw);
  if (!parsed.success) {
    log.warn('ipc.bad_request', { channel, host: sender.host });
    return badRequest(channel, parsed.error);
  }
  const refused = guard?.(channel);
  if (refused) return refused;
  let result: IpcResult<unknown>;
  try {
    const handler = table[channel] as Handler<IpcChannel, Ctx>;
    result = await handler(parsed.data as IpcRequest<IpcChannel>, sender, ctx);
  } catch (e) {
    log.error('ipc.handler_failed', { channel, error: e instanceof Error ? e.message : String(e) });
    return fail('internal', `${channel} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!result.ok) return result;
  const reply = spec.response.safeParse(result.value);
  if (!reply.success) {
    log.error('ipc.bad_reply', { channel, error: z.prettifyError(reply.error) });
    return fail('internal', `${channel}: the reply broke the contract`);
  }
  return { ok: true, value: reply.data };
}
