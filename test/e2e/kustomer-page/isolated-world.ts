// The Electron webview, as far as the bridge can tell: the real webview preload bundle
// (preload/kustomer-webview.ts) runs in an isolated world of the page (CDP
// Page.addScriptToEvaluateOnNewDocument with a world name, like contextIsolation), and its
// `electron` import is a stand-in ipcRenderer whose send() calls a CDP binding that exists in that
// world only. Apply requests are delivered by evaluating in that world. The page's main world
// sees none of it.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Plugin } from 'esbuild';
import { KUSTOMER_TO_MAIN, MAIN_TO_KUSTOMER } from '../../../common/ipc/kustomer-page.js';

export const WORLD = 'agentdesk-kustomer-preload';
const SEND_BINDING = '__agentdeskIpcSend';
const DELIVER = '__agentdeskIpcDeliver';

/** esbuild plugin: `electron` -> an ipcRenderer over the CDP binding (uses `window`: `globalThis` is remapped in the bundle). */
export const electronStandIn: Plugin = {
  name: 'electron-stand-in',
  setup(b) {
    b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'electron-stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'electron-stand-in' }, () => ({
      loader: 'js',
      contents: `
        const listeners = new Map();
        window.${DELIVER} = (channel, json) => { for (const l of listeners.get(channel) || []) l({ senderId: 0 }, JSON.parse(json)); };
        export const ipcRenderer = {
          send(channel, msg) { window.${SEND_BINDING}(JSON.stringify({ channel, msg })); },
          on(channel, listener) { listeners.set(channel, [...(listeners.get(channel) || []), listener]); return this; },
        };`,
    }));
  },
};

export interface IpcMessage {
  channel: string;
  msg: unknown;
}

/** A page with the webview preload; `ipc` lists what it sent to "main", in order. */
export class WebviewPage {
  readonly ipc: IpcMessage[] = [];
  private contextId: number | null = null;
  private mainFrameId = '';

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(context: BrowserContext, bundle: string): Promise<WebviewPage> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const wp = new WebviewPage(page, cdp);
    cdp.on('Runtime.bindingCalled', (e) => {
      if (e.name === SEND_BINDING) wp.ipc.push(JSON.parse(e.payload) as IpcMessage);
    });
    cdp.on('Runtime.executionContextCreated', (e) => {
      const aux = e.context.auxData as { frameId?: string } | undefined;
      if (e.context.name === WORLD && aux?.frameId === wp.mainFrameId) wp.contextId = e.context.id;
    });
    await cdp.send('Page.enable');
    const tree = await cdp.send('Page.getFrameTree');
    wp.mainFrameId = tree.frameTree.frame.id;
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: SEND_BINDING, executionContextName: WORLD });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: bundle, worldName: WORLD });
    return wp;
  }

  /** Messages on the one channel to main (anything else would be a bug). */
  messages(): unknown[] {
    return this.ipc.filter((m) => m.channel === KUSTOMER_TO_MAIN).map((m) => m.msg);
  }

  /** main -> page: delivers `raw` as the MAIN_TO_KUSTOMER IPC message, unchecked. */
  async apply(raw: unknown): Promise<void> {
    if (this.contextId === null) throw new Error('the preload world has not been created yet');
    const r = await this.cdp.send('Runtime.evaluate', {
      expression: `window.${DELIVER}(${JSON.stringify(MAIN_TO_KUSTOMER)}, ${JSON.stringify(JSON.stringify(raw ?? null))})`,
      contextId: this.contextId,
    });
    if (r.exceptionDetails) throw new Error(`apply failed in the preload world: ${r.exceptionDetails.text}`);
  }

  /** Evaluates in the preload's world (to show what it can see). */
  async evaluateInPreloadWorld(expression: string): Promise<unknown> {
    if (this.contextId === null) throw new Error('the preload world has not been created yet');
    const r = await this.cdp.send('Runtime.evaluate', { expression, contextId: this.contextId, returnByValue: true });
    return r.result.value;
  }
}
