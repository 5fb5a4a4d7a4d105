// Runs one outbox entry against the CRM (and, for record links, the contact center).
import type { OutboxEntry } from '../durable-state.js';
import type { Intent, FileSource } from '../orchestration/types.js';
import { CrmError } from '../crm-port.js';
import { executeOpenRecord } from './open-record.js';
import { RecordNotFound, type ExecEnv, type ExecResult } from './exec-env.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The record of a key: from the binding, else looked up by the key the record carries. */
async function recordFor(key: string, env: ExecEnv): Promise<{ recordId: string; bind?: ExecResult['bind'] }> {
  const known = env.binding(key);
  if (known) return { recordId: known.recordId };
  const found = await env.crm.findRecordByExternalId(key, { retry: false, signal: env.signal });
  if (!found) throw new RecordNotFound(key);
  return { recordId: found.id, bind: { key, link: { recordId: found.id, customerId: null, url: env.crm.recordUrl(found.id) } } };
}

async function fileBytes(src: FileSource, env: ExecEnv): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  if (src.kind === 'text') return { bytes: new TextEncoder().encode(src.text), contentType: null };
  const got = await env.files.fetch(src.url, env.signal);
  if (got.bytes.byteLength > MAX_FILE_BYTES) throw new CrmError('invalid', `file at ${src.url} is larger than 20 MB`);
  return got;
}

/**
 * Execute `entry`. `merged` are later updateRecord entries of the same key folded into this one
 * (their patches are applied in the same CRM call; REC updates coalesce to save round trips).
 */
export async function executeIntent(entry: OutboxEntry, env: ExecEnv, merged: Intent[] = []): Promise<ExecResult> {
  const i = entry.intent;
  switch (i.kind) {
    case 'openRecord':
      return executeOpenRecord(entry, i, env);
    case 'bindRecord':
      return { bind: { key: i.key, link: i.link } };
    case 'linkRecord': {
      const ack = await env.cc.recordLinked({ sessionId: i.sessionId, crm: i.crm, recordId: i.link.recordId, customerId: i.link.customerId, url: i.link.url });
      if (!ack.ok) {
        if (ack.error.code === 'not_found' || ack.error.code === 'bad_request') {
          throw new CrmError('invalid', `contact center refused record.linked: ${ack.error.message}`);
        }
        throw new CrmError('transient', `contact center: ${ack.error.message}`);
      }
      return {};
    }
    case 'updateRecord': {
      const r = await recordFor(i.key, env);
      let patch = i.patch;
      for (const m of merged) if (m.kind === 'updateRecord') patch = mergePatch(patch, m.patch);
      const retry = await env.beginStep('update');
      await env.crm.updateRecord(r.recordId, patch, { retry, signal: env.signal });
      return r.bind ? { bind: r.bind } : {};
    }
    case 'addNote': {
      const r = await recordFor(i.key, env);
      const retry = await env.beginStep('note');
      await env.crm.addNote(r.recordId, { key: i.noteKey, body: i.body }, { retry, signal: env.signal });
      return r.bind ? { bind: r.bind } : {};
    }
    case 'attachFile': {
      const r = await recordFor(i.key, env);
      const file = await fileBytes(i.source, env);
      const retry = await env.beginStep('attach');
      await env.crm.attachFile(
        r.recordId,
        { key: i.fileKey, name: i.name, contentType: file.contentType ?? i.contentType, bytes: file.bytes, caption: i.caption },
        { retry, signal: env.signal },
      );
      return r.bind ? { bind: r.bind } : {};
    }
  }
}

export function mergePatch(a: Extract<Intent, { kind: 'updateRecord' }>['patch'], b: Extract<Intent, { kind: 'updateRecord' }>['patch']) {
  const tags = [...new Set([...(a.addTags ?? []), ...(b.addTags ?? [])])];
  return {
    ...a,
    ...b,
    ...(a.fields || b.fields ? { fields: { ...a.fields, ...b.fields } } : {}),
    ...(tags.length > 0 ? { addTags: tags } : {}),
  };
}
