// Record writes with Salesforce's validation: unknown fields (INVALID_FIELD), read-only fields
// (INVALID_FIELD_FOR_INSERT_UPDATE), types and lengths, required fields (REQUIRED_FIELD_MISSING),
// unique fields (DUPLICATE_VALUE), references (MALFORMED_ID, INVALID_CROSS_REFERENCE_KEY); and
// upsert by External ID (created / updated / several matches).
import { deriveOnInsert, deriveOnUpdate, type DeriveOptions, type WriteContext } from './derive.js';
import { notFound, SfError, type SfErrorItem } from './errors.js';
import type { ObjectDef, SObjectRecord } from './schema/types.js';
import { coerceWrite, type RefCheck } from './schema/values.js';
import type { SalesforceStore } from './store.js';

export type UpsertResult = { kind: 'created'; record: SObjectRecord } | { kind: 'updated'; record: SObjectRecord } | { kind: 'multiple'; ids: string[] };

export class Dml {
  constructor(
    private readonly store: SalesforceStore,
    private readonly opts: DeriveOptions,
  ) {}

  objectOrThrow(object: string): ObjectDef {
    const def = this.store.describe(object);
    if (!def) throw notFound();
    return def;
  }

  insert(object: string, body: unknown, w: WriteContext): SObjectRecord {
    const def = this.objectOrThrow(object);
    if (!def.createable) throw SfError.of(400, 'INVALID_TYPE_FOR_OPERATION', `entity type ${def.name} does not support insert`);
    const { values, comments, blob } = this.parse(def, body, 'insert');
    this.checkRequired(def, { ...values, Id: '' }, 'insert');
    const r: SObjectRecord = { ...values, Id: this.store.ids.next(def.keyPrefix) };
    delete r.VersionData; // the bytes live in store.blobs; the record answers with a URL to them
    this.checkUnique(def, r);
    deriveOnInsert(this.store, def.name, r, w, this.opts, { ...(comments ? { comments } : {}), ...(blob ? { blob } : {}) });
    this.store.table(def.name).set(r.Id, r);
    return r;
  }

  update(object: string, id: string, body: unknown, w: WriteContext): SObjectRecord {
    const def = this.objectOrThrow(object);
    const current = this.store.get(def.name, id);
    if (!current) throw notFound();
    if (!def.updateable) throw SfError.of(400, 'INVALID_TYPE_FOR_OPERATION', `entity type ${def.name} does not support update`);
    const { values, comments } = this.parse(def, body, 'update', current.Id);
    const next: SObjectRecord = { ...current, ...values, Id: current.Id };
    this.checkRequired(def, next, 'update');
    this.checkUnique(def, next);
    deriveOnUpdate(this.store, def.name, next, current, w, this.opts, comments ? { comments } : {});
    this.store.table(def.name).set(next.Id, next);
    return next;
  }

