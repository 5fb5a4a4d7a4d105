// HTTP control surface for demos and scripts: POST /control/<action> with a JSON body, GET
// /control/state. Bodies are parsed with the control schemas; mistakes get a 4xx with
// `{ok:false, error:{code,message}}`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  agentStatusInput,
  csatInput,
  dialInput,
  holdInput,
  inboundInput,
  messageInput,
  parseInput,
  recordingInput,
  sessionRefInput,
  settingsPatchInput,
  smartActionInput,
  transferInput,
  voicemailInput,
  voicemailUpdateInput,
} from './control-schemas.js';
import type { ContactCenterSim } from './handle.js';
import { HTTP_STATUS, SimError } from './sim-error.js';

const MAX_BODY = 1_000_000;

type Route = (body: unknown) => Record<string, unknown>;

function route<S extends z.ZodType>(schema: S, name: string, run: (input: z.output<S>) => Record<string, unknown>): Route {
  return (body) => run(parseInput(schema, body, name));
}

function routes(sim: ContactCenterSim): Record<string, Route> {
  return {
    inbound: route(inboundInput, 'inbound', (i) => ({ sessionId: sim.inbound(i) })),
    message: route(messageInput, 'message', (i) => ({ messageId: sim.consumerMessage(i.sessionId, i.text, i.from) })),
    abandon: route(sessionRefInput, 'abandon', (i) => (sim.abandon(i.sessionId), {})),
    end: route(sessionRefInput, 'end', (i) => (sim.end(i.sessionId), {})),
    accept: route(sessionRefInput, 'accept', (i) => (sim.accept(i.sessionId), {})),
    hold: route(holdInput, 'hold', (i) => (sim.hold(i.sessionId, i.on), {})),
    transfer: route(transferInput, 'transfer', (i) => (sim.transfer(i.sessionId, i), {})),
    dial: route(dialInput, 'dial', (i) => ({ sessionId: sim.dial(i.email, i.number, i.queueId) })),
    'sip-target': route(sessionRefInput, 'sip-target', (i) => ({ ...sim.sipTarget(i.sessionId) })),
    recording: route(recordingInput, 'recording', (i) => ({ url: sim.recording(i.sessionId, i.durationSec) })),
    csat: route(csatInput, 'csat', (i) => (sim.csat(i.sessionId, i.rating, i.comment), {})),
    'smart-action': route(smartActionInput, 'smart-action', ({ sessionId, ...rest }) => ({
      actionId: sim.smartAction(sessionId, rest),
    })),
    voicemail: route(voicemailInput, 'voicemail', (i) => ({ voicemailId: sim.voicemail(i) })),
    'voicemail-update': route(voicemailUpdateInput, 'voicemail-update', (i) => {
      sim.voicemailUpdate(i.voicemailId, i.action, i.byEmail);
      return {};
    }),
    settings: route(settingsPatchInput, 'settings', (patch) => ({ settings: sim.setSettings(patch) })),
    'agent-status': route(agentStatusInput, 'agent-status', (i) => (sim.setAgentStatus(i.email, i.statusId, i.source), {})),
    'disconnect-all': () => ({ disconnected: sim.disconnectAll() }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new SimError('bad_request', `body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimError('bad_request', 'body is not valid JSON');
  }
}

export function controlHandler(sim: ContactCenterSim) {
  const table = routes(sim);
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (!path.startsWith('/control/')) return false;
    const action = path.slice('/control/'.length);
    try {
      if (action === 'state') {
        if (req.method !== 'GET') throw new SimError('bad_request', 'use GET /control/state');
        send(res, 200, { ok: true, ...sim.state() });
        return true;
      }
      const run = Object.hasOwn(table, action) ? table[action] : undefined;
      if (!run) {
        send(res, 404, { ok: false, error: { code: 'not_found', message: `unknown control action "${action}"` } });
        return true;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        send(res, 405, { ok: false, error: { code: 'bad_request', message: `use POST /control/${action}` } });
        return true;
      }
      send(res, 200, { ok: true, ...run(await readJson(req)) });
    } catch (err) {
      if (!(err instanceof SimError)) throw err;
      send(res, HTTP_STATUS[err.code], { ok: false, error: { code: err.code, message: err.message } });
    }
    return true;
  };
}
