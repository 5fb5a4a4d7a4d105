// Browser host: the script the host's proxy injects into the Kustomer page, which runs in an
// iframe of AgentDesk's page. It talks to `window.parent` only, by postMessage to the configured
// parent origin, and takes apply requests only from that window and origin. The proxy serves it
// from the Kustomer page's origin (the page's CSP allows no inline script) as the first script:
//   <script src="/__agentdesk/kustomer-injected.js?parentOrigin=https%3A%2F%2Fagentdesk.example"></script>
// (or with data-parent-origin="..."). Without a valid parent origin, or outside a frame, it does nothing.
import { startKustomerBridge } from './kustomer/index.js';

function parentOriginOf(script: HTMLOrSVGScriptElement | null): string | null {
  if (!(script instanceof HTMLScriptElement)) return null;
  let configured = script.dataset.parentOrigin ?? null;
  if (!configured && script.src) configured = new URL(script.src).searchParams.get('parentOrigin');
  if (!configured) return null;
  try {
    const url = new URL(configured);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === configured ? url.origin : null;
  } catch {
    return null;
  }
}

const parentOrigin = parentOriginOf(document.currentScript);
const parentWindow = window.parent;
if (!parentOrigin) console.warn('kustomer bridge: no valid parent origin configured; the bridge is off');
else if (parentWindow === window) console.warn('kustomer bridge: the page is not framed; the bridge is off');
else {
  const post = parentWindow.postMessage.bind(parentWindow);
  startKustomerBridge({
    send: (msg) => post(msg, parentOrigin),
    onApply: (handler) => {
      window.addEventListener('message', (e: MessageEvent<unknown>) => {
        if (e.source !== parentWindow || e.origin !== parentOrigin) return;
        handler(e.data);
      });
    },
  });
}
