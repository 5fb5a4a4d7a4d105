// Executes an openRecord intent in persisted steps (REL-1): customer, target, create or append,
// details note. A crash between steps resumes after the last finished one; the step that was
// running is re-run with `retry`, so the adapter looks before it writes and nothing is duplicated.
import type { OutboxEntry, Progress } from '../durable-state.js';
import type { Intent } from '../orchestration/types.js';
import { chooseAppendTarget, type TargetPolicy } from '../orchestration/append-target.js';
import type { ExecEnv, ExecResult } from './exec-env.js';

type OpenIntent = Extract<Intent, { kind: 'openRecord' }>;
const RECENT_RECORDS = 20;

async function resolveCustomer(i: OpenIntent, p: Progress, env: ExecEnv): Promise<void> {
  if (p.customerId) return;
  const retry = env.beginStep('customer');
  const ctx = { retry, signal: env.signal };
  const found = await env.crm.findCustomer(i.customer.query, ctx);
  const c = found ?? (await env.crm.createCustomer(i.customer.create, ctx));
  p.customerId = c.id;
  p.customerCreated = !found && c.created === true;
  env.saveProgress(p);
}

/** The record to append to, or null for a new one. */
async function resolveTarget(policy: TargetPolicy, p: Progress, env: ExecEnv): Promise<{ recordId: string; reopen: boolean } | null> {
  switch (policy.kind) {
    case 'new':
      return null;
    case 'existing':
      return { recordId: policy.recordId, reopen: false };
    case 'sessionRecord': {
      const known = env.binding(policy.ofKey) ?? (await env.crm.findRecordByExternalId(policy.ofKey, { retry: false, signal: env.signal }));
      const recordId = known && ('recordId' in known ? known.recordId : known.id);
      return recordId ? { recordId, reopen: true } : resolveTarget(policy.fallback, p, env);
    }
    case 'sameLeafQueue':
    case 'latestOpen': {
      if (p.customerCreated) return null; // a customer made a moment ago has no records
      const records = await env.crm.listRecentRecords(p.customerId as string, RECENT_RECORDS, { retry: false, signal: env.signal });
      const choice = chooseAppendTarget(records, policy, env.now());
      env.log.info('record.target', { rule: choice.reason, append: choice.append });
      return choice.append ? { recordId: choice.recordId, reopen: choice.reopen } : null;
    }
  }
}

export async function executeOpenRecord(entry: OutboxEntry, i: OpenIntent, env: ExecEnv): Promise<ExecResult> {
  const p: Progress = structuredClone(entry.progress);
  await resolveCustomer(i, p, env);
  const customerId = p.customerId as string;
  const assignee = i.record.assigneeUserId;

  if (!p.recordId) {
    const target = await resolveTarget(i.target, p, env);
    if (target) {
      const retry = env.beginStep('append');
      // REC-2: a record closed within the window is set back to open; KUS-10: assigned to the agent.
      await env.crm.updateRecord(
        target.recordId,
        {
          ...(target.reopen ? { status: 'open' as const } : {}),
          ...(i.record.tags.length > 0 ? { addTags: i.record.tags } : {}),
          ...(Object.keys(i.record.fields).length > 0 ? { fields: i.record.fields } : {}),
          ...(assignee ? { assigneeUserId: assignee } : {}),
        },
        { retry, signal: env.signal },
      );
      p.recordId = target.recordId;
      p.appended = true;
    } else {
      const retry = env.beginStep('create');
      const rec = await env.crm.createRecord({ ...i.record, externalId: i.key, customerId }, { retry, signal: env.signal });
      if (rec.existed && assignee) {
        await env.crm.updateRecord(rec.id, { assigneeUserId: assignee }, { retry: true, signal: env.signal });
      }
      p.recordId = rec.id;
      p.appended = false;
    }
    env.saveProgress(p);
  }
  const recordId = p.recordId;

  if (i.note && !p.done.includes('note')) {
    const retry = env.beginStep('note');
    await env.crm.addNote(recordId, { key: `${i.key}:details`, body: p.appended ? i.note.appended : i.note.created }, { retry, signal: env.signal });
    p.done.push('note');
    env.saveProgress(p);
  }
  if (i.assignCustomer && p.customerCreated && assignee && !p.done.includes('assignCustomer')) {
    const retry = env.beginStep('assignCustomer');
    await env.crm.assignCustomer(customerId, assignee, { retry, signal: env.signal });
    p.done.push('assignCustomer');
    env.saveProgress(p);
  }

  const link = { recordId, customerId, url: env.crm.recordUrl(recordId) };
  return {
    bind: { key: i.key, link },
    followUps: i.sessionId ? [{ kind: 'linkRecord', key: `link:${i.sessionId}`, sessionId: i.sessionId, crm: env.crm.kind, link }] : [],
  };
}
