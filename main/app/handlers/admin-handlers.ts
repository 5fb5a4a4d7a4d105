// ADMIN-1 channels: save the settings through the contact center (`settings.update`, refused for
// paths IT locked), preview the record rules, create the KUS-2 custom fields, list the CRM's user
// statuses (SYNC-1).
import type { Settings, StandardCustomerField, StandardRecordField } from '../../../common/protocol/index.js';
import type { IpcResponse } from '../../../common/ipc/index.js';
import type { HandlerTable } from '../ipc-dispatch.js';
import { fail, ok } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';
import { isStandardField, STANDARD_FIELD_TYPES, type CustomFieldSpec, type CustomFieldOutcome } from '../../engine/crm-admin-port.js';
import { applyOverrides, changedLockedPaths } from '../settings-paths.js';
import { previewRules } from '../rules-preview.js';
import { CORE_TEXTS } from '../state/notices.js';

type T = HandlerTable<CoreContext>;
type FieldResult = IpcResponse<'admin:createCustomFields'>['results'][number];

const ADMIN_ROLES = new Set(['admin', 'supervisor']);

function mayAdminister(ctx: CoreContext): boolean {
  return ctx.store.current.agent?.roles.some((r) => ADMIN_ROLES.has(r)) ?? false;
}

const notAdmin = () =>
  fail('forbidden', 'this needs the admin or supervisor role', {
    en: 'Only an admin or a supervisor can do this.',
    ko: '관리자 또는 슈퍼바이저만 할 수 있습니다.',
  });

function lockedError(paths: string[]) {
  return fail('locked', `locked by the managed configuration: ${paths.join(', ')}`, {
    en: `Your IT administrator locked these settings on this computer: ${paths.join(', ')}.`,
    ko: `IT 관리자가 이 컴퓨터에서 다음 설정을 잠갔습니다: ${paths.join(', ')}.`,
  });
}

/** Sends the settings (IT's local overrides replaced by the contact center's own values). */
async function save(ctx: CoreContext, requested: Settings) {
  const toSend = applyOverrides(requested, ctx.ccSettings() as unknown as Record<string, unknown>, ctx.managed.overridePaths);
  const ack = await ctx.command('settings.update', { settings: toSend });
  if (ack.ok) ctx.ports.log.info('settings.saved', {});
  return ack;
}

/** After fields exist, map the unmapped ones in the settings so sessions fill them (KUS-2). */
async function mapCreated(ctx: CoreContext, outcomes: CustomFieldOutcome[]): Promise<void> {
  const current = ctx.store.current.settings;
  const next = structuredClone(current);
  const mapped: string[] = [];
  for (const o of outcomes) {
    if (o.state === 'failed') continue;
    const on = STANDARD_FIELD_TYPES[o.field].on;
    const map: Record<string, string | undefined> = on === 'customer' ? next.customFields.customer : next.customFields.record;
    if (map[o.field] === o.crmName) continue;
    map[o.field] = o.crmName;
    mapped.push(o.crmName);
  }
  if (mapped.length === 0) return;
  const locked = changedLockedPaths(current, next, ctx.managed.lockedPaths);
  const ack = locked.length ? { ok: false as const, error: { code: 'locked', message: 'the field mapping is locked' } } : await save(ctx, next);
  ctx.update((s) =>
    ctx.notices.add(
      s,
      ack.ok ? { level: 'info', key: 'admin.fieldsMapped', text: CORE_TEXTS.fieldsMapped(mapped.join(', ')) } : { level: 'warning', key: 'admin.fieldsNotMapped', text: CORE_TEXTS.fieldsNotMapped(mapped.join(', '), ack.error.message) },
      ctx.now(),
    ),
  );
}

export const adminHandlers: Pick<T, 'admin:saveSettings' | 'admin:previewRules' | 'admin:createCustomFields' | 'admin:listCrmStatuses'> = {
  'admin:saveSettings': async (r, _s, ctx) => {
    if (ctx.managed.error) return fail('managed_config_invalid', ctx.managed.error, CORE_TEXTS.managedConfigInvalid(ctx.managed.error));
    const locked = changedLockedPaths(ctx.store.current.settings, r.settings, ctx.managed.lockedPaths);
    if (locked.length) return lockedError(locked);
    const ack = await save(ctx, r.settings);
    return ack.ok ? ok({}) : fail(ack.error.code, ack.error.message);
  },

  'admin:previewRules': (r, _s, ctx) => {
    const me = ctx.store.current.agent ?? { id: 'preview-agent', email: 'preview@agentdesk.invalid', name: 'Preview', roles: ['agent' as const], crmUserId: null };
    return ok(previewRules(r, { crmKind: ctx.crmKind(), defaultCountry: ctx.config.defaultCountry, me }));
  },

  'admin:createCustomFields': async (r, _s, ctx) => {
    if (!mayAdminister(ctx)) return notAdmin();
    const admin = ctx.crm.admin(ctx.crmKind());
    if (!admin.ok) return fail('crm_unavailable', admin.error);
    const settings = ctx.store.current.settings;
    const results: (FieldResult | null)[] = [];
    const specs: CustomFieldSpec[] = [];
    for (const name of r.fields) {
      if (!isStandardField(name)) {
        results.push({ field: name, crmName: '', state: 'failed', error: `"${name}" is not a KUS-2 standard field` });
        continue;
      }
      const t = STANDARD_FIELD_TYPES[name];
      const mapped = t.on === 'customer' ? settings.customFields.customer[name as StandardCustomerField] : settings.customFields.record[name as StandardRecordField];
      specs.push({ field: name, on: t.on, type: t.type, label: t.label, name: mapped || null });
      results.push(null);
    }
    const outcomes = specs.length ? await admin.port.createCustomFields(specs) : [];
    let i = 0;
    const merged = results.map((x) => x ?? (outcomes[i++] as FieldResult));
    ctx.ports.log.info('admin.custom_fields', { results: merged.map((m) => `${m.field}:${m.state}`) });
    if (outcomes.some((o) => o.state !== 'failed')) await mapCreated(ctx, outcomes);
    return ok({ results: merged });
  },

  'admin:listCrmStatuses': async (_r, _s, ctx) => {
    const admin = ctx.crm.admin(ctx.crmKind());
    if (!admin.ok) return fail('crm_unavailable', admin.error);
    try {
      return ok({ statuses: await admin.port.listUserStatuses() });
    } catch (e) {
      return fail('crm_failed', (e as Error).message);
    }
  },
};
