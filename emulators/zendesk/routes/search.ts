// GET /api/v2/search?query=... : a useful subset of Zendesk's search syntax.
//   type:ticket|user; key:value, key<value, key>value, key<=value, key>=value; -key:value negates;
//   quoted values; free words match ticket subject/description or user name/e-mail/phone.
//   Tickets: status (ordered new<open<pending<hold<solved<closed), priority, ticket_type, tags
//   (or tag), requester / requester_id / assignee (id, e-mail, or none for assignee), external_id,
//   subject, description, via, created / updated / solved (YYYY-MM-DD or ISO date-time).
//   Users: role, phone (digits; a leading * matches any stored format ending with them), email,
//   name, external_id, tags, created.
//   Sorting: order_by:<created_at|updated_at|status|priority> sort:<asc|desc>, or the sort_by /
//   sort_order parameters; default oldest first. Offset pagination, at most 1000 results.
// Search sees a record only once it is indexed (the searchLagMs option). Another key is a 400
// naming it, so a client's typo does not pass for "no results".
import { ok, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { badRequest, ZendeskError } from '../errors.js';
import { paginate } from '../pagination.js';
import { phoneMatches, sameEmail } from '../phone.js';
import { ticketJson, userJson } from '../serialize.js';
import { TICKET_STATUSES, type TicketRec, type UserRec } from '../store.js';

interface Term {
  neg: boolean;
  key: string | null;
  op: ':' | '<' | '>' | '<=' | '>=';
  value: string;
}
export type Hit = { type: 'ticket'; record: TicketRec } | { type: 'user'; record: UserRec };

const TOKEN = /(-?)([a-z_]+)(<=|>=|:|<|>)(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/g;
const TICKET_KEYS = ['status', 'priority', 'ticket_type', 'tags', 'tag', 'requester', 'requester_id', 'assignee', 'external_id', 'subject', 'description', 'via', 'created', 'updated', 'solved'];
const USER_KEYS = ['role', 'phone', 'email', 'name', 'external_id', 'tags', 'tag', 'created'];

export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  for (const m of query.matchAll(TOKEN)) {
    if (m[2]) terms.push({ neg: m[1] === '-', key: m[2], op: m[3] as Term['op'], value: m[4] ?? m[5] ?? '' });
    else terms.push({ neg: false, key: null, op: ':', value: (m[6] ?? m[7] ?? '').toLowerCase() });
  }
  return terms;
}

function compare(op: Term['op'], a: number, b: number): boolean {
  return op === ':' ? a === b : op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
}
function dateMatch(op: Term['op'], at: string | null, value: string): boolean {
  if (!at) return false;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const v = Date.parse(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(v)) throw badRequest(`Invalid date "${value}" in search query`);
  const t = Date.parse(at);
  if (op === ':') return dayOnly ? at.slice(0, 10) === value : t === v;
  return compare(op, t, op === '>' && dayOnly ? v + 86_399_999 : v);
}
const contains = (hay: string | null, needle: string) => !!hay && hay.toLowerCase().includes(needle.toLowerCase());

function userRef(deps: Deps, id: number | null, value: string): boolean {
  if (value === 'none') return id === null;
  if (/^\d+$/.test(value)) return id === Number(value);
  const u = id === null ? undefined : deps.store.users.get(id);
  return !!u && sameEmail(u.email, value);
}

function ticketTerm(deps: Deps, t: TicketRec, term: Term): boolean {
  const v = term.value;
  switch (term.key) {
    case null:
      return contains(t.subject, v) || contains(t.description, v);
    case 'status':
      return compare(term.op, TICKET_STATUSES.indexOf(t.status), TICKET_STATUSES.indexOf(v as TicketRec['status']));
    case 'priority':
      return t.priority === v;
    case 'ticket_type':
      return t.type === v;
    case 'tags':
    case 'tag':
      return t.tags.includes(v.toLowerCase());
    case 'requester':
    case 'requester_id':
      return userRef(deps, t.requester_id, v);
    case 'assignee':
      return userRef(deps, t.assignee_id, v);
    case 'external_id':
      return t.external_id === v;
    case 'subject':
      return contains(t.subject, v);
    case 'description':
      return contains(t.description, v);
    case 'via':
      return t.via.channel === v;
    case 'created':
      return dateMatch(term.op, t.created_at, v);
    case 'updated':
      return dateMatch(term.op, t.updated_at, v);
    case 'solved':
      return dateMatch(term.op, t.metrics.solved_at, v);
    default:
      return false;
  }
}

function userTerm(u: UserRec, term: Term): boolean {
  const v = term.value;
  switch (term.key) {
    case null:
      return contains(u.name, v) || contains(u.email, v) || (!!v.replace(/\D/g, '') && phoneMatches(u.phone, `*${v}`));
    case 'role':
      return u.role === v;
    case 'phone':
      return phoneMatches(u.phone, v);
    case 'email':
      return sameEmail(u.email, v);
    case 'name':
      return contains(u.name, v);
    case 'external_id':
      return u.external_id === v;
    case 'tags':
    case 'tag':
      return u.tags.includes(v.toLowerCase());
    case 'created':
      return dateMatch(term.op, u.created_at, v);
    default:
      return false;
  }
}

export function runSearch(deps: Deps, query: string, params: URLSearchParams): Hit[] {
  const { store } = deps;
  store.runAutomations();
  const terms = parseQuery(query);
  const types = terms.filter((t) => t.key === 'type').map((t) => t.value);
  let orderBy = params.get('sort_by') ?? 'created_at';
  let desc = params.get('sort_order') === 'desc';
  const filters: Term[] = [];
  for (const t of terms) {
    if (t.key === 'type') {
      if (t.value !== 'ticket' && t.value !== 'user') throw badRequest(`type:${t.value} is not supported by the emulator (ticket, user)`);
    } else if (t.key === 'order_by') orderBy = t.value;
    else if (t.key === 'sort') desc = t.value === 'desc';
    else filters.push(t);
  }
  const wantTickets = types.length === 0 || types.includes('ticket');
  const wantUsers = types.length === 0 || types.includes('user');
  for (const f of filters) {
    if (f.key === null) continue;
    const known = (wantTickets && TICKET_KEYS.includes(f.key)) || (wantUsers && USER_KEYS.includes(f.key));
    if (!known) throw new ZendeskError(400, { error: 'InvalidSearch', description: `Unsupported search field "${f.key}" for ${types.join('/') || 'tickets and users'}` });
  }
  const hits: Hit[] = [];
  const pass = (match: (term: Term) => boolean) => filters.every((f) => match(f) !== f.neg);
  if (wantTickets) for (const t of store.tickets.values()) if (store.indexed(t.created_at) && pass((f) => ticketTerm(deps, t, f))) hits.push({ type: 'ticket', record: t });
  if (wantUsers) for (const u of store.users.values()) if (store.indexed(u.created_at) && pass((f) => userTerm(u, f))) hits.push({ type: 'user', record: u });
  const key = (h: Hit): string => {
    const r = h.record as unknown as Record<string, unknown>;
    return String(r[orderBy] ?? '');
  };
  hits.sort((a, b) => {
    const c = key(a).localeCompare(key(b)) || a.record.id - b.record.id;
    return desc ? -c : c;
  });
  return hits;
}

export function registerSearch(router: ZRouter, deps: Deps): void {
  route(router, 'GET', '/api/v2/search', (ctx: ZCtx) => {
    const query = ctx.query.get('query');
    if (!query || !query.trim()) throw badRequest('query is required');
    const perPage = Math.min(Number(ctx.query.get('per_page') ?? '100') || 100, 100);
    const page = Number(ctx.query.get('page') ?? '1') || 1;
    if (page * perPage > 1000) throw new ZendeskError(422, { error: 'InvalidPageNumber', description: 'Search results are limited to 1000 (page * per_page must be at most 1000)' });
    const hits = runSearch(deps, query, ctx.query);
    const reply = paginate(ctx, hits, 'results', (h) => ({ ...(h.type === 'ticket' ? ticketJson(deps, h.record) : userJson(deps, h.record)), result_type: h.type }));
    return ok({ ...reply, facets: null });
  });
}
