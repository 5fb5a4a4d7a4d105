// What the platform fills in or keeps in step when a record is written: defaults, Name,
// CaseNumber, IsClosed and ClosedDate from the status, assignment rules, files and their links.
import { TASK_CLOSED_STATUSES } from './schema/objects.js';
import type { SObjectRecord } from './schema/types.js';
import type { SalesforceStore } from './store.js';

export interface WriteContext {
  /** The user the request runs as (CreatedById, default OwnerId). */
  userId: string;
  /** Sforce-Auto-Assign is not FALSE: the org's active case assignment rule runs on create. */
  autoAssign: boolean;
}

const FILE_TYPES: Record<string, string> = { txt: 'TEXT', csv: 'CSV', pdf: 'PDF', png: 'PNG', jpg: 'JPG', jpeg: 'JPG', gif: 'GIF', wav: 'WAV', mp3: 'MP3', json: 'JSON', html: 'HTML', zip: 'ZIP' };

function contactName(r: SObjectRecord): string {
  return [r.FirstName, r.LastName].filter((p) => typeof p === 'string' && p).join(' ');
}

export interface DeriveOptions {
  /** The owner an active case assignment rule gives new cases (null: no active rule). */
  caseAssignmentOwnerId: string | null;
}

/** Sets platform fields on a record about to be inserted; may create related records (files, comments). */
export function deriveOnInsert(store: SalesforceStore, object: string, r: SObjectRecord, w: WriteContext, opts: DeriveOptions, extra: { comments?: string; blob?: Uint8Array }): void {
  const now = store.now();
  Object.assign(r, { IsDeleted: false, CreatedDate: now, CreatedById: w.userId, LastModifiedDate: now, LastModifiedById: w.userId, SystemModstamp: now });
  const def = store.describe(object);
  if (def?.byLower.has('ownerid') && r.OwnerId == null) r.OwnerId = w.userId;
  for (const f of def?.fields ?? []) if (f.type === 'boolean' && r[f.name] === undefined) r[f.name] = false;
  switch (object) {
    case 'Contact':
      r.Name = contactName(r);
      break;
    case 'Case': {
      r.CaseNumber = String(store.nextCaseNumber++).padStart(8, '0');
      r.Status ??= store.defaultCaseStatus()?.ApiName ?? 'New';
      r.Priority ??= 'Medium';
      if (w.autoAssign && opts.caseAssignmentOwnerId) r.OwnerId = opts.caseAssignmentOwnerId;
      syncCaseClosed(store, r, null);
      break;
    }
    case 'Task':
      r.Status ??= 'Not Started';
      r.Priority ??= 'Normal';
      r.TaskSubtype ??= 'Task';
      r.IsClosed = TASK_CLOSED_STATUSES.has(String(r.Status));
      break;
    case 'ContentDocumentLink':
      r.ShareType ??= 'V';
      r.Visibility ??= 'AllUsers';
      break;
    case 'ContentVersion':
      deriveContentVersion(store, r, w, extra.blob ?? new Uint8Array());
      break;
  }
  if (object === 'Case' && extra.comments) addComment(store, r.Id, extra.comments, w);
}

export function deriveOnUpdate(store: SalesforceStore, object: string, r: SObjectRecord, before: SObjectRecord, w: WriteContext, opts: DeriveOptions, extra: { comments?: string }): void {
  const now = store.now();
  Object.assign(r, { LastModifiedDate: now, LastModifiedById: w.userId, SystemModstamp: now });
  if (object === 'Contact') r.Name = contactName(r);
  if (object === 'Case') {
    // Assignment rules run on updates too unless the request says Sforce-Auto-Assign: FALSE.
    if (w.autoAssign && opts.caseAssignmentOwnerId) r.OwnerId = opts.caseAssignmentOwnerId;
    syncCaseClosed(store, r, before);
    if (extra.comments) addComment(store, r.Id, extra.comments, w);
  }
  if (object === 'Task') r.IsClosed = TASK_CLOSED_STATUSES.has(String(r.Status));
}

/**
 * IsClosed follows the status's CaseStatus row; ClosedDate is stamped when a case enters a closed
 * status and cleared when it is reopened (moving between two closed statuses keeps it).
 */
function syncCaseClosed(store: SalesforceStore, r: SObjectRecord, before: SObjectRecord | null): void {
  const closed = store.caseStatus(String(r.Status))?.IsClosed ?? false;
  r.IsClosed = closed;
  if (closed && !(before?.IsClosed === true)) r.ClosedDate = store.now();
  else if (!closed) r.ClosedDate = null;
}

function addComment(store: SalesforceStore, caseId: string, body: string, w: WriteContext): void {
  const now = store.now();
  const id = store.ids.next('00a');
  store.table('CaseComment').set(id, {
    Id: id, ParentId: caseId, CommentBody: body, IsPublished: false, IsDeleted: false,
    CreatedDate: now, CreatedById: w.userId, LastModifiedDate: now, LastModifiedById: w.userId, SystemModstamp: now,
  });
}

function deriveContentVersion(store: SalesforceStore, r: SObjectRecord, w: WriteContext, bytes: Uint8Array): void {
  const path = String(r.PathOnClient ?? '');
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  r.Title ??= dot > 0 ? base.slice(0, dot) : base;
  r.FileExtension = ext || null;
  r.FileType = FILE_TYPES[ext] ?? 'UNKNOWN';
  r.ContentSize = bytes.byteLength;
  r.IsLatest = true;
  r.VersionNumber = '1';
  store.blobs.set(r.Id, bytes);
  const now = store.now();
  const docId = store.ids.next('069');
  store.table('ContentDocument').set(docId, {
    Id: docId, Title: r.Title, FileType: r.FileType, FileExtension: r.FileExtension, ContentSize: r.ContentSize, LatestPublishedVersionId: r.Id,
    OwnerId: r.OwnerId ?? w.userId, IsDeleted: false, CreatedDate: now, CreatedById: w.userId, LastModifiedDate: now, LastModifiedById: w.userId, SystemModstamp: now,
  });
  r.ContentDocumentId = docId;
  if (typeof r.FirstPublishLocationId === 'string') {
    const linkId = store.ids.next('06A');
    store.table('ContentDocumentLink').set(linkId, { Id: linkId, ContentDocumentId: docId, LinkedEntityId: r.FirstPublishLocationId, ShareType: 'V', Visibility: 'AllUsers', IsDeleted: false, SystemModstamp: now });
  }
}
