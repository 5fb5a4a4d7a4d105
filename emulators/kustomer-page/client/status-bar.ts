// The user-status dropdown at the bottom left. It shows what the server confirms: the snapshot
// and status events of the page's event stream, and the replies to its own changes. The footer
// carries the confirmed status as data-status-id/-name/-type, changed only when it changes.
import { ApiFailure, call, getList, str, type Resource } from './api.js';
import { required, setAttr } from './dom.js';
import type { StatusView } from '../wire-types.js';

export async function startStatusBar(): Promise<void> {
  const footer = required<HTMLElement>('[data-testid="user-status"]');
  const select = required<HTMLSelectElement>('[data-testid="user-status-select"]');
  const error = required<HTMLElement>('[data-testid="user-status-error"]');
  const warning = required<HTMLElement>('[data-testid="instances-warning"]');
  let current: StatusView | null = null;

  const statuses: Resource[] = await getList('/v1/routing/statuses?pageSize=100');
  for (const s of statuses) {
    const option = document.createElement('option');
    option.value = s.id;
    option.textContent = str(s.attributes.name);
    option.dataset.statusType = str(s.attributes.statusType);
    // Busy is set by Kustomer itself during work; agents cannot pick it.
    option.disabled = s.attributes.statusType === 'busy';
    select.append(option);
  }

  const show = (view: StatusView) => {
    current = view;
    select.value = view.statusId;
    setAttr(footer, 'data-status-id', view.statusId);
    setAttr(footer, 'data-status-name', view.name);
    setAttr(footer, 'data-status-type', view.statusType);
  };
  const showInstances = (count: number) => {
    setAttr(footer, 'data-instances', String(count));
    warning.hidden = count <= 1;
    warning.textContent = count > 1 ? `Kustomer is open ${count} times for your user (tabs, windows or apps). Status sync needs exactly one.` : '';
  };

  select.addEventListener('change', () => {
    const statusId = select.value;
    const before = current;
    select.disabled = true;
    error.hidden = true;
    const write =
      before?.sessionId && before.active
        ? call<{ data: Resource }>('PUT', `/v1/routing/work-sessions/${before.sessionId}`, { status: statusId })
        : call<{ data: Resource | null }>('POST', '/app/api/work-sessions', { status: statusId });
    write
      .then((r) => {
        const session = r.data;
        const option = [...select.options].find((o) => o.value === statusId);
        if (session && option)
          show({
            sessionId: session.attributes.active === true ? session.id : null,
            active: session.attributes.active === true,
            statusId,
            name: option.textContent ?? statusId,
            statusType: option.dataset.statusType ?? '',
            changedAt: str(session.attributes.statusChangedAt) || null,
          });
        else if (before) show(before);
      })
      .catch((e: unknown) => {
        if (before) show(before);
        error.textContent = `Your status was not changed: ${e instanceof ApiFailure || e instanceof Error ? e.message : String(e)}`;
        error.hidden = false;
      })
      .finally(() => {
        select.disabled = false;
      });
  });

  const events = new EventSource('/app/api/events');
  events.addEventListener('snapshot', (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data) as { status: StatusView; instances: number };
    show(data.status);
    showInstances(data.instances);
    select.disabled = false;
  });
  events.addEventListener('status', (e) => show(JSON.parse((e as MessageEvent<string>).data) as StatusView));
  events.addEventListener('instances', (e) => showInstances((JSON.parse((e as MessageEvent<string>).data) as { count: number }).count));
}
