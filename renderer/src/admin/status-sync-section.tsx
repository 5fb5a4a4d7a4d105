// SYNC-1..SYNC-6 settings: on/off, direction, priority, apply at login, the Kustomer -> contact
// center mapping (statuses listed from Kustomer), and the reverse table for two-way (SYNC-3).
import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../../common/ipc/contract.js';
import { useApi, useT } from '../app/context.js';
import { STATUS_KIND_ORDER } from '../store/selectors.js';
import { CRM_NAME_KEY, STATUS_KIND_KEY } from '../ui/labels.js';
import { useAdmin } from './admin-context.js';
import { firstMapped, mappingPath, mergeMappingRows, PATHS, reversePath, type AdminForm } from './admin-form.js';
import { IssueList, LockNote, RadioGroup, SwitchField, fieldId } from './fields.js';

type CrmStatus = IpcResponse<'admin:listCrmStatuses'>['statuses'][number];
type Listing = { phase: 'loading' } | { phase: 'ready'; statuses: CrmStatus[] } | { phase: 'failed'; message: string };

async function fetchStatuses(api: ReturnType<typeof useApi>): Promise<Listing> {
  try {
    const r = await api.invoke('admin:listCrmStatuses', {});
    return r.ok ? { phase: 'ready', statuses: r.value.statuses } : { phase: 'failed', message: r.error.message };
  } catch (e) {
    return { phase: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

function useCrmStatuses() {
  const api = useApi();
  const [listing, setListing] = useState<Listing>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    void fetchStatuses(api).then((l) => {
      if (live) setListing(l);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const reload = useCallback(async () => {
    setListing({ phase: 'loading' });
    setListing(await fetchStatuses(api));
  }, [api]);
  return { listing, reload };
}

function setMapping(f: AdminForm, name: string, ccId: string): AdminForm {
  const rows = f.sync.mapping;
  const i = rows.findIndex((r) => r.name === name);
  const next = ccId === '' ? rows.filter((r) => r.name !== name) : i >= 0 ? rows.map((r) => (r.name === name ? { ...r, ccId } : r)) : [...rows, { name, ccId }];
  return { ...f, sync: { ...f.sync, mapping: next } };
}

export function StatusSyncSection() {
  const t = useT();
  const { form, update, locked, statuses, validation } = useAdmin();
  const { listing, reload } = useCrmStatuses();
  const [extra, setExtra] = useState<string[]>([]);
  const [newName, setNewName] = useState('');
  const sync = form.sync;
  const set = (patch: Partial<AdminForm['sync']>) => update((f) => ({ ...f, sync: { ...f.sync, ...patch } }));
  const crm = t(CRM_NAME_KEY[form.crm.kind]);
  const crmStatuses = listing.phase === 'ready' ? listing.statuses : [];
  const rows = mergeMappingRows(sync.mapping, [...crmStatuses.map((s) => s.name), ...extra]);
  const mappingLocked = locked(PATHS.syncMapping);
  const reverseLocked = locked(PATHS.syncReverse);
  const crmNames = [...new Set([...crmStatuses.map((s) => s.name), ...sync.mapping.map((r) => r.name), ...extra])];
  const groups = STATUS_KIND_ORDER.map((kind) => ({ kind, list: statuses.filter((s) => s.kind === kind) })).filter((g) => g.list.length > 0);

  return (
    <section className="admin-section" aria-labelledby="adm-sync" id="admin-sync">
      <h2 id="adm-sync">{t('admin.sync.title')}</h2>
      <SwitchField path={PATHS.syncEnabled} label={t('admin.sync.enabled', { crm })} help={t('admin.sync.enabledHelp', { crm })} checked={sync.enabled} onChange={(v) => set({ enabled: v })} />
      <RadioGroup
        path={PATHS.syncDirection}
        legend={t('admin.sync.direction')}
        value={sync.direction}
        onChange={(v) => set({ direction: v })}
        options={[
          { value: 'one-way', label: t('admin.sync.oneWay'), help: t('admin.sync.oneWayHelp', { crm }) },
          { value: 'two-way', label: t('admin.sync.twoWay'), help: t('admin.sync.twoWayHelp', { crm }) },
        ]}
      />
      <RadioGroup
        path={PATHS.syncPriority}
        legend={t('admin.sync.priority')}
        value={sync.priority}
        onChange={(v) => set({ priority: v })}
        options={[
          { value: 'latest', label: t('admin.sync.latest'), help: t('admin.sync.latestHelp') },
          { value: 'crm-overrides', label: t('admin.sync.crmOverrides', { crm }), help: t('admin.sync.crmOverridesHelp', { crm }) },
        ]}
      />
      <SwitchField path={PATHS.syncApplyAtLogin} label={t('admin.sync.applyAtLogin', { crm })} help={t('admin.sync.applyAtLoginHelp', { crm })} checked={sync.applyAtLogin} onChange={(v) => set({ applyAtLogin: v })} />

      <h3 id="adm-sync-map">{t('admin.sync.mapping', { crm })}</h3>
      <p className="hint">{t('admin.sync.mappingHelp', { crm })}</p>
      <LockNote path={PATHS.syncMapping} />
      <div className="row" aria-live="polite">
        {listing.phase === 'loading' && <span className="muted">{t('admin.sync.loading', { crm })}</span>}
        {listing.phase === 'failed' && (
          <>
            <span className="error">{t('admin.sync.loadFailed', { crm, error: listing.message })}</span>
            <button type="button" className="btn btn--small" onClick={() => void reload()}>
              {t('common.retry')}
            </button>
          </>
        )}
        {listing.phase === 'ready' && <span className="muted">{t('admin.sync.loaded', { crm, n: listing.statuses.length })}</span>}
      </div>
      <table className="table" aria-labelledby="adm-sync-map" data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.sync.colCrm', { crm })}</th>
            <th scope="col">{t('admin.sync.colCc')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const info = crmStatuses.find((s) => s.name === r.name);
            const path = mappingPath(r.name);
            const rowLocked = mappingLocked || locked(path);
            const invalid = (validation.errors[path]?.length ?? 0) > 0;
            return (
              <tr key={r.name} data-testid="mapping-row">
                <th scope="row">
                  {r.name}
                  <div className="muted">
                    {info ? info.statusType : listing.phase === 'ready' ? t('admin.sync.notInCrm', { crm }) : ''}
                    {info?.statusType === 'busy' && ` · ${t('admin.sync.busyNote', { crm })}`}
                  </div>
                </th>
                <td>
                  <select
                    id={fieldId(path)}
                    value={r.ccId}
                    disabled={rowLocked}
                    aria-label={t('admin.sync.mapFor', { name: r.name })}
                    aria-invalid={invalid}
                    aria-describedby={invalid ? `${fieldId(path)}-issues` : undefined}
                    onChange={(e) => update((f) => setMapping(f, r.name, e.target.value))}
                  >
                    <option value="">{t('admin.sync.unmapped')}</option>
                    {groups.map((g) => (
                      <optgroup key={g.kind} label={t(STATUS_KIND_KEY[g.kind])}>
                        {g.list.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                    {r.ccId && !statuses.some((s) => s.id === r.ccId) && <option value={r.ccId}>{r.ccId}</option>}
                  </select>
                  <IssueList path={path} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <IssueList path={PATHS.syncMapping} />
      <form
        className="row add-status"
        onSubmit={(e) => {
          e.preventDefault();
          const n = newName.trim();
          if (n && !crmNames.includes(n)) setExtra((x) => [...x, n]);
          setNewName('');
        }}
      >
        <label htmlFor="sync-add-name">{t('admin.sync.addByName', { crm })}</label>
        <input id="sync-add-name" type="text" value={newName} disabled={mappingLocked} onChange={(e) => setNewName(e.target.value)} />
        <button type="submit" className="btn btn--small" disabled={mappingLocked || !newName.trim()}>
          {t('admin.sync.add')}
        </button>
      </form>

      {sync.direction === 'two-way' && (
        <>
          <h3 id="adm-sync-rev">{t('admin.sync.reverse', { crm })}</h3>
          <p className="hint">{t('admin.sync.reverseHelp', { crm })}</p>
          <LockNote path={PATHS.syncReverse} />
          <table className="table" aria-labelledby="adm-sync-rev" data-testid="reverse-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.sync.colCc')}</th>
                <th scope="col">{t('admin.sync.colCrm', { crm })}</th>
              </tr>
            </thead>
            <tbody>
              {statuses
                .filter((s) => s.kind !== 'system')
                .map((s) => {
                  const path = reversePath(s.id);
                  const auto = firstMapped(sync.mapping, s.id);
                  const value = sync.reverse[s.id] ?? '';
                  return (
                    <tr key={s.id} data-testid="reverse-row">
                      <th scope="row">{s.name}</th>
                      <td>
                        <select
                          value={value}
                          disabled={reverseLocked || locked(path)}
                          aria-label={t('admin.sync.reverseFor', { name: s.name, crm })}
                          onChange={(e) => set({ reverse: { ...sync.reverse, [s.id]: e.target.value } })}
                        >
                          <option value="">{auto ? t('admin.sync.auto', { name: auto }) : t('admin.sync.autoNone', { crm })}</option>
                          {[...new Set([...crmNames, ...(value ? [value] : [])])].map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                        <IssueList path={path} />
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          <p className="hint">{t('admin.sync.systemNote', { crm })}</p>
        </>
      )}
    </section>
  );
}
