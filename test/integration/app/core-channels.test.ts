// Every channel of the contract, as the core serves it: malformed requests are `bad_request`
// values (never throws), and the app, preferences, secrets, dial-pad and shortcut channels work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, IPC_CHANNELS, ipcContract } from '../../../common/ipc/index.js';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { APP_SENDER, CoreRig, session } from './core-rig.js';

let rig: CoreRig;
beforeAll(async () => {
  rig = await CoreRig.start();
  await rig.ready();
});
afterAll(async () => {
  await rig.close();
});

const MALFORMED: unknown[] = [undefined, null, 42, 'text', [], { unexpected: true }];

describe('app core: channels', () => {
  it('the zod-free channel list (the preload allowlist) is exactly the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(ipcContract).sort());
    expect(IPC_CHANNELS).toContain('admin:saveSettings');
  });

  it.each(IPC_CHANNELS)('%s rejects malformed requests with bad_request', async (channel) => {
    for (const bad of MALFORMED) {
      const r = await rig.core.handle(channel, bad, APP_SENDER);
      expect(r, `${channel} with ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining(channel) } });
    }
  });

  it('an unknown channel is refused, also one named like an Object prototype key', async () => {
    expect(await rig.core.handle('app:format-disk', {}, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await rig.core.handle('constructor', {}, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await rig.core.handle('__proto__', {}, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('typed request fields are checked: numbers, bounds, enums', async () => {
    expect(await rig.core.handle('call:dial', { number: 'javascript:alert(1)' }, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await rig.core.handle('secrets:set', { name: 'os.password', value: 'x' }, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await rig.core.handle('record:retry', { entryId: -1 }, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await rig.core.handle('prefs:set', { ringVolume: 3 }, APP_SENDER)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('app:getState returns the whole state; app:setLocale and prefs:set persist and show', async () => {
    const s = await rig.must('app:getState', {});
    expect(s.agent?.email).toBe('agent1@acme.test');
    await rig.must('app:setLocale', { locale: 'ko' });
    const prefs = await rig.must('prefs:set', { audio: { inputDeviceId: 'mic-2' }, ringtone: 'soft', shortcuts: { answer: 'F9' } });
    expect(prefs).toMatchObject({ locale: 'ko', ringtone: 'soft', audio: { inputDeviceId: 'mic-2', outputDeviceId: null }, shortcuts: { answer: 'F9', hangUp: 'CommandOrControl+Shift+H' } });
    const after = await rig.until((x) => x.prefs?.ringtone === 'soft', 'prefs');
    expect(after.locale).toBe('ko');
  });

  it('secrets: the SIP password is stored, reported as present, and handed to the softphone', async () => {
    await rig.must('secrets:set', { name: 'sip.password', value: 'new-pass' });
    expect(await rig.must('softphone:getPassword', {})).toEqual({ password: 'new-pass' });
    expect(await rig.must('softphone:report', { registered: false, detail: '408 timeout' })).toEqual({});
    expect(rig.log.lines.some((l) => l.event === 'softphone.report' && l.level === 'warn')).toBe(true);
    // The value never reaches the log.
    expect(JSON.stringify(rig.log.lines)).not.toContain('new-pass');
  });

  it('notices can be dismissed once', async () => {
    rig.core.secondInstance();
    const s = await rig.until((x) => x.notices.some((n) => n.key === 'app.secondInstance'), 'notice');
    const id = s.notices.find((n) => n.key === 'app.secondInstance')?.id as string;
    expect(await rig.call('app:dismissNotice', { id })).toEqual({ ok: true, value: {} });
    expect(await rig.call('app:dismissNotice', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('dial requests: call:prefill, a KUS-1 click in the Kustomer page, an OS tel: link; junk is refused', async () => {
    await rig.must('call:prefill', { number: '+82 2 1588 1234' });
    const a = await rig.until((x) => x.softphone.dialRequest?.number === '+82 2 1588 1234', 'prefill');
    rig.core.kustomerPageMessage({ type: 'dial', instanceId: 'p1', number: '+1 (415) 555-0100' }, 'v1');
    const b = await rig.until((x) => x.softphone.dialRequest?.number === '+14155550100', 'page dial');
    expect(b.softphone.dialRequest?.nonce).toBeGreaterThan(a.softphone.dialRequest?.nonce ?? Infinity);
    expect(rig.core.openLink('tel:+82-10-1234-5678')).toBe(true);
    await rig.until((x) => x.softphone.dialRequest?.number === '+821012345678', 'tel link');
    expect(rig.core.openLink('tel:javascript:alert(1)')).toBe(false);
    await rig.until((x) => x.notices.some((n) => n.key === 'softphone.dialIgnored'), 'dial ignored');
  });

  it('kustomer:setBounds reaches the host port; kustomer:pageMessage is refused from Electron senders', async () => {
    await rig.must('kustomer:setBounds', { x: 10, y: 20, width: 800, height: 600, visible: true });
    expect(rig.bounds.at(-1)).toEqual({ x: 10, y: 20, width: 800, height: 600, visible: true });
    const r = await rig.call('kustomer:pageMessage', { type: 'page', instanceId: 'p9', userEmail: null, userId: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('global shortcuts: answer asks the renderer to answer the ringing session; nothing to do is false', async () => {
    expect(rig.core.shortcut('hangUp')).toBe(false);
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-9999-0000' });
    await rig.until((x) => session(x, id)?.phase === 'ringing', 'ringing');
    expect(rig.core.shortcut('answer')).toBe(true);
    const s = await rig.until((x) => x.softphone.action?.kind === 'answer', 'answer action');
    expect(s.softphone.action?.sessionId).toBe(id);
    await rig.must('session:accept', { sessionId: id });
    await rig.until((x) => session(x, id)?.phase === 'connected', 'connected');
    expect(rig.core.shortcut('hangUp')).toBe(true);
    await rig.until((x) => x.softphone.action?.kind === 'hangUp' && x.softphone.action.sessionId === id, 'hang up action');
    await rig.must('session:end', { sessionId: id });
  });

  it('session commands the contact center refuses come back as errors', async () => {
    expect(await rig.call('session:accept', { sessionId: 'S-NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await rig.call('record:open', { sessionId: 'S-NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
