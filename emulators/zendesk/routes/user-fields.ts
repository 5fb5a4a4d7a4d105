// Custom user fields: GET /api/v2/user_fields, GET /api/v2/user_fields/{id}, POST (admins).
// A field's `key` (letters, digits, underscores, not only digits; unique) is where users keep
// its value (`user_fields: {key: value}`). Values are stored as given (not type-checked here).
import { z } from 'zod';
import { idParam, ok, parseWrapped, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { forbidden, notFound, recordInvalid } from '../errors.js';
import { paginate } from '../pagination.js';
import { USER_FIELD_TYPES, type UserFieldRec } from '../store.js';

const userFieldSchema = z.strictObject({
  type: z.enum(USER_FIELD_TYPES),
  key: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  active: z.boolean().optional(),
  position: z.number().int().optional(),
});

const json = (deps: Deps, f: UserFieldRec) => ({ url: `${deps.baseUrl()}/api/v2/user_fields/${f.id}.json`, ...f, raw_title: f.title, raw_description: f.description });

export function registerUserFields(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  route(router, 'GET', '/api/v2/user_fields', (ctx: ZCtx) =>
    ok(paginate(ctx, [...store.userFields.values()].sort((a, b) => a.position - b.position || a.id - b.id), 'user_fields', (f) => json(deps, f))),
  );
  route(router, 'GET', '/api/v2/user_fields/{id}', (ctx: ZCtx) => {
    const f = store.userFields.get(idParam(ctx));
    if (!f) throw notFound();
    return ok({ user_field: json(deps, f) });
  });
  route(router, 'POST', '/api/v2/user_fields', (ctx: ZCtx) => {
    if (ctx.principal?.user.role !== 'admin') throw forbidden();
    const b = parseWrapped(deps, ctx, 'user_field', userFieldSchema);
    if (!/^[A-Za-z0-9_]+$/.test(b.key) || /^\d+$/.test(b.key)) throw recordInvalid({ key: [{ description: 'Key: letters, numbers and underscores only, and not only numbers', error: 'InvalidFormat' }] });
    if ([...store.userFields.values()].some((f) => f.key === b.key)) throw recordInvalid({ key: [{ description: 'Key: has already been taken', error: 'DuplicateValue' }] });
    const now = store.now();
    const f: UserFieldRec = { id: store.ids.nextField(), key: b.key, type: b.type, title: b.title, description: b.description ?? '', active: b.active ?? true, position: b.position ?? 9999, created_at: now, updated_at: now };
    store.userFields.set(f.id, f);
    return ok({ user_field: json(deps, f) }, 201);
  });
}