  upsert(object: string, fieldName: string, value: string, body: unknown, w: WriteContext, updateOnly: boolean): UpsertResult {
    const def = this.objectOrThrow(object);
    const f = def.byLower.get(fieldName.toLowerCase());
    if (!f) throw notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`);
    if (!f.externalId) throw SfError.of(400, 'INVALID_FIELD', `Field ${f.name} is not an External ID or indexed field`, [f.name]);
    const given = body && typeof body === 'object' && !Array.isArray(body) ? Object.entries(body).find(([k]) => k.toLowerCase() === f.name.toLowerCase()) : undefined;
    if (given && String(given[1]).toLowerCase() !== value.toLowerCase())
      throw SfError.of(400, 'INVALID_FIELD', `The value of ${f.name} in the request body (${String(given[1])}) differs from the one in the URL (${value})`, [f.name]);
    const matches = this.store.where(def.name, f.name, value);
    if (matches.length > 1) return { kind: 'multiple', ids: matches.map((m) => m.Id) };
    const [match] = matches;
    if (match) return { kind: 'updated', record: this.update(def.name, match.Id, body, w) };
    if (updateOnly) throw notFound();
    const withKey = { ...(body && typeof body === 'object' ? (body as Record<string, unknown>) : {}), [f.name]: value };
    return { kind: 'created', record: this.insert(def.name, withKey, w) };
  }

  delete(object: string, id: string): void {
    const def = this.objectOrThrow(object);
    const current = this.store.get(def.name, id);
    if (!current) throw notFound('entity is deleted');
    if (!def.deletable) throw SfError.of(400, 'INVALID_TYPE_FOR_OPERATION', `entity type ${def.name} does not support delete`);
    this.store.table(def.name).delete(current.Id);
    if (def.name === 'Case') for (const c of this.store.where('CaseComment', 'ParentId', current.Id)) this.store.table('CaseComment').delete(c.Id);
  }

  private parse(def: ObjectDef, body: unknown, op: 'insert' | 'update', selfId?: string) {
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body))
      throw SfError.of(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${def.name} from ${Array.isArray(body) ? 'START_ARRAY' : 'a non-object'} value`);
    const errors: SfErrorItem[] = [];
    const readOnly: string[] = [];
    const values: Record<string, unknown> = {};
    let comments: string | undefined;
    let blob: Uint8Array | undefined;
    for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
      if (key === 'attributes') continue;
      const f = def.byLower.get(key.toLowerCase());
      if (!f) {
        errors.push({ errorCode: 'INVALID_FIELD', message: `No such column '${key}' on sobject of type ${def.name}`, fields: [] });
        continue;
      }
      if (f.name === 'Id') {
        if (op === 'insert') errors.push({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'Record ID: cannot specify Id in an insert call', fields: ['Id'] });
        else if (typeof raw !== 'string' || raw.slice(0, 15) !== selfId?.slice(0, 15)) errors.push({ errorCode: 'INVALID_FIELD', message: 'The Id in the body differs from the record in the URL', fields: ['Id'] });
        continue;
      }
      if (op === 'insert' ? !f.createable : !f.updateable) {
        readOnly.push(f.name);
        continue;
      }
      const c = coerceWrite(f, raw, this.refCheck);
      if (!c.ok) errors.push(c.error);
      else if (f.name === 'Comments' && def.name === 'Case') comments = typeof c.value === 'string' ? c.value : undefined;
      else if (f.type === 'base64') blob = c.value as Uint8Array;
      else values[f.name] = c.value;
    }
    if (readOnly.length)
      errors.unshift({
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields: readOnly,
      });
    if (errors.length) throw new SfError(400, errors);
    if (blob) values.VersionData = blob;
    return { values, comments, blob };
  }

  private checkRequired(def: ObjectDef, r: SObjectRecord, op: 'insert' | 'update'): void {
    const missing = def.fields.filter((f) => {
      if (f.nillable || f.name === 'Id' || !(f.createable || f.updateable)) return false;
      if (op === 'insert' && f.defaultedOnCreate && r[f.name] === undefined) return false;
      return r[f.name] === undefined || r[f.name] === null;
    });
    if (missing.length) {
      const names = missing.map((f) => f.name);
      throw SfError.of(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);
    }
  }

  private checkUnique(def: ObjectDef, r: SObjectRecord): void {
    for (const f of def.fields) {
      if (!f.unique || r[f.name] == null) continue;
      const other = this.store.where(def.name, f.name, r[f.name]).find((o) => o.Id !== r.Id);
      if (other) throw SfError.of(400, 'DUPLICATE_VALUE', `duplicate value found: ${f.name} duplicates value on record with id: ${other.Id}`, []);
    }
  }

  private readonly refCheck: RefCheck = (id, referenceTo) => {
    const found = this.store.byId(id);
    if (!found || !referenceTo.includes(found.def.name)) return 'wrong_type';
    if (!found.record) return 'missing';
    if (found.def.name === 'User' && found.record.IsActive === false) return 'missing';
    return 'ok';
  };
}
