// Agents and groups: GET /agents[?email=&phone=&mobile=&state=] (paginated), /agents/me (the
// agent whose API key made the call), /agents/{id}, GET /groups. Seed agent ids to match the
// contact center's agents' crmUserId: the adapter assigns tickets to them (responder_id).
import { assertKnownParams, idParam, ok, principal, type Deps, type FdCtx, type FdRouter } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { pageReply, parsePage } from '../pagination.js';
import { agentJson } from '../serialize.js';
import { samePhone, sameEmail } from '../store.js';

export function registerAgents(router: FdRouter, deps: Deps): void {
  const { store } = deps;

  router.get('/api/v2/agents', (ctx: FdCtx) => {
    principal(ctx);
    const q = ctx.query;
    assertKnownParams(q, new Set(['email', 'phone', 'mobile', 'state', 'page', 'per_page']));
    const state = q.get('state');
    if (state !== null && state !== 'fulltime' && state !== 'occasional') throw invalid('state', "It should be one of these values: 'fulltime,occasional'");
    const list = [...store.agents.values()]
      .filter((a) => {
        const email = q.get('email');
        const phone = q.get('phone');
        const mobile = q.get('mobile');
        if (email !== null && !sameEmail(a.email, email)) return false;
        if (phone !== null && !samePhone(a.phone, phone)) return false;
        if (mobile !== null && !samePhone(a.mobile, mobile)) return false;
        if (state !== null && (state === 'occasional') !== a.occasional) return false;
        return true;
      })
      .sort((a, b) => a.id - b.id);
    return pageReply(ctx, list, parsePage(q), agentJson);
  });

  router.get('/api/v2/agents/me', (ctx: FdCtx) => ok(agentJson(principal(ctx).agent)));

  router.get('/api/v2/agents/{id}', (ctx: FdCtx) => {
    principal(ctx);
    const a = store.agents.get(idParam(ctx));
    if (!a) throw notFound(`Agent ${ctx.params.id}`);
    return ok(agentJson(a));
  });

  router.get('/api/v2/groups', (ctx: FdCtx) => {
    principal(ctx);
    return pageReply(ctx, [...store.groups.values()].sort((a, b) => a.id - b.id), parsePage(ctx.query), (g) => ({ id: g.id, name: g.name, description: null, agent_ids: [...store.agents.values()].filter((a) => a.groupIds.includes(g.id)).map((a) => a.id) }));
  });
}
