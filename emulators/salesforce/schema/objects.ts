// The sObjects the emulator serves, with the standard fields AgentDesk (and a careful client)
// meets, plus the org's custom fields (`__c`) from the options. Key prefixes are Salesforce's.
import { z } from 'zod';
import { field, objectDef, system, type FieldDef, type ObjectDef } from './types.js';

export const customFieldSpec = z.strictObject({
  type: z.enum(['string', 'textarea', 'phone', 'email', 'url', 'picklist', 'multipicklist', 'boolean', 'int', 'double', 'date', 'datetime']),
  length: z.number().int().positive().max(131_072).optional(),
  label: z.string().optional(),
  /** An External ID field: usable in upserts (PATCH /sobjects/{Object}/{field}/{value}). */
  externalId: z.boolean().default(false),
  /** Unique (case-insensitive): a second record with the same value is refused with DUPLICATE_VALUE. */
  unique: z.boolean().default(false),
  values: z.array(z.string().min(1)).optional(),
  restricted: z.boolean().default(false),
});
export type CustomFieldSpec = z.input<typeof customFieldSpec>;
export const customFieldsSchema = z.record(z.string(), z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*__c$/, 'custom field names end in __c'), customFieldSpec));
export type CustomFieldsInput = z.input<typeof customFieldsSchema>;

export const OBJECT_NAMES = ['User', 'Contact', 'Case', 'CaseComment', 'Task', 'ContentVersion', 'ContentDocument', 'ContentDocumentLink', 'CaseStatus'] as const;
export type ObjectName = (typeof OBJECT_NAMES)[number];

export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
export const TASK_CLOSED_STATUSES = new Set(['Completed']);

const auditFields = (): FieldDef[] => [
  system({ name: 'Id', type: 'id', nillable: false }),
  system({ name: 'IsDeleted', type: 'boolean' }),
  system({ name: 'CreatedDate', type: 'datetime' }),
  system({ name: 'CreatedById', type: 'reference', referenceTo: ['User'] }),
  system({ name: 'LastModifiedDate', type: 'datetime' }),
  system({ name: 'LastModifiedById', type: 'reference', referenceTo: ['User'] }),
  system({ name: 'SystemModstamp', type: 'datetime' }),
];
const owner = () => field({ name: 'OwnerId', type: 'reference', referenceTo: ['User'], defaultedOnCreate: true, nillable: false });
const pick = (name: string, values: string[] | (() => string[]), extra: Partial<FieldDef> = {}) =>
  field({ name, type: 'picklist', values: typeof values === 'function' ? values : () => values, ...extra });

function customFields(specs: Record<string, z.infer<typeof customFieldSpec>> | undefined): FieldDef[] {
  return Object.entries(specs ?? {}).map(([name, s]) =>
    field({
      name,
      type: s.type,
      ...(s.length ? { length: s.length } : {}),
      ...(s.label ? { label: s.label } : {}),
      externalId: s.externalId,
      unique: s.unique,
      restricted: s.restricted,
      ...(s.values ? { values: () => s.values ?? [] } : {}),
    }),
  );
}

export interface SchemaInputs {
  customFields: z.infer<typeof customFieldsSchema>;
  caseOrigins: string[];
  /** The org's CaseStatus ApiNames, read when a write needs them. */
  caseStatuses: () => string[];
}

