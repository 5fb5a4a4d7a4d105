// The test page for the browser-host specs: the real renderer bridge (renderer/bridge) in a page
// served by the host, plus the smallest Kustomer iframe relay (what the renderer's Kustomer pane
// does): page messages from that frame's window and origin go to `kustomer:pageMessage`, apply
// requests go into the frame. Everything is exposed on `window.t` for the specs.
import { createBrowserBridge } from '../../../renderer/bridge/browser-bridge.js';
import type { AppState, KustomerApply } from '../../../common/ipc/index.js';

const api = createBrowserBridge();
const states: AppState[] = [];
const applies: KustomerApply[] = [];
let frame: HTMLIFrameElement | null = null;
let origin: string | null = null;
let nonce = -1;

api.onState((s) => {
  states.push(s);
  const appUrl = s.kustomer.appUrl;
  if (appUrl && !frame) {
    origin = new URL(appUrl).origin;
    frame = document.createElement('iframe');
    frame.id = 'kustomer';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
    frame.src = appUrl;
    document.body.append(frame);
  }
  const nav = s.kustomer.navigate;
  if (frame && nav && nav.nonce !== nonce && new URL(nav.url).origin === origin) {
    nonce = nav.nonce;
    frame.src = nav.url;
  }
});
api.onKustomerApply((a) => {
  applies.push(a);
  if (frame?.contentWindow && origin) frame.contentWindow.postMessage(a, origin);
});
window.addEventListener('message', (e) => {
  if (!frame || e.source !== frame.contentWindow || e.origin !== origin) return;
  void api.invoke('kustomer:pageMessage', e.data as never);
});

// The page's own script tries eval: the CSP (no 'unsafe-eval') must stop it.
let evalAllowed = true;
try {
  new Function('return 1')();
} catch {
  evalAllowed = false;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

Object.assign(window, { t: { api, states, applies, violations, evalAllowed, last: () => states[states.length - 1] ?? null } });
