// POP-1: open a session's record in the Kustomer view; try a failed CRM write again.
import type { HandlerTable } from '../ipc-dispatch.js';
import { fail, ok } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';
import { findSession } from '../state/sessions-view.js';

type T = HandlerTable<CoreContext>;

export const recordHandlers: Pick<T, 'record:open' | 'record:retry'> = {
  'record:open': (r, _s, ctx) => {
    const url = ctx.records.url(r.sessionId) ?? findSession(ctx.store.current, r.sessionId)?.record?.url ?? null;
    if (!url) return fail('not_found', `session ${r.sessionId} has no record yet`);
    ctx.update((s) => ctx.navigate(s, url));
    return ok({});
  },

  'record:retry': (r, _s, ctx) => {
    if (!ctx.engine.outbox.revive(r.entryId)) return fail('not_found', `no failed write ${r.entryId}`);
    ctx.ports.log.info('record.retry', { entryId: r.entryId });
    ctx.update((s) => {
      ctx.records.revived(s, r.entryId, ctx.now().toISOString());
      s.failedWrites = ctx.engine.outbox.dead().length;
      s.pendingWrites = ctx.engine.outbox.pending().length;
    });
    return ok({});
  },
};
