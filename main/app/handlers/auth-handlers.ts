// Sign-in and sign-out (addition): the core does the work (core.ts); these only hand it over.
import type { HandlerTable } from '../ipc-dispatch.js';
import { ok } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';

type T = HandlerTable<CoreContext>;

export const authHandlers: Pick<T, 'auth:signIn' | 'auth:signOut'> = {
  'auth:signIn': (r, _s, ctx) => ctx.signIn(r),
  'auth:signOut': async (_r, _s, ctx) => {
    await ctx.signOut();
    return ok({});
  },
};
