// The Kustomer pane. Electron: an empty placeholder whose rectangle main uses for the Kustomer
// WebContentsView (kustomer:setBounds). Browser host: a sandboxed iframe on the host's Kustomer
// proxy origin, with the message relay of relay.ts.
import { useEffect, useRef } from 'react';
import { useApi, useAppState, useT } from '../app/context.js';
import { acceptPageMessage, boundsFromRect, navigationTarget, originOf, sameBounds, sandboxTokens, type Bounds } from './relay.js';

function ElectronPlaceholder({ visible }: { visible: boolean }) {
  const t = useT();
  const api = useApi();
  const ref = useRef<HTMLDivElement>(null);
  const last = useRef<Bounds | null>(null);

  useEffect(() => {
    const el = ref.current;
    const report = () => {
      const b = boundsFromRect(el ? el.getBoundingClientRect() : null, visible && el !== null && el.isConnected);
      if (sameBounds(last.current, b)) return;
      last.current = b;
      void api.invoke('kustomer:setBounds', b).catch(() => undefined);
    };
    report();
    const ro = new ResizeObserver(report);
    if (el) ro.observe(el);
    ro.observe(document.documentElement);
    window.addEventListener('resize', report);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', report);
      const hidden = boundsFromRect(null, false);
      last.current = hidden;
      void api.invoke('kustomer:setBounds', hidden).catch(() => undefined);
    };
  }, [api, visible]);

  return (
    <div ref={ref} className="kustomer-pane kustomer-pane--electron" data-testid="kustomer-placeholder" role="region" aria-label={t('kustomer.region')}>
      <p className="muted">{t('kustomer.loading')}</p>
    </div>
  );
}

function BrowserFrame() {
  const t = useT();
  const api = useApi();
  const { kustomer } = useAppState();
  const frame = useRef<HTMLIFrameElement>(null);
  const appUrl = kustomer.appUrl;
  const origin = originOf(appUrl);
  // Every state push is a new object (JSON over the bridge), so follow the pop by its nonce and
  // URL, not by identity: otherwise each push would reload the Kustomer page (like Electron's view,
  // which also follows the nonce).
  const navUrl = kustomer.navigate?.url ?? null;
  const navNonce = kustomer.navigate?.nonce ?? null;

  useEffect(() => {
    if (!origin) return;
    const onMessage = (e: MessageEvent) => {
      const msg = acceptPageMessage(e, { origin, frameWindow: frame.current?.contentWindow ?? null });
      if (msg) void api.invoke('kustomer:pageMessage', msg).catch(() => undefined);
    };
    window.addEventListener('message', onMessage);
    const off = api.onKustomerApply((apply) => frame.current?.contentWindow?.postMessage(apply, origin));
    return () => {
      window.removeEventListener('message', onMessage);
      off();
    };
  }, [api, origin]);

  useEffect(() => {
    if (navUrl === null || navNonce === null || !frame.current) return;
    const url = navigationTarget(navUrl, origin);
    if (url) frame.current.src = url;
  }, [navUrl, navNonce, origin]);

  if (!appUrl || !origin) {
    return (
      <div className="kustomer-pane kustomer-pane--empty" role="region" aria-label={t('kustomer.region')}>
        <p className="muted">{t('kustomer.notConfigured')}</p>
      </div>
    );
  }
  return (
    <div className="kustomer-pane" role="region" aria-label={t('kustomer.region')}>
      <iframe
        ref={frame}
        key={appUrl}
        src={appUrl}
        title={t('kustomer.frameTitle')}
        sandbox={sandboxTokens(origin, window.location.origin)}
        allow="clipboard-write"
        referrerPolicy="no-referrer"
        data-testid="kustomer-frame"
      />
    </div>
  );
}

export function KustomerPane({ visible }: { visible: boolean }) {
  const api = useApi();
  return api.host === 'electron' ? <ElectronPlaceholder visible={visible} /> : <BrowserFrame />;
}
