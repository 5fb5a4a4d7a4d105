// Request bodies of attachments, metadata and search (in the OpenAPI description) and of the
// routing endpoints (outside it: CRM-APIS.md 1.2 documents them), plus query schemas of the
// endpoints outside the spec, which the tests' request validator uses.
import { z } from 'zod';
import { CUSTOM_NAME } from '../custom-attributes.js';
import { objectId, uniqueArray } from './common.js';

/** POST /v1/attachments (the spec also lists an empty-named string property; kept for parity). */
export const attachmentCreateBody = z.strictObject({
  name: z.string().min(1),
  contentType: z.string().min(1),
  contentLength: z.number(),
  '': z.string().optional(),
});

/** Options of one metadata property (Klasses "metadata properties"); the spec leaves them open. */
export const metadataPropertyOptions = z.strictObject({
  displayName: z.string().min(1).max(256).optional(),
  description: z.string().max(1024).optional(),
  hidden: z.boolean().optional(),
  editable: z.boolean().optional(),
  enumeration: z.array(z.string()).max(1000).optional(),
  target: z.string().optional(),
  multi: z.boolean().optional(),
  sensitive: z.record(z.string(), z.unknown()).optional(),
});

/** PUT /v1/metadata/{resource} */
export const metadataBody = z.strictObject({
  standardProperties: z.record(z.string(), z.unknown()).optional(),
  relationships: z
    .record(z.string(), z.unknown())
    .refine((r) => Object.keys(r).length <= 20, 'at most 20 relationships')
    .optional(),
  properties: z
    .record(z.string().regex(CUSTOM_NAME, 'must be a custom attribute name with a type suffix'), metadataPropertyOptions)
    .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties')
    .optional(),
  validations: uniqueArray(objectId, 10).optional(),
});

const criteria = z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).max(20)]);
/** POST /v1/customers/search */
export const searchBody = z.strictObject({
  searchHash: z.string().optional(),
  queryContext: z.string().regex(/^(company|customer|message|conversation|conversation_time|note|kobject|kobject_.*|work_session|work_item)$/).optional(),
  includeDeleted: z.boolean().optional(),
  timeZone: z.string().optional(),
  and: criteria.optional(),
  or: criteria.optional(),
  not: criteria.optional(),
  sort: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).max(5)]).optional(),
  aggs: z.record(z.string(), z.unknown()).optional(),
  fields: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
});
export type SearchBody = z.infer<typeof searchBody>;

export const STATUS_TYPES = ['available', 'busy', 'unavailable', 'offline'] as const;
/** POST /v1/routing/statuses */
export const routingStatusBody = z.strictObject({
  name: z.string().min(1).max(64),
  statusType: z.enum(STATUS_TYPES),
  description: z.string().max(256).optional(),
});
/** PUT /v1/routing/work-sessions/{id}: switch the session to another routing status. */
export const workSessionUpdateBody = z.strictObject({ status: objectId });

const pageQuery = { page: z.string().regex(/^\d+$/).optional(), pageSize: z.string().regex(/^\d+$/).optional() };
const bool = z.enum(['true', 'false']);
/** Query parameters of the endpoints outside the OpenAPI description (values as strings). */
export const outsideSpecQueries: Record<string, z.ZodType> = {
  'GET /v1/users': z.strictObject({ ...pageQuery, email: z.string().optional() }),
  'GET /v1/routing/statuses': z.strictObject(pageQuery),
  'GET /v1/routing/work-sessions': z.strictObject({ ...pageQuery, user: bool.optional(), active: bool.optional(), statusType: z.enum(STATUS_TYPES).optional() }),
  'GET /v1/routing/users/{id}/work-sessions': z.strictObject({ ...pageQuery, active: bool.optional() }),
};
