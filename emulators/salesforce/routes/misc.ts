// The version list (GET /services/data, no auth), the resources of a version, GET /limits, and a
// minimal OAuth 2.0 token endpoint: POST /services/oauth2/token (form-encoded; client_credentials
// or password grant) -> {access_token, instance_url, id, token_type, issued_at, signature, scope};
// POST /services/oauth2/revoke. OAuth errors use OAuth's shape {error, error_description}.
import { createHmac, randomBytes } from 'node:crypto';
import type { Reply } from '../../http-kit/index.js';
import { API_PREFIX, ok, versionOf, type Deps, type SfRouter } from '../context.js';

const oauthError = (status: number, error: string, description: string): Reply => ({ status, body: { error, error_description: description } });

function form(raw: Buffer | null): URLSearchParams {
  return new URLSearchParams(raw ? raw.toString('utf8') : '');
}

export function registerMisc(router: SfRouter, deps: Deps): void {
  const { store } = deps;

  router.get('/services/data', () =>
    ok(deps.versions.map((v) => ({ label: `API ${v}`, url: `/services/data/${v}`, version: v.slice(1) }))),
    { public: true },
  );

  router.get(API_PREFIX, (ctx) => {
    const base = `/services/data/${versionOf(ctx)}`;
    return ok({ sobjects: `${base}/sobjects`, query: `${base}/query`, queryAll: `${base}/queryAll`, composite: `${base}/composite`, limits: `${base}/limits` });
  });

  router.get(`${API_PREFIX}/limits`, () => ok(deps.limits.describe()));

  router.post('/services/oauth2/token', (ctx) => {
    const contentType = String(ctx.headers['content-type'] ?? '');
    if (!contentType.startsWith('application/x-www-form-urlencoded')) return oauthError(400, 'invalid_request', 'must use application/x-www-form-urlencoded');
    const p = form(ctx.rawBody);
    const grant = p.get('grant_type');
    if (grant !== 'client_credentials' && grant !== 'password') return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
    const client = store.oauthClients.get(p.get('client_id') ?? '');
    if (!client) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
    if (client.clientSecret !== p.get('client_secret')) return oauthError(400, 'invalid_client', 'invalid client credentials');
    let userId = client.runAsUserId;
    if (grant === 'password') {
      const login = store.logins.get((p.get('username') ?? '').toLowerCase());
      if (!login || login.password !== p.get('password')) return oauthError(400, 'invalid_grant', 'authentication failure');
      userId = login.userId;
    }
    const token = `${store.org.id}!${randomBytes(24).toString('base64url')}`;
    const issuedAt = store.clock.now();
    store.tokens.set(token, { token, userId, expiresAt: deps.sessionTtlMs === null ? null : issuedAt + deps.sessionTtlMs, revoked: false });
    const id = `${deps.baseUrl()}/id/${store.org.id}/${userId}`;
    const signature = createHmac('sha256', client.clientSecret).update(id + issuedAt).digest('base64');
    return ok({ access_token: token, instance_url: deps.baseUrl(), id, token_type: 'Bearer', issued_at: String(issuedAt), signature, scope: 'api' });
  }, { public: true, body: 'raw' });

  router.post('/services/oauth2/revoke', (ctx) => {
    const t = store.tokens.get(form(ctx.rawBody).get('token') ?? '');
    if (!t) return oauthError(400, 'unsupported_token_type', 'this token type is not supported');
    t.revoked = true;
    return { status: 200 };
  }, { public: true, body: 'raw' });
}
