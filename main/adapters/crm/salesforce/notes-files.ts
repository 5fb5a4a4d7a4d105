// Notes are private CaseComments (IsPublished false, KUS-8); files are ContentVersions published to
// the case (FirstPublishLocationId, KUS-9), so they show under the case's Files. Both carry their
// key as a marker (markers.ts); with ctx.retry the case's comments or files are read first and
// nothing is written twice (REL-1).
import type { CallContext, NewAttachment, NewNote } from '../../../engine/crm-port.js';
import type { SalesforceCore } from './core.js';
import { hasMarker, withMarker } from './markers.js';
import { markedRecord, saveResult } from './replies.js';
import { soqlString } from './soql.js';

export const COMMENT_MAX = 4000;
export const FILE_DESCRIPTION_MAX = 1000;
/** Retries look at this many of the newest comments or files of the case. */
const LOOKBACK = 200;

async function marked(core: SalesforceCore, object: 'CaseComment' | 'ContentVersion', textField: string, parentField: string, recordId: string, key: string, ctx: CallContext): Promise<boolean> {
  const soql = `SELECT Id, ${textField} FROM ${object} WHERE ${parentField} = ${soqlString(recordId)} ORDER BY CreatedDate DESC LIMIT ${LOOKBACK}`;
  const rows = await core.api.query(soql, markedRecord(textField), ctx.signal);
  return rows.some((r) => hasMarker(r[textField] as string | null | undefined, key));
}

export async function addComment(core: SalesforceCore, recordId: string, note: NewNote, ctx: CallContext): Promise<void> {
  if (ctx.retry && (await marked(core, 'CaseComment', 'CommentBody', 'ParentId', recordId, note.key, ctx))) return;
  const json = { ParentId: recordId, CommentBody: withMarker(note.body, note.key, COMMENT_MAX), IsPublished: false };
  await core.api.request({ method: 'POST', path: '/sobjects/CaseComment', json, signal: ctx.signal }, saveResult);
}

export async function attachContent(core: SalesforceCore, recordId: string, file: NewAttachment, ctx: CallContext): Promise<void> {
  if (ctx.retry && (await marked(core, 'ContentVersion', 'Description', 'FirstPublishLocationId', recordId, file.key, ctx))) return;
  const name = file.name.trim() || 'attachment';
  const json = {
    Title: name.slice(0, 255),
    PathOnClient: name.slice(0, 500),
    VersionData: Buffer.from(file.bytes).toString('base64'),
    FirstPublishLocationId: recordId,
    Description: withMarker(file.caption || name, file.key, FILE_DESCRIPTION_MAX),
  };
  await core.api.request({ method: 'POST', path: '/sobjects/ContentVersion', json, signal: ctx.signal, timeoutMs: core.s.uploadTimeoutMs }, saveResult);
}
