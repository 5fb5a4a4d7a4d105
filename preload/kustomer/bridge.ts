// startKustomerBridge(): the Kustomer page side of status sync and click-to-call. It runs in the
// page (Electron: the webview preload's isolated world; browser host: a script injected into the
// proxied page), talks only through the transport it is given, and adds nothing to the page's
// JavaScript world: no globals, no DOM attributes, no elements, no storage.
import { z } from 'zod';
import type { KustomerPageMessage } from '../../common/ipc/kustomer-page.js';
import { BridgeCore } from './bridge-core.js';
import { interceptTelClicks, userFromDom, watchStatusElement, whenDomReady } from './dom.js';
import { checkedSender, type Log } from './messages.js';
import { createPageApi, type FetchLike } from './page-api.js';
import { DEFAULT_PROFILE, type KustomerPageProfile } from './profile.js';
import { parseTelHref } from './tel.js';

export interface KustomerTransport {
  /** Delivers a message to the main process (already checked against kustomerPageMessageSchema). */
  send(msg: KustomerPageMessage): void;
  /** Registers the one handler of apply requests; they arrive unchecked and are parsed here. */
  onApply(handler: (raw: unknown) => void): void;
}

export interface BridgeOptions {
  profile?: KustomerPageProfile;
  log?: Log;
}

function newInstanceId(crypto: Crypto): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function startKustomerBridge(transport: KustomerTransport, options: BridgeOptions = {}): void {
  // The host objects used later are taken now: in the browser host the bridge shares the page's
  // world and runs before the page's scripts, which could replace them afterwards.
  const win = window;
  const doc = document;
  const fetchFn = win.fetch.bind(win) as unknown as FetchLike;
  const MO = win.MutationObserver;
  const timeout = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout.bind(AbortSignal) : () => undefined;
  const now = Date.now.bind(Date);
  const log = options.log ?? ((m: string) => console.warn(m));
  const profile = options.profile ?? DEFAULT_PROFILE;
  // zod must not probe `new Function` (a CSP violation the page could observe).
  z.config({ jitless: true });

  const instanceId = newInstanceId(win.crypto);
  const send = checkedSender((msg) => transport.send(msg), log);
  const core = new BridgeCore({
    instanceId,
    api: createPageApi(fetchFn, profile, timeout),
    send,
    now,
    log,
    domUser: () => userFromDom(doc, profile.userSelector),
  });

  transport.onApply((raw) => core.apply(raw));
  interceptTelClicks(win, (href) => {
    const number = parseTelHref(href);
    if (number) send({ type: 'dial', instanceId, number });
    else log('kustomer bridge: a tel: link without a dialable number was clicked');
  });
  void core.start();
  whenDomReady(doc, () => {
    if (!doc.querySelector(profile.statusSelector)) log(`kustomer bridge: no status element (${profile.statusSelector}) yet; watching for it`);
    watchStatusElement(doc, profile.statusSelector, MO, () => core.statusMaybeChanged());
  });
  // Cheap extra checks for changes the page did not render while hidden or offline.
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'visible') core.statusMaybeChanged();
  });
  win.addEventListener('online', () => core.statusMaybeChanged());
}
