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
  const retry = await env.beginStep('customer');
  const ctx = { retry, signal: env.signal };
  const found = await env.crm.findCustomer(i.customer.query, ctx);
  const c = found ?? (await env.crm.createCustomer(i.customer.create, ctx));
  p.customerId = c.id;
  p.customerCreated = !found && c.created === true;
  env.saveProgress(p);
}

/**
 * The batched path (CRMs with findCustomerWithRecords/createCustomerAndRecord, e.g. Salesforce
 * composite requests): customer and recent records in one round trip, and a new customer with
 * its record in a second. Returns false when the CRM has no such path.
 */
async function batchedOpen(i: OpenIntent, p: Progress, env: ExecEnv): Promise<boolean> {
  const crm = env.crm;
  if (!crm.findCustomerWithRecords || !crm.createCustomerAndRecord || p.customerId || p.recordId) return false;
  if (i.target.kind !== 'new' && i.target.kind !== 'sameLeafQueue' && i.target.kind !== 'latestOpen') return false;
  const lookupRetry = await env.beginStep('customer');
  const limit = i.target.kind === 'new' ? 0 : RECENT_RECORDS;
  const found = await crm.findCustomerWithRecords(i.customer.query, limit, { retry: lookupRetry, signal: env.signal });
  if (found.customer) {
    p.customerId = found.customer.id;
    p.customerCreated = false;
    // An earlier attempt of this very intent already made the record (its reply was lost).
    const own = found.records.find((r) => r.externalId === i.key);
    if (own) {
      p.recordId = own.id;
      p.appended = false;
      env.saveProgress(p);
      return true;
    }
    env.saveProgress(p);
    const choice = chooseAppendTarget(found.records, i.target, env.now());
    const tags = choice.append ? found.records.find((r) => r.id === choice.recordId)?.tags : undefined;
    p.preselected = choice.append ? { recordId: choice.recordId, reopen: choice.reopen, ...(tags ? { tags } : {}) } : { recordId: null, followUpOf: choice.followUpOf ?? null };
    return false; // continue on the ordinary path with the customer and the choice known
  }
  const retry = await env.beginStep('create');
  const made = await crm.createCustomerAndRecord(i.customer.create, { ...i.record, externalId: i.key }, { retry, signal: env.signal });
  p.customerId = made.customer.id;
  p.customerCreated = made.customer.created === true;
  p.recordId = made.record.id;
  p.appended = false;
  env.saveProgress(p);
  return true;
}

type Target = { recordId: string; reopen: boolean; tags?: string[] } | { recordId: null; followUpOf: string | null; existing?: string | null };

/** The record to append to, or none (with the record a new one follows up, REC-2). */
async function resolveTarget(policy: TargetPolicy, p: Progress, env: ExecEnv, ownKey: string): Promise<Target> {
  const none: Target = { recordId: null, followUpOf: null };
  switch (policy.kind) {
    case 'new':
      return none;
    case 'existing':
      return { recordId: policy.recordId, reopen: false };
    case 'sessionRecord': {
      const known = env.binding(policy.ofKey) ?? (await env.crm.findRecordByExternalId(policy.ofKey, { retry: false, signal: env.signal }));
      const recordId = known && ('recordId' in known ? known.recordId : known.id);
      return recordId ? { recordId, reopen: true } : resolveTarget(policy.fallback, p, env, ownKey);
    }
    case 'sameLeafQueue':
    case 'latestOpen': {
      if (p.customerCreated) return none; // a customer made a moment ago has no records
      const records = await env.crm.listRecentRecords(p.customerId as string, RECENT_RECORDS, { retry: false, signal: env.signal });
      // An earlier attempt of this very intent already made the record (its reply was lost).
      const own = records.find((r) => r.externalId === ownKey);
      if (own) return { recordId: null, followUpOf: null, existing: own.id };
      const choice = chooseAppendTarget(records, policy, env.now());
      env.log.info('record.target', { rule: choice.reason, append: choice.append });
      if (!choice.append) return { recordId: null, followUpOf: choice.followUpOf ?? null };
      const tags = records.find((r) => r.id === choice.recordId)?.tags;
      return { recordId: choice.recordId, reopen: choice.reopen, ...(tags ? { tags } : {}) };
    }
  }
}

export async function executeOpenRecord(entry: OutboxEntry, i: OpenIntent, env: ExecEnv): Promise<ExecResult> {
  const p: Progress = structuredClone(entry.progress);
  await batchedOpen(i, p, env);
  await resolveCustomer(i, p, env);
  const customerId = p.customerId as string;
  const assignee = i.record.assigneeUserId;

  if (!p.recordId) {
    const target = p.preselected ?? (await resolveTarget(i.target, p, env, i.key));
    if (target.recordId !== null) {
      const retry = await env.beginStep('append');
      const have = new Set(target.tags ?? []);
      const addTags = i.record.tags.filter((t) => !have.has(t));
      // REC-2: a record closed within the window is set back to open; KUS-10: assigned to the agent.
      await env.crm.updateRecord(
        target.recordId,
        {
          ...(target.reopen ? { status: 'open' as const } : {}),
          ...(addTags.length > 0 ? { addTags } : {}),
          ...(Object.keys(i.record.fields).length > 0 ? { fields: i.record.fields } : {}),
          ...(assignee ? { assigneeUserId: assignee } : {}),
        },
        { retry, signal: env.signal },
      );
      p.recordId = target.recordId;
      p.appended = true;
    } else if ('existing' in target && typeof target.existing === 'string') {
      p.recordId = target.existing;
      p.appended = false;
    } else {
      const retry = await env.beginStep('create');
      const followUpOf = target.followUpOf ? { followUpOf: target.followUpOf } : {};
      const rec = await env.crm.createRecord({ ...i.record, ...followUpOf, externalId: i.key, customerId }, { retry, signal: env.signal });
      if (rec.existed && assignee) {
        await env.crm.updateRecord(rec.id, { assigneeUserId: assignee }, { retry: true, signal: env.signal });
      }
      p.recordId = rec.id;
      p.appended = false;
    }
    env.saveProgress(p);
  }
  const recordId = p.recordId as string;

  if (i.note && !p.done.includes('note')) {
    const retry = await env.beginStep('note');
    await env.crm.addNote(recordId, { key: `${i.key}:details`, body: p.appended ? i.note.appended : i.note.created }, { retry, signal: env.signal });
    p.done.push('note');
    env.saveProgress(p);
  }
  if (i.assignCustomer && p.customerCreated && assignee && !p.done.includes('assignCustomer')) {
    const retry = await env.beginStep('assignCustomer');
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
