// Channels about the app itself: state, locale and preferences, notices, secrets, softphone.
import type { HandlerTable } from '../ipc-dispatch.js';
import { fail, ok } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';

type T = HandlerTable<CoreContext>;

export const appHandlers: Pick<T, 'app:getState' | 'app:setLocale' | 'prefs:set' | 'app:dismissNotice' | 'secrets:set' | 'softphone:getPassword' | 'softphone:report'> = {
  'app:getState': (_r, _s, ctx) => ok(ctx.store.snapshot()),

  'app:setLocale': (r, _s, ctx) => {
    const prefs = ctx.ports.prefs.set({ locale: r.locale });
    ctx.update((s) => {
      s.locale = prefs.locale;
      s.prefs = prefs;
    });
    return ok({});
  },

  'prefs:set': (r, _s, ctx) => {
    const prefs = ctx.ports.prefs.set(r);
    ctx.update((s) => {
      s.locale = prefs.locale;
      s.prefs = prefs;
    });
    return ok(prefs);
  },

  'app:dismissNotice': (r, _s, ctx) => {
    let found = false;
    ctx.update((s) => {
      found = ctx.notices.dismiss(s, r.id);
    });
    return found ? ok({}) : fail('not_found', `no notice ${r.id}`);
  },

  'secrets:set': (r, _s, ctx) => {
    const w = ctx.ports.secrets.set(r.name, r.value);
    if (!w.ok) {
      return fail(w.code === 'refused' ? 'secrets_refused' : 'secrets_unavailable', w.message, {
        en: `The secret was not saved: ${w.message}`,
        ko: `비밀 정보를 저장하지 않았습니다: ${w.message}`,
      });
    }
    ctx.ports.log.info('secrets.set', { name: r.name });
    ctx.secretsChanged();
    return ok({});
  },

  'softphone:getPassword': (_r, _s, ctx) => ok({ password: ctx.ports.secrets.get('sip.password') }),

  'softphone:report': (r, _s, ctx) => {
    ctx.ports.log[r.registered ? 'info' : 'warn']('softphone.report', { registered: r.registered, detail: r.detail });
    return ok({});
  },
};
