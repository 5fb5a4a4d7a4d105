// The Kustomer view: its place in the window (Electron) and page messages relayed by the renderer
// (browser host only; in Electron the page talks over its own preload channel, never the app's).
import type { HandlerTable } from '../ipc-dispatch.js';
import { fail, ok } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';

type T = HandlerTable<CoreContext>;

/** The view id of the page a browser-host connection shows. */
export const browserViewId = (connectionId: string): string => `browser:${connectionId}`;

export const kustomerHandlers: Pick<T, 'kustomer:setBounds' | 'kustomer:pageMessage'> = {
  'kustomer:setBounds': (r, _s, ctx) => {
    ctx.ports.kustomerPage.setBounds?.(r);
    return ok({});
  },

  'kustomer:pageMessage': (r, sender, ctx) => {
    if (sender.host !== 'browser') return fail('forbidden', 'kustomer:pageMessage is the browser host relay; the Electron Kustomer view uses its own channel');
    const res = ctx.bridge.message(r, browserViewId(sender.id));
    return res.ok ? ok({}) : fail('bad_request', res.error);
  },
};
