// sObject resources: create (201 {id, success, errors}), retrieve (?fields=), update (PATCH 204),
// delete (204), retrieve and upsert by External ID (201 created / 200 updated, `created` from
// v46.0; 204 on update before v46.0; 300 with the matching records' URLs), the file body of a
// ContentVersion, and describe.
import { invalidField, notFound } from '../errors.js';
import { canonicalId } from '../ids.js';
import type { ObjectDef } from '../schema/types.js';
import { API_PREFIX, ok, saveResult, serialize, versionOf, writeContext, type Deps, type SfCtx, type SfRouter } from '../context.js';

const composable = { composable: true };

function objectOf(deps: Deps, ctx: SfCtx): ObjectDef {
  return deps.dml.objectOrThrow(ctx.params.object ?? '');
}

function selectedFields(def: ObjectDef, ctx: SfCtx): string[] | undefined {
  const raw = ctx.query.get('fields');
  if (raw === null) return undefined;
  return raw.split(',').map((name) => {
    const f = def.byLower.get(name.trim().toLowerCase());
    if (!f) throw invalidField(`No such column '${name.trim()}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
    return f.name;
  });
}

const versionNumber = (ctx: SfCtx) => Number(ctx.params.version);
const location = (ctx: SfCtx, def: ObjectDef, id: string) => ({ location: `/services/data/${versionOf(ctx)}/sobjects/${def.name}/${id}` });

export function registerSObjects(router: SfRouter, deps: Deps): void {
  const { store, dml } = deps;

  router.get(`${API_PREFIX}/sobjects`, (ctx) =>
    ok({
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: [...store.schema.values()].map((d) => ({
        name: d.name, label: d.label, keyPrefix: d.keyPrefix, custom: false, createable: d.createable, updateable: d.updateable, deletable: d.deletable, queryable: d.queryable,
        urls: { sobject: `/services/data/${versionOf(ctx)}/sobjects/${d.name}`, describe: `/services/data/${versionOf(ctx)}/sobjects/${d.name}/describe` },
      })),
    }),
  );

  router.get(`${API_PREFIX}/sobjects/{object}`, (ctx) => {
    const def = objectOf(deps, ctx);
    return ok({ objectDescribe: { name: def.name, label: def.label, keyPrefix: def.keyPrefix, createable: def.createable, queryable: def.queryable }, recentItems: [] });
  });

  router.get(`${API_PREFIX}/sobjects/{object}/describe`, (ctx) => {
    const def = objectOf(deps, ctx);
    return ok({
      name: def.name, label: def.label, keyPrefix: def.keyPrefix, createable: def.createable, updateable: def.updateable, deletable: def.deletable, queryable: def.queryable,
      fields: def.fields.map((f) => ({
        name: f.name, label: f.label, type: f.type, length: f.length, createable: f.createable, updateable: f.updateable, nillable: f.nillable,
        defaultedOnCreate: f.defaultedOnCreate, filterable: f.filterable, externalIdField: f.externalId, unique: f.unique, custom: f.custom, referenceTo: f.referenceTo,
        restrictedPicklist: f.restricted, picklistValues: (f.values?.() ?? []).map((v) => ({ value: v, label: v, active: true, defaultValue: false })),
      })),
    });
  });

  router.post(`${API_PREFIX}/sobjects/{object}`, (ctx) => {
    const def = objectOf(deps, ctx);
    const r = dml.insert(def.name, ctx.body, writeContext(ctx));
    return ok(saveResult(r.Id), 201, location(ctx, def, r.Id));
  }, composable);

  router.get(`${API_PREFIX}/sobjects/{object}/{id}`, (ctx) => {
    const def = objectOf(deps, ctx);
    const r = store.get(def.name, ctx.params.id ?? '');
    if (!r) throw notFound();
    return ok(serialize(def, r, versionOf(ctx), selectedFields(def, ctx)));
  }, composable);

  router.patch(`${API_PREFIX}/sobjects/{object}/{id}`, (ctx) => {
    const def = objectOf(deps, ctx);
    dml.update(def.name, ctx.params.id ?? '', ctx.body, writeContext(ctx));
    return { status: 204 };
  }, composable);

  router.delete(`${API_PREFIX}/sobjects/{object}/{id}`, (ctx) => {
    dml.delete(objectOf(deps, ctx).name, ctx.params.id ?? '');
    return { status: 204 };
  }, composable);

  // /sobjects/{object}/{field}/{value}: a record by External ID, or /{id}/{blobField} file bytes.
  router.get(`${API_PREFIX}/sobjects/{object}/{field}/{value}`, (ctx) => {
    const def = objectOf(deps, ctx);
    const blobField = def.byLower.get((ctx.params.value ?? '').toLowerCase());
    const id = canonicalId(ctx.params.field ?? '');
    if (blobField?.type === 'base64' && id) {
      const bytes = store.get(def.name, id) ? store.blobs.get(id) : undefined;
      if (!bytes) throw notFound();
      return { status: 200, raw: Buffer.from(bytes), headers: { 'content-type': 'application/octetstream' } };
    }
    const f = def.byLower.get((ctx.params.field ?? '').toLowerCase());
    if (!f || !(f.externalId || f.name === 'Id')) throw notFound(`Provided external ID field does not exist or is not accessible: ${ctx.params.field}`);
    const matches = store.where(def.name, f.name, f.name === 'Id' ? canonicalId(ctx.params.value ?? '') : ctx.params.value);
    if (matches.length > 1) return ok(matches.map((m) => `/services/data/${versionOf(ctx)}/sobjects/${def.name}/${m.Id}`), 300);
    const [one] = matches;
    if (!one) throw notFound();
    return ok(serialize(def, one, versionOf(ctx), selectedFields(def, ctx)));
  }, composable);

  router.patch(`${API_PREFIX}/sobjects/{object}/{field}/{value}`, (ctx) => {
    const def = objectOf(deps, ctx);
    const result = dml.upsert(def.name, ctx.params.field ?? '', ctx.params.value ?? '', ctx.body ?? {}, writeContext(ctx), ctx.query.get('updateOnly') === 'true');
    if (result.kind === 'multiple') return ok(result.ids.map((id) => `/services/data/${versionOf(ctx)}/sobjects/${def.name}/${id}`), 300);
    const modern = versionNumber(ctx) >= 46;
    if (result.kind === 'created') return ok(saveResult(result.record.Id, modern ? { created: true } : {}), 201, location(ctx, def, result.record.Id));
    return modern ? ok(saveResult(result.record.Id, { created: false }), 200) : { status: 204 };
  }, composable);
}
