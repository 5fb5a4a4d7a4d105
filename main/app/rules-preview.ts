// ADMIN-1 rules preview: runs the pure orchestration `decide` over a sample session with the
// settings being edited and summarises what would be written to the CRM. No CRM call, no journal.
import type { CountryCode } from 'libphonenumber-js';
import type { IpcRequest, IpcResponse } from '../../common/ipc/index.js';
import type { Agent, CrmKind, ServerEvent } from '../../common/protocol/index.js';
import { decide, initialState } from '../engine/orchestration/decide.js';
import type { Intent } from '../engine/orchestration/types.js';

type Request = IpcRequest<'admin:previewRules'>;
type Result = IpcResponse<'admin:previewRules'>;
type Step = Request['sample']['steps'][number];

export interface PreviewContext {
  crmKind: CrmKind;
  defaultCountry: string;
  /** The agent the sample is assigned to (the admin's own identity). */
  me: Agent;
}

const SAMPLE_RECORDING_URL = 'https://recordings.example.invalid/sample.wav';

function eventFor(step: Step, req: Request, seq: number, at: string, consumerMessages: number, durationSec: number): ServerEvent {
  const s = req.sample.session;
  const envelope = { seq, at };
  switch (step.event) {
    case 'assigned':
      return { name: 'session.assigned', payload: { ...envelope, session: s } };
    case 'connected':
      return { name: 'session.connected', payload: { ...envelope, sessionId: s.id } };
    case 'message':
      return { name: 'session.message', payload: { ...envelope, sessionId: s.id, message: { id: `preview-${seq}`, from: step.from, text: step.text, attachments: [] } } };
    case 'abandoned':
      return { name: 'session.abandoned', payload: { ...envelope, sessionId: s.id, session: s, short: step.short, stage: step.stage, consumerMessages } };
    case 'ended':
      return { name: 'session.ended', payload: { ...envelope, sessionId: s.id, durationSec: step.durationSec, waitSec: 0, holdSec: 0 } };
    case 'recording':
      return { name: 'session.recording', payload: { ...envelope, sessionId: s.id, url: SAMPLE_RECORDING_URL, mimeType: 'audio/wav', durationSec } };
    case 'csat':
      return { name: 'session.csat', payload: { ...envelope, sessionId: s.id, rating: step.rating, comment: null } };
  }
}

function targetText(t: Extract<Intent, { kind: 'openRecord' }>['target']): string {
  switch (t.kind) {
    case 'new':
      return 'always a new record';
    case 'sameLeafQueue':
      return `append to the latest open record from the same leaf queue${t.reopenWithinDays ? `, or one closed within ${t.reopenWithinDays} days (reopened)` : ''}, else a new record`;
    case 'latestOpen':
      return "append to the customer's latest record if open, else a new record";
    case 'sessionRecord':
      return `the record of session ${t.ofKey}, else ${targetText(t.fallback)}`;
    case 'existing':
      return `the existing record ${t.recordId}`;
  }
}

export function summarise(intent: Intent): { summary: string; detail: Record<string, unknown> } {
  switch (intent.kind) {
    case 'openRecord':
      return {
        summary: `Record "${intent.record.subject}": ${targetText(intent.target)}`,
        detail: { subject: intent.record.subject, tags: intent.record.tags, fields: intent.record.fields, target: intent.target, customer: intent.customer.query, assignee: intent.record.assigneeUserId, note: intent.note?.created ?? null },
      };
    case 'updateRecord':
      return { summary: `Update the record (${intent.reason})`, detail: { ...intent.patch } };
    case 'addNote':
      return { summary: `Add a note: ${intent.body.split('\n')[0]?.slice(0, 120) ?? ''}`, detail: { body: intent.body } };
    case 'attachFile':
      return { summary: `Attach ${intent.name} (${intent.caption})`, detail: { name: intent.name, contentType: intent.contentType, source: intent.source.kind } };
    case 'bindRecord':
      return { summary: `Bind the record ${intent.link.recordId}`, detail: { ...intent.link } };
    case 'linkRecord':
      return { summary: 'Tell the contact center which record belongs to the session', detail: { sessionId: intent.sessionId } };
  }
}

export function previewRules(req: Request, ctx: PreviewContext): Result {
  const startedAt = Date.parse(req.sample.session.startedAt);
  const base = Number.isNaN(startedAt) ? Date.now() : startedAt;
  const at = (i: number) => new Date(base + i * 1000).toISOString();
  const decideCtx = { crmKind: ctx.crmKind, defaultCountry: ctx.defaultCountry as CountryCode, now: new Date(base) };
  let state = decide(initialState(), { name: 'hello', payload: { seq: 1, at: at(0), agent: ctx.me, statuses: [], settings: req.settings, queues: [] } }, decideCtx).state;
  const operations: Result['operations'] = [];
  const trace: Result['trace'] = [];
  let consumerMessages = 0;
  let durationSec = 0;
  req.sample.steps.forEach((step, i) => {
    if (step.event === 'message' && step.from === 'consumer') consumerMessages += 1;
    if (step.event === 'ended') durationSec = step.durationSec;
    const d = decide(state, eventFor(step, req, i + 2, at(i + 1), consumerMessages, durationSec), { ...decideCtx, now: new Date(base + (i + 1) * 1000) });
    state = d.state;
    for (const intent of d.intents) operations.push({ step: i, kind: intent.kind, ...summarise(intent) });
    for (const rule of d.trace) trace.push({ step: i, rule });
  });
  return { operations, trace };
}