export function buildSchema(inp: SchemaInputs): Map<string, ObjectDef> {
  const custom = (o: string) => customFields(inp.customFields[o]);
  const defs: ObjectDef[] = [
    objectDef({
      name: 'User', label: 'User', keyPrefix: '005', createable: false, updateable: false, deletable: false, queryable: true,
      fields: [
        ...auditFields(),
        field({ name: 'Username', type: 'string', length: 80 }), field({ name: 'Email', type: 'email', length: 128 }),
        field({ name: 'FirstName', type: 'string', length: 40 }), field({ name: 'LastName', type: 'string', length: 80 }),
        system({ name: 'Name', type: 'string', length: 121 }), field({ name: 'Alias', type: 'string', length: 8 }),
        field({ name: 'IsActive', type: 'boolean' }), ...custom('User'),
      ],
    }),
    objectDef({
      name: 'Contact', label: 'Contact', keyPrefix: '003', createable: true, updateable: true, deletable: true, queryable: true,
      fields: [
        ...auditFields(), owner(),
        field({ name: 'FirstName', type: 'string', length: 40 }), field({ name: 'LastName', type: 'string', length: 80, nillable: false }),
        system({ name: 'Name', type: 'string', length: 121 }), field({ name: 'Title', type: 'string', length: 128 }),
        field({ name: 'Phone', type: 'phone' }), field({ name: 'MobilePhone', type: 'phone' }), field({ name: 'HomePhone', type: 'phone' }),
        field({ name: 'OtherPhone', type: 'phone' }), field({ name: 'Email', type: 'email' }), field({ name: 'Description', type: 'textarea' }),
        ...custom('Contact'),
      ],
    }),
    objectDef({
      name: 'Case', label: 'Case', keyPrefix: '500', createable: true, updateable: true, deletable: true, queryable: true,
      fields: [
        ...auditFields(), owner(),
        system({ name: 'CaseNumber', type: 'string', length: 30 }),
        field({ name: 'Subject', type: 'string', length: 255 }), field({ name: 'Description', type: 'textarea' }),
        pick('Status', inp.caseStatuses, { restricted: true, defaultedOnCreate: true, nillable: false }),
        system({ name: 'IsClosed', type: 'boolean' }), system({ name: 'ClosedDate', type: 'datetime' }),
        pick('Origin', inp.caseOrigins), pick('Priority', ['High', 'Medium', 'Low'], { defaultedOnCreate: true }),
        pick('Type', ['Question', 'Problem', 'Feature Request']), pick('Reason', ['Installation', 'Equipment Complexity', 'Performance', 'Breakdown', 'Feedback', 'Other']),
        field({ name: 'ContactId', type: 'reference', referenceTo: ['Contact'] }), field({ name: 'ParentId', type: 'reference', referenceTo: ['Case'] }),
        field({ name: 'SuppliedName', type: 'string', length: 80 }), field({ name: 'SuppliedEmail', type: 'email' }),
        field({ name: 'SuppliedPhone', type: 'string', length: 40 }), field({ name: 'IsEscalated', type: 'boolean' }),
        // Write-only: a value makes a (private) CaseComment, as Salesforce does; never read back.
        field({ name: 'Comments', type: 'textarea', length: 4000, filterable: false }),
        ...custom('Case'),
      ],
    }),
    objectDef({
      name: 'CaseComment', label: 'Case Comment', keyPrefix: '00a', createable: true, updateable: true, deletable: true, queryable: true,
      fields: [
        ...auditFields(),
        field({ name: 'ParentId', type: 'reference', referenceTo: ['Case'], nillable: false, updateable: false }),
        field({ name: 'CommentBody', type: 'textarea', length: 4000 }), field({ name: 'IsPublished', type: 'boolean' }),
      ],
    }),
    objectDef({
      name: 'Task', label: 'Task', keyPrefix: '00T', createable: true, updateable: true, deletable: true, queryable: true,
      fields: [
        ...auditFields(), owner(),
        field({ name: 'Subject', type: 'string', length: 255 }),
        pick('Status', TASK_STATUSES, { restricted: true, defaultedOnCreate: true, nillable: false }), pick('Priority', ['High', 'Normal', 'Low'], { defaultedOnCreate: true }),
        system({ name: 'IsClosed', type: 'boolean' }),
        pick('TaskSubtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], { restricted: true, updateable: false, defaultedOnCreate: true }),
        pick('CallType', ['Internal', 'Inbound', 'Outbound'], { restricted: true }),
        field({ name: 'CallDurationInSeconds', type: 'int' }), field({ name: 'CallObject', type: 'string', length: 255 }),
        field({ name: 'CallDisposition', type: 'string', length: 255 }),
        field({ name: 'WhoId', type: 'reference', referenceTo: ['Contact'] }), field({ name: 'WhatId', type: 'reference', referenceTo: ['Case'] }),
        field({ name: 'ActivityDate', type: 'date' }), field({ name: 'Description', type: 'textarea' }),
        ...custom('Task'),
      ],
    }),
    objectDef({
      name: 'ContentVersion', label: 'Content Version', keyPrefix: '068', createable: true, updateable: true, deletable: false, queryable: true,
      fields: [
        ...auditFields(), owner(),
        field({ name: 'Title', type: 'string', length: 255, defaultedOnCreate: true }),
        field({ name: 'PathOnClient', type: 'string', length: 500, nillable: false, updateable: false }),
        field({ name: 'VersionData', type: 'base64', nillable: false, updateable: false }),
        field({ name: 'FirstPublishLocationId', type: 'reference', referenceTo: ['Case', 'Contact', 'User'], updateable: false }),
        field({ name: 'Description', type: 'textarea', length: 1000 }), field({ name: 'ReasonForChange', type: 'string', length: 1000 }),
        system({ name: 'ContentDocumentId', type: 'reference', referenceTo: ['ContentDocument'] }),
        system({ name: 'ContentSize', type: 'int' }), system({ name: 'FileExtension', type: 'string', length: 40 }),
        system({ name: 'FileType', type: 'string', length: 20 }), system({ name: 'IsLatest', type: 'boolean' }),
        system({ name: 'VersionNumber', type: 'string', length: 20 }),
      ],
    }),
    objectDef({
      name: 'ContentDocument', label: 'Content Document', keyPrefix: '069', createable: false, updateable: false, deletable: true, queryable: true,
      fields: [
        ...auditFields(), owner(),
        system({ name: 'Title', type: 'string' }), system({ name: 'FileType', type: 'string', length: 20 }),
        system({ name: 'FileExtension', type: 'string', length: 40 }), system({ name: 'ContentSize', type: 'int' }),
        system({ name: 'LatestPublishedVersionId', type: 'reference', referenceTo: ['ContentVersion'] }),
      ],
    }),
    objectDef({
      name: 'ContentDocumentLink', label: 'Content Document Link', keyPrefix: '06A', createable: true, updateable: false, deletable: true, queryable: true,
      fields: [
        system({ name: 'Id', type: 'id', nillable: false }), system({ name: 'IsDeleted', type: 'boolean' }), system({ name: 'SystemModstamp', type: 'datetime' }),
        field({ name: 'ContentDocumentId', type: 'reference', referenceTo: ['ContentDocument'], nillable: false, updateable: false }),
        field({ name: 'LinkedEntityId', type: 'reference', referenceTo: ['Case', 'Contact', 'User'], nillable: false, updateable: false }),
        pick('ShareType', ['V', 'C', 'I'], { restricted: true, defaultedOnCreate: true }), pick('Visibility', ['AllUsers', 'InternalUsers', 'SharedUsers'], { restricted: true, defaultedOnCreate: true }),
      ],
    }),
    objectDef({
      name: 'CaseStatus', label: 'Case Status Value', keyPrefix: '01J', createable: false, updateable: false, deletable: false, queryable: true,
      fields: [
        ...auditFields(),
        system({ name: 'ApiName', type: 'string' }), system({ name: 'MasterLabel', type: 'string' }),
        system({ name: 'IsClosed', type: 'boolean' }), system({ name: 'IsDefault', type: 'boolean' }), system({ name: 'SortOrder', type: 'int' }),
      ],
    }),
  ];
  for (const o of Object.keys(inp.customFields)) {
    if (!defs.some((d) => d.name === o)) throw new Error(`custom fields for unknown object ${o}`);
  }
  return new Map(defs.map((d) => [d.name.toLowerCase(), d]));
}
