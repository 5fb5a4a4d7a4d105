// startKustomerPage(): Kustomer's agent web app, where status sync needs it, mounted on the
// Kustomer API emulator's own server (same origin as the API, like a signed-in web app):
//   GET /login, POST /login (by e-mail; httpOnly session cookie), POST /logout
//   GET /app, /app/conversations/{id}, /app/customers/{id}   the app shell (views render client-side)
//   GET /app/api/events          server-sent events: snapshot, status, instances
//   GET /app/api/instances       open pages of the signed-in user
//   POST /app/api/work-sessions  {status}: start (or change) the user's session, as the web app
//                                does when an offline user picks a status (no documented endpoint)
// The app script calls the /v1 API with the session cookie (same origin only; see web-sessions.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http-kit/index.js';
import type { KCtx, KRouter, KustomerEmulator, KustomerOptions } from '../kustomer/index.js';
import { startKustomer } from '../kustomer/index.js';
import { ApiError, errorReply } from '../kustomer/errors.js';
import { workSessionResource } from '../kustomer/serialize-misc.js';
import { APP_CSS, appScript, securityHeaders } from './assets.js';
import { EventHub, type InstancesListener } from './events.js';
import { appHtml, loginHtml } from './html.js';
import { currentView, sessionView } from './status-view.js';
import { clearedSessionCookie, isSameOrigin, SESSION_COOKIE, sessionCookie, WebSessions } from './web-sessions.js';

export interface KustomerPageOptions {
  /** CSP `frame-ancestors` source list (default `'self'`): who may frame the page. */
  frameAncestors?: string;
}

export interface KustomerPage {
  /** The origin (the API emulator's URL). */
  url: string;
  appUrl: string;
  loginUrl: string;
  conversationUrl(id: string): string;
  customerUrl(id: string): string;
  /** Open pages (event streams) of a user: more than one means Kustomer is open twice. */
  instances(userId: string): number;
  onInstancesChange(listener: InstancesListener): () => void;
  /** Signs a user in without the form (tests): the cookie to give the browser, or null if unknown. */
  signIn(email: string): { name: string; value: string } | null;
  /** Ends every open event stream. */
  close(): void;
}

