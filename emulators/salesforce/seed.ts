// Seed data: the org, static access tokens and OAuth clients, users (ids may be given, so they
// match the contact center's agents' crmUserId), the CaseStatus picklist (org-specific; several
// values may be closed), contacts and cases. Parsed with zod; records go through the same
// validation as API writes, so a bad seed gives the API's own error.
import { z } from 'zod';
import { SfError } from './errors.js';
import type { Dml } from './dml.js';
import { canonicalId, makeId } from './ids.js';
import type { SalesforceStore } from './store.js';
import { formatDateTime, parseDateTime } from './schema/values.js';

const sfId = z.string().refine((v) => canonicalId(v) !== null, 'must be a 15- or 18-character Salesforce id');
const iso = z.string().refine((v) => parseDateTime(v) !== null, 'must be an ISO-8601 date-time');
const fields = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({});

export const seedSchema = z.strictObject({
  org: z.strictObject({ id: sfId.optional(), name: z.string().min(1).default('AgentDesk Demo') }).optional(),
  /** Tokens accepted as `Authorization: Bearer <token>` without expiry, acting as the integration user. */
  accessTokens: z.array(z.string().min(8)).optional(),
  oauthClients: z.array(z.strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(1), runAs: sfId.optional() })).optional(),
  users: z
    .array(
      z.strictObject({
        id: sfId.optional(), email: z.string().min(3), username: z.string().optional(), firstName: z.string().optional(), lastName: z.string().min(1),
        alias: z.string().max(8).optional(), isActive: z.boolean().default(true), password: z.string().optional(),
      }),
    )
    .optional(),
  caseStatuses: z
    .array(z.strictObject({ apiName: z.string().min(1), label: z.string().optional(), isClosed: z.boolean(), isDefault: z.boolean().default(false), sortOrder: z.number().int().optional() }))
    .min(1)
    .optional(),
  contacts: z.array(z.strictObject({ id: sfId.optional(), createdDate: iso.optional(), fields })).default([]),
  cases: z.array(z.strictObject({ id: sfId.optional(), createdDate: iso.optional(), closedDate: iso.optional(), fields })).default([]),
});
export type SalesforceSeed = z.input<typeof seedSchema>;

export const DEFAULT_ACCESS_TOKEN = 'salesforce-emulator-token';
export const DEFAULT_CLIENT = { clientId: 'agentdesk-connected-app', clientSecret: 'agentdesk-secret' } as const;
/** 18-character User ids of the default agents (same e-mails as the contact-center simulator's). */
export const SALESFORCE_USER_IDS = {
  agent1: makeId('005', 1001),
  agent2: makeId('005', 1002),
  agent3: makeId('005', 1003),
  supervisor: makeId('005', 1900),
  integration: makeId('005', 9000),
} as const;
const DEFAULT_USERS = [
  { id: SALESFORCE_USER_IDS.agent1, email: 'agent1@acme.test', firstName: 'Mina', lastName: 'Park' },
  { id: SALESFORCE_USER_IDS.agent2, email: 'agent2@acme.test', firstName: 'Joon', lastName: 'Kim' },
  { id: SALESFORCE_USER_IDS.agent3, email: 'agent3@acme.test', firstName: 'Sara', lastName: 'Lee' },
  { id: SALESFORCE_USER_IDS.supervisor, email: 'supervisor@acme.test', firstName: 'Hana', lastName: 'Choi' },
];
export const DEFAULT_CASE_STATUSES = [
  { apiName: 'New', isClosed: false, isDefault: true },
  { apiName: 'Working', isClosed: false },
  { apiName: 'Escalated', isClosed: false },
  { apiName: 'Closed', isClosed: true },
];

