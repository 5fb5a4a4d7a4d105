// Turns CLI words into one HTTP control request. Pure, so the grammar is unit-tested; cli.ts
// only sends the request and prints the reply.
import { parseArgs } from 'node:util';

export interface ControlRequest {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
}

export const DEFAULT_URL = 'http://127.0.0.1:4000';

export const USAGE = `usage: cli.ts [--url ${DEFAULT_URL}] <command> [args]
  inbound <ivr|app|web|scheduled-app|scheduled-web> [phone] --queue <id> [--identifier id] [--email e]
          [--name n] [--language ko] [--dialed +8215881234] [--data key=value]... [--record]
          [--callback after_call|short_call_button:<sessionId>]
  chat <web|app> --queue <id> [--email e] [--identifier id] [--name n] [--in-web-email e] [--message text]...
  message <sessionId> <text> [--bot]          abandon|end|accept|recording|sip-target <sessionId>
  hold <sessionId> <on|off>                   transfer <sessionId> (--to-agent <email> | --to-queue <id>)
  dial <agentEmail> <number> [--queue id]     csat <sessionId> <1-5> [comment]
  smart-action <sessionId> <type> [--failed] [--error msg] [--result json] [--file name]...
  voicemail [phone] [--queue id] [--language ko] [--dialed n] [--duration sec]
  voicemail-update <voicemailId> <read|closed|called_back> --by <email>
  settings '<json patch>'                     agent-status <email> <statusId> [--source supervisor|system|agent|crm]
  disconnect-all                              state`;

const VOICE: Record<string, string> = {
  ivr: 'voice_inbound_ivr',
  app: 'voice_inbound_app',
  web: 'voice_inbound_web',
  'scheduled-app': 'voice_scheduled_app',
  'scheduled-web': 'voice_scheduled_web',
};
const CHAT: Record<string, string> = { web: 'chat_inbound_web', app: 'chat_inbound_app' };

const str = { type: 'string' } as const;
const many = { type: 'string', multiple: true } as const;
const flag = { type: 'boolean' } as const;
const OPTIONS = {
  url: str, queue: str, identifier: str, email: str, name: str, language: str, dialed: str, data: many,
  record: flag, callback: str, 'in-web-email': str, message: many, bot: flag, 'to-agent': str, 'to-queue': str,
  failed: flag, error: str, result: str, file: many, duration: str, by: str, source: str, help: flag,
} as const;

function need(v: string | undefined, what: string): string {
  if (!v) throw new Error(`missing ${what}\n${USAGE}`);
  return v;
}

function json(text: string, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new Error(`${what} must be a JSON object`);
}

/** Set only the options that were given, so the server's defaults apply to the rest. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function parseCli(argv: string[]): ControlRequest {
  const { values: o, positionals: p } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (o.help || p.length === 0) throw new Error(USAGE);
  const url = (o.url ?? DEFAULT_URL).replace(/\/+$/, '');
  const [cmd, a, b, ...rest] = p;
  const post = (path: string, body: Record<string, unknown>): ControlRequest => ({ url, method: 'POST', path, body: defined(body) });
  const customer = { identifier: o.identifier, email: o.email, name: o.name };
  switch (cmd) {
    case 'state':
      return { url, method: 'GET', path: 'state' };
    case 'inbound': {
      const type = VOICE[need(a, 'call kind (ivr, app, web, scheduled-app, scheduled-web)')];
      if (!type) throw new Error(`unknown call kind "${a}"`);
      let callback: Record<string, unknown> | undefined;
      if (o.callback) {
        const [kind, ofSessionId] = o.callback.split(':');
        callback = { kind, ofSessionId };
      }
      const data = o.data?.map((kv) => {
        const i = kv.indexOf('=');
        if (i <= 0) throw new Error(`--data wants key=value, got "${kv}"`);
        return [kv.slice(0, i), kv.slice(i + 1)];
      });
      return post('inbound', {
        type, phone: b, queueId: need(o.queue, '--queue'), ...customer, language: o.language, dialedNumber: o.dialed,
        customData: data ? Object.fromEntries(data) : undefined, recordingEnabled: o.record || undefined, callback,
      });
    }
    case 'chat': {
      const type = CHAT[need(a, 'chat kind (web, app)')];
      if (!type) throw new Error(`unknown chat kind "${a}"`);
      return post('inbound', { type, queueId: need(o.queue, '--queue'), ...customer, inWebEmail: o['in-web-email'], initialMessages: o.message });
    }
    case 'message':
      return post('message', { sessionId: need(a, 'sessionId'), text: [b, ...rest].filter(Boolean).join(' ') || need(undefined, 'text'), from: o.bot ? 'bot' : undefined });
    case 'abandon':
    case 'end':
    case 'accept':
    case 'recording':
    case 'sip-target':
      return post(cmd, { sessionId: need(a, 'sessionId') });
    case 'hold':
      if (b !== 'on' && b !== 'off') throw new Error('hold wants on or off');
      return post('hold', { sessionId: need(a, 'sessionId'), on: b === 'on' });
    case 'transfer':
      return post('transfer', { sessionId: need(a, 'sessionId'), toAgentEmail: o['to-agent'], toQueueId: o['to-queue'] });
    case 'dial':
      return post('dial', { email: need(a, 'agent e-mail'), number: need(b, 'number'), queueId: o.queue });
    case 'csat':
      return post('csat', { sessionId: need(a, 'sessionId'), rating: Number(need(b, 'rating')), comment: rest.join(' ') || undefined });
    case 'smart-action':
      return post('smart-action', {
        sessionId: need(a, 'sessionId'), type: need(b, 'action type'), status: o.failed ? 'failed' : 'completed', error: o.error,
        result: o.result ? json(o.result, '--result') : undefined, files: o.file?.map((name) => ({ name })),
      });
    case 'voicemail':
      return post('voicemail', { phone: a, queueId: o.queue, ...customer, language: o.language, dialedNumber: o.dialed, durationSec: o.duration ? Number(o.duration) : undefined });
    case 'voicemail-update':
      return post('voicemail-update', { voicemailId: need(a, 'voicemailId'), action: need(b, 'action'), byEmail: need(o.by, '--by') });
    case 'settings':
      return post('settings', json(need(a, 'JSON patch'), 'settings patch'));
    case 'agent-status':
      return post('agent-status', { email: need(a, 'agent e-mail'), statusId: need(b, 'statusId'), source: o.source });
    case 'disconnect-all':
      return post('disconnect-all', {});
    default:
      throw new Error(`unknown command "${cmd}"\n${USAGE}`);
  }
}
