// SYNC-3 / SYNC-7: main applies a status through the page's own session; the resulting change is
// reported tagged with the request's commandId (never untagged), then `applied`.
import { ALICE } from './seed.js';
import { currentStatusName, expect, isStatus, sent, statuses, test, waitForMessage } from './fixtures.js';

test.beforeEach(async ({ context, signIn }) => {
  await signIn(context, ALICE.email);
});

test('apply changes the work session, and its echo carries the commandId', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));

  await wp.apply({ type: 'apply', commandId: 'cmd-1', name: 'Meeting' });
  await waitForMessage(wp, (m) => m.type === 'applied' && m.commandId === 'cmd-1');
  expect(currentStatusName(kustomer, ALICE.id)).toBe('Meeting');
  // The tagged echo, then `applied`.
  expect(sent(wp).slice(2)).toEqual([
    { type: 'status', instanceId: sent(wp)[0]?.instanceId, name: 'Meeting', statusType: 'unavailable', origin: 'change', commandId: 'cmd-1', at: expect.any(Number) },
    { type: 'applied', instanceId: sent(wp)[0]?.instanceId, commandId: 'cmd-1' },
  ]);
  // The page itself shows it (its event stream), which the preload does not report again.
  await expect(wp.page.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Meeting');

  // A later change by someone else is reported untagged; nothing else came in between.
  kustomer.api.setUserStatus(ALICE.id, 'Email');
  await waitForMessage(wp, isStatus('Email'));
  expect(statuses(wp).map((m) => [m.name, m.commandId ?? null])).toEqual([
    ['Available', null],
    ['Meeting', 'cmd-1'],
    ['Email', null],
  ]);
  // The write went through the page's session, not an API key.
  const put = kustomer.api.requests().filter((r) => r.method === 'PUT');
  expect(put.every((r) => r.headers.authorization === undefined)).toBe(true);
});

test('apply when the agent is offline starts a work session', async ({ kustomer, openWebview }) => {
  kustomer.api.setUserStatus(ALICE.id, 'Offline');
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Offline'));
  await wp.apply({ type: 'apply', commandId: 'cmd-start', name: 'Available' });
  await waitForMessage(wp, (m) => m.type === 'applied' && m.commandId === 'cmd-start');
  expect(statuses(wp).at(-1)).toMatchObject({ name: 'Available', statusType: 'available', commandId: 'cmd-start' });
  expect(currentStatusName(kustomer, ALICE.id)).toBe('Available');
});

test('apply of the status already shown is applied without a new report', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));
  await wp.apply({ type: 'apply', commandId: 'cmd-same', name: 'Available' });
  await waitForMessage(wp, (m) => m.type === 'applied' && m.commandId === 'cmd-same');
  expect(statuses(wp)).toHaveLength(1);
  expect(kustomer.api.requests().filter((r) => r.method === 'PUT')).toEqual([]);
});

test('apply of an unknown status, or when the API refuses, is apply-failed and changes nothing', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));

  await wp.apply({ type: 'apply', commandId: 'cmd-unknown', name: 'Gardening' });
  const unknown = await waitForMessage(wp, (m) => m.type === 'apply-failed' && m.commandId === 'cmd-unknown');
  expect(unknown).toMatchObject({ error: 'Kustomer has no user status named "Gardening"' });

  kustomer.api.fault({ method: 'PUT', path: '/v1/routing/work-sessions/*', kind: 'status', status: 503, times: 1 });
  await wp.apply({ type: 'apply', commandId: 'cmd-503', name: 'Lunch' });
  const refused = await waitForMessage(wp, (m) => m.type === 'apply-failed' && m.commandId === 'cmd-503');
  expect(refused.type === 'apply-failed' && refused.error).toContain('HTTP 503');
  expect(currentStatusName(kustomer, ALICE.id)).toBe('Available');
  expect(statuses(wp)).toHaveLength(1);
});

test('a write whose reply is lost but which landed is applied, with a tagged echo', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));
  kustomer.api.fault({ method: 'PUT', path: '/v1/routing/work-sessions/*', kind: 'commit_then_drop', times: 1 });
  await wp.apply({ type: 'apply', commandId: 'cmd-lost', name: 'Lunch' });
  await waitForMessage(wp, (m) => m.type === 'applied' && m.commandId === 'cmd-lost');
  expect(sent(wp).some((m) => m.type === 'apply-failed')).toBe(false);
  expect(statuses(wp).at(-1)).toMatchObject({ name: 'Lunch', commandId: 'cmd-lost' });
});

test('malformed apply messages are ignored', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));
  const malformed: unknown[] = [
    null,
    'apply Lunch',
    42,
    [],
    {},
    { type: 'apply' },
    { type: 'apply', commandId: '', name: 'Lunch' },
    { type: 'apply', commandId: 'x'.repeat(65), name: 'Lunch' },
    { type: 'apply', commandId: 'cmd-bad', name: '' },
    { type: 'apply', commandId: 'cmd-bad', name: 'Lunch', extra: true },
    { type: 'apply', commandId: 7, name: 'Lunch' },
    { type: 'status', commandId: 'cmd-bad', name: 'Lunch' },
    { type: 'APPLY', commandId: 'cmd-bad', name: 'Lunch' },
  ];
  for (const raw of malformed) await wp.apply(raw);
  // Requests are handled in order: once this one is done, every malformed one was seen.
  await wp.apply({ type: 'apply', commandId: 'cmd-good', name: 'Email' });
  await waitForMessage(wp, (m) => m.type === 'applied' && m.commandId === 'cmd-good');
  expect(sent(wp).map((m) => m.type)).toEqual(['page', 'status', 'status', 'applied']);
  expect(statuses(wp).map((m) => [m.name, m.commandId ?? null])).toEqual([
    ['Available', null],
    ['Email', 'cmd-good'],
  ]);
  const history = kustomer.api.store.currentSession(ALICE.id)?.history.map((h) => kustomer.api.store.routingStatuses.get(h.statusId)?.name);
  expect(history).toEqual(['Available', 'Email']);
});