export function applySeed(store: SalesforceStore, dml: Dml, input: SalesforceSeed = {}): void {
  const seed = seedSchema.parse(input);
  const now = store.now();
  store.org = { id: seed.org?.id ? (canonicalId(seed.org.id) as string) : makeId('00D', 1), name: seed.org?.name ?? 'AgentDesk Demo' };
  const users = store.table('User');
  const addUser = (u: { id?: string | undefined; email: string; username?: string | undefined; firstName?: string | undefined; lastName: string; alias?: string | undefined; isActive?: boolean }) => {
    const id = u.id ? (canonicalId(u.id) as string) : store.ids.next('005');
    users.set(id, {
      Id: id, Username: u.username ?? u.email, Email: u.email, FirstName: u.firstName ?? null, LastName: u.lastName,
      Name: [u.firstName, u.lastName].filter(Boolean).join(' '), Alias: u.alias ?? u.lastName.slice(0, 8), IsActive: u.isActive ?? true,
      IsDeleted: false, CreatedDate: now, CreatedById: SALESFORCE_USER_IDS.integration, LastModifiedDate: now, LastModifiedById: SALESFORCE_USER_IDS.integration, SystemModstamp: now,
    });
    return id;
  };
  store.integrationUserId = addUser({ id: SALESFORCE_USER_IDS.integration, email: 'integration@agentdesk.invalid', firstName: 'AgentDesk', lastName: 'Integration', alias: 'agentdsk' });
  for (const u of seed.users ?? DEFAULT_USERS) {
    const id = addUser(u);
    if ('password' in u && u.password) store.logins.set((u.username ?? u.email).toLowerCase(), { username: u.username ?? u.email, password: u.password, userId: id });
  }
  for (const token of seed.accessTokens ?? [DEFAULT_ACCESS_TOKEN]) store.tokens.set(token, { token, userId: store.integrationUserId, expiresAt: null, revoked: false });
  for (const c of seed.oauthClients ?? [DEFAULT_CLIENT]) {
    const runAs = 'runAs' in c && c.runAs ? (canonicalId(c.runAs) as string) : store.integrationUserId;
    store.oauthClients.set(c.clientId, { clientId: c.clientId, clientSecret: c.clientSecret, runAsUserId: runAs });
  }
  const statuses: Array<{ apiName: string; label?: string | undefined; isClosed: boolean; isDefault: boolean; sortOrder?: number | undefined }> =
    seed.caseStatuses ?? DEFAULT_CASE_STATUSES.map((s) => ({ isDefault: false, ...s }));
  if (!statuses.some((s) => !s.isClosed)) throw new Error('seed caseStatuses: at least one status must be open (IsClosed=false)');
  const defaultIndex = Math.max(0, statuses.findIndex((s) => s.isDefault && !s.isClosed));
  statuses.forEach((s, i) => {
    const id = makeId('01J', i + 1);
    store.table('CaseStatus').set(id, {
      Id: id, ApiName: s.apiName, MasterLabel: s.label ?? s.apiName, IsClosed: s.isClosed, IsDefault: i === defaultIndex, SortOrder: s.sortOrder ?? i + 1,
      IsDeleted: false, CreatedDate: now, CreatedById: store.integrationUserId, LastModifiedDate: now, LastModifiedById: store.integrationUserId, SystemModstamp: now,
    });
  });
  const w = { userId: store.integrationUserId, autoAssign: false };
  const place = (object: 'Contact' | 'Case', spec: { id?: string | undefined; createdDate?: string | undefined; closedDate?: string | undefined; fields: Record<string, unknown> }) => {
    let r;
    try {
      r = dml.insert(object, spec.fields, w);
    } catch (e) {
      throw new Error(`seed ${object} ${JSON.stringify(spec.fields)}: ${e instanceof SfError ? e.message : String(e)}`, { cause: e });
    }
    const table = store.table(object);
    if (spec.id) {
      table.delete(r.Id);
      r.Id = canonicalId(spec.id) as string;
    }
    if (spec.createdDate) r.CreatedDate = r.LastModifiedDate = r.SystemModstamp = formatDateTime(parseDateTime(spec.createdDate) as number);
    if (object === 'Case' && r.IsClosed) r.ClosedDate = formatDateTime(parseDateTime(spec.closedDate ?? spec.createdDate ?? now) as number);
    table.set(r.Id, r);
  };
  for (const c of seed.contacts) place('Contact', c);
  for (const c of seed.cases) place('Case', c);
}
