// The Kustomer page (SPEC 1) as a WebContentsView owned by main: its own persistent partition
// (cookies and grants never mix with ours), only the Kustomer preload (built from
// preload/kustomer-webview.ts), no permissions, navigation locked to the configured Kustomer
// origin (other https links go to the OS browser), placed where the renderer's placeholder is
// (kustomer:setBounds), navigated to popped records (state.kustomer.navigate, KUS-10).
import { session as electronSession, shell, WebContentsView, type BrowserWindow } from 'electron';
import type { AppState, KustomerApply } from '../../common/ipc/index.js';
import { MAIN_TO_KUSTOMER } from '../../common/ipc/index.js';
import type { KustomerBounds, Log } from '../app/ports.js';
import { lockKustomerNavigation } from './navigation.js';
import { isOnOrigin } from './origins.js';
import { lockKustomerSession } from './permissions.js';
import { KUSTOMER_PARTITION, kustomerViewOptions } from './web-preferences.js';

export class KustomerView {
  readonly view: WebContentsView;
  private lastNonce = -1;
  private loaded: string | null = null;

  constructor(
    private readonly win: BrowserWindow,
    private readonly origin: string,
    preload: string,
    private readonly log: Log,
    private readonly onPageGone: (viewId: string) => void,
  ) {
    const ses = electronSession.fromPartition(KUSTOMER_PARTITION);
    lockKustomerSession(ses);
    this.view = new WebContentsView(kustomerViewOptions(preload));
    const wc = this.view.webContents;
    lockKustomerNavigation(wc, origin, shell, log);
    // A new document is a new page instance: the old one is gone (SYNC-5 page count).
    wc.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) onPageGone(this.viewId);
    });
    wc.on('destroyed', () => onPageGone(this.viewId));
    this.view.setVisible(false);
    win.contentView.addChildView(this.view);
  }

  get viewId(): string {
    return `electron:${this.view.webContents.id}`;
  }

  setBounds(b: KustomerBounds): void {
    this.view.setBounds({ x: b.x, y: b.y, width: b.width, height: b.height });
    this.view.setVisible(b.visible && b.width > 0 && b.height > 0);
  }

  apply(a: KustomerApply): void {
    this.view.webContents.send(MAIN_TO_KUSTOMER, a);
  }

  /** Loads the app once, then follows `navigate` requests within the Kustomer origin. */
  follow(state: AppState): void {
    const nav = state.kustomer.navigate;
    if (nav && nav.nonce !== this.lastNonce) {
      this.lastNonce = nav.nonce;
      if (isOnOrigin(nav.url, this.origin)) {
        this.loaded = nav.url;
        void this.view.webContents.loadURL(nav.url);
        return;
      }
      this.log.warn('kustomer.navigate_refused', { url: nav.url.slice(0, 200) });
    }
    const appUrl = state.kustomer.appUrl;
    if (!this.loaded && appUrl && isOnOrigin(appUrl, this.origin)) {
      this.loaded = appUrl;
      void this.view.webContents.loadURL(appUrl);
    }
  }

  destroy(): void {
    this.win.contentView.removeChildView(this.view);
    this.view.webContents.close();
  }
}