const safeNext = (next: string | null | undefined) => (next && /^\/app(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/app');

export async function startKustomerPage(opts: { api: KustomerEmulator } & KustomerPageOptions): Promise<KustomerPage> {
  const { api } = opts;
  const { store } = api;
  const script = await appScript();
  const headers = securityHeaders(opts.frameAncestors ?? "'self'");
  const sessions = new WebSessions(() => store.now());
  const hub = new EventHub();

  api.onWorkSessionChange((change) => hub.publish(change.session.userId, 'status', sessionView(store, change.session)));

  const signedIn = (req: IncomingMessage) => {
    const session = sessions.fromHeaders(req.headers);
    const user = session ? store.users.get(session.userId) : undefined;
    return session && user ? { session, user } : null;
  };

  const send = (res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
    res.end(body);
  };
  const redirect = (res: ServerResponse, location: string, extra: Record<string, string> = {}) => {
    res.writeHead(303, { ...headers, location, 'content-length': '0', ...extra });
    res.end();
  };
  const html = 'text/html; charset=utf-8';

  async function postLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isSameOrigin(req.headers)) return send(res, 403, loginHtml({ next: '/app', error: 'Sign-in must come from this page.' }), html);
    const body = await readBody(req, 8 * 1024);
    const form = new URLSearchParams(body.ok ? body.body.toString('utf8') : '');
    const email = (form.get('email') ?? '').trim();
    const next = safeNext(form.get('next'));
    if (!email) return send(res, 400, loginHtml({ next, error: 'Enter your work e-mail address.' }), html);
    const user = store.userByEmail(email);
    if (!user || user.userType !== 'user')
      return send(res, 401, loginHtml({ next, email, error: `No Kustomer user has the e-mail address ${email}. Check the address or ask your Kustomer admin.` }), html);
    const session = sessions.create(user);
    redirect(res, next, { 'set-cookie': sessionCookie(session.token) });
  }

  function raw(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://page.local');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const me = () => signedIn(req);

    if (path === '/' && method === 'GET') return (redirect(res, '/app'), true);
    if (path === '/assets/kustomer-page.js' && method === 'GET') return (send(res, 200, script, 'text/javascript; charset=utf-8'), true);
    if (path === '/assets/kustomer-page.css' && method === 'GET') return (send(res, 200, APP_CSS, 'text/css; charset=utf-8'), true);
    if (path === '/login' && method === 'GET') {
      const next = safeNext(url.searchParams.get('next'));
      if (me()) redirect(res, next);
      else send(res, 200, loginHtml({ next }), html);
      return true;
    }
    if (path === '/login' && method === 'POST') {
      postLogin(req, res).catch((e: unknown) => send(res, 500, String(e), 'text/plain'));
      return true;
    }
    if (path === '/logout' && method === 'POST') {
      const who = me();
      if (!isSameOrigin(req.headers)) return (send(res, 403, 'Forbidden', 'text/plain'), true);
      if (who) {
        sessions.end(who.session);
        hub.endSession(who.session.id);
      }
      redirect(res, '/login', { 'set-cookie': clearedSessionCookie });
      return true;
    }
    if (path === '/app/api/events' && method === 'GET') {
      const who = me();
      if (!who || !isSameOrigin(req.headers)) return (send(res, 401, JSON.stringify(errorReply(401, 'Not signed in').body), 'application/json'), true);
      hub.open(res, who.user.id, who.session.id, (count) => ({ status: currentView(store, who.user.id), instances: count }));
      return true;
    }
    if ((path === '/app' || (path.startsWith('/app/') && !path.startsWith('/app/api/'))) && method === 'GET') {
      const who = me();
      if (!who) redirect(res, `/login?next=${encodeURIComponent(path + url.search)}`);
      else send(res, 200, appHtml(who.user, store.org.name), html);
      return true;
    }
    return false;
  }

  function routes(router: KRouter): void {
    const webUser = (ctx: KCtx) => {
      const p = ctx.principal;
      if (!p || !p.key.key.startsWith('web-session:')) throw ApiError.of(403, 'Only the Kustomer web app (signed-in session) may use this endpoint');
      return p.user;
    };
    router.get('/app/api/instances', (ctx: KCtx) => ({ status: 200, body: { data: { count: hub.count(webUser(ctx).id) } } }));
    router.post('/app/api/work-sessions', (ctx: KCtx) => {
      const user = webUser(ctx);
      const status = (ctx.body as { status?: unknown } | undefined)?.status;
      if (typeof status !== 'string' || !status) throw ApiError.of(400, 'status (a routing status id) is required', { source: { pointer: '/status' } });
      const session = api.routing.setUserStatus(user.id, status, 'api');
      return { status: 200, body: { data: session ? workSessionResource(store, session) : null } };
    });
  }

  api.extend({
    raw,
    routes,
    authenticate(ctx) {
      const session = sessions.fromHeaders(ctx.headers);
      const user = session ? store.users.get(session.userId) : undefined;
      if (!session || !user || !isSameOrigin(ctx.headers)) return null;
      return sessions.principal(session, user);
    },
  });

  return {
    url: api.url,
    appUrl: `${api.url}/app`,
    loginUrl: `${api.url}/login`,
    conversationUrl: (id) => `${api.url}/app/conversations/${encodeURIComponent(id)}`,
    customerUrl: (id) => `${api.url}/app/customers/${encodeURIComponent(id)}`,
    instances: (userId) => hub.count(userId),
    onInstancesChange: (l) => hub.onInstancesChange(l),
    signIn(email) {
      const user = store.userByEmail(email);
      if (!user || user.userType !== 'user') return null;
      return { name: SESSION_COOKIE, value: sessions.create(user).token };
    },
    close: () => hub.close(),
  };
}

/** The API emulator with the page mounted on it; `close` stops both. */
export async function startKustomerWithPage(opts: KustomerOptions & { page?: KustomerPageOptions } = {}): Promise<{ api: KustomerEmulator; page: KustomerPage; close(): Promise<void> }> {
  const { page: pageOpts, ...apiOpts } = opts;
  const api = await startKustomer(apiOpts);
  const page = await startKustomerPage({ api, ...pageOpts });
  return {
    api,
    page,
    close: async () => {
      page.close();
      await api.close();
    },
  };
}
