// GET /search/tickets?query="..."&page=N: the query language of search-query.ts over what the
// search index holds (ticket changes become searchable after the configured indexing delay, as
// Freshdesk's do after "a few minutes"). 30 results a page, page 1-10, newest first;
// {total, results}. Deleted and spam tickets are not searchable.
import { assertKnownParams, ok, principal, type Deps, type FdCtx, type FdRouter } from '../context.js';
import { invalid } from '../errors.js';
import { conditions, evaluate, parseQuery, QueryError, type Node, type Op, type Value } from '../search-query.js';
import { parsePage } from '../pagination.js';
import { ticketJson } from '../serialize.js';
import type { FreshdeskStore, TicketRec } from '../store.js';

type Kind = 'int' | 'text' | 'bool' | 'date';
const STANDARD: Record<string, Kind> = { status: 'int', priority: 'int', agent_id: 'int', group_id: 'int', tag: 'text', type: 'text', created_at: 'date', updated_at: 'date', due_by: 'date', fr_due_by: 'date' };
const CUSTOM_KIND: Record<string, Kind> = { custom_text: 'text', custom_dropdown: 'text', custom_number: 'int', custom_checkbox: 'bool', custom_date: 'date' };
const PER_PAGE = 30;
const DAY = 86_400_000;

function kindOf(store: FreshdeskStore, field: string): Kind {
  const k = STANDARD[field];
  if (k) return k;
  const def = field.startsWith('cf_') ? store.ticketFieldByName(field) : null;
  const ck = def ? CUSTOM_KIND[def.type] : undefined;
  if (!ck) throw invalid('query', `${field} is not a searchable ticket field`, 'invalid_field');
  return ck;
}

function checkValue(field: string, kind: Kind, op: Op, v: Value): void {
  if (v.kind === 'null') return;
  const ok = (kind === 'int' && v.kind === 'int') || (kind === 'bool' && v.kind === 'bool') || ((kind === 'text' || kind === 'date') && v.kind === 'str');
  if (!ok) throw invalid('query', `${field} expects ${kind === 'int' ? 'an integer' : kind === 'bool' ? 'true or false' : 'a value in single quotes'}`, 'datatype_mismatch');
  if (kind === 'date' && v.kind === 'str' && !/^\d{4}-\d{2}-\d{2}$/.test(v.v)) throw invalid('query', `${field} expects a date 'YYYY-MM-DD'`);
  if (op !== 'eq' && kind !== 'int' && kind !== 'date') throw invalid('query', `${field} does not support :> or :<`);
}

function fieldValue(t: TicketRec, field: string): unknown {
  switch (field) {
    case 'agent_id':
      return t.responderId;
    case 'group_id':
      return t.groupId;
    case 'created_at':
      return t.createdAt;
    case 'updated_at':
      return t.updatedAt;
    case 'due_by':
      return t.dueBy;
    case 'fr_due_by':
      return t.frDueBy;
    case 'status':
    case 'priority':
    case 'type':
      return t[field];
    default:
      return t.customFields[field] ?? null;
  }
}

function matches(t: TicketRec, c: Extract<Node, { kind: 'cond' }>, kind: Kind): boolean {
  if (c.field === 'tag') {
    if (c.value.kind === 'null') return t.tags.length === 0;
    const want = (c.value as { v: string }).v.toLowerCase();
    return t.tags.some((x) => x.toLowerCase() === want);
  }
  const actual = fieldValue(t, c.field);
  if (c.value.kind === 'null') return actual === null || actual === undefined || actual === '';
  if (actual === null || actual === undefined) return false;
  if (kind === 'text') return String(actual).toLowerCase() === String(c.value.v).toLowerCase();
  if (kind === 'bool') return actual === c.value.v;
  const want = kind === 'date' ? Date.parse(`${String(c.value.v)}T00:00:00Z`) : (c.value.v as number);
  const have = kind === 'date' ? (typeof actual === 'string' ? Date.parse(`${actual}T00:00:00Z`) : Number(actual)) : Number(actual);
  if (kind === 'date') {
    if (c.op === 'eq') return have >= want && have < want + DAY;
    return c.op === 'gte' ? have >= want : have < want + DAY;
  }
  return c.op === 'eq' ? have === want : c.op === 'gte' ? have >= want : have <= want;
}

export function registerSearch(router: FdRouter, deps: Deps): void {
  const { store } = deps;
  router.get('/api/v2/search/tickets', (ctx: FdCtx) => {
    principal(ctx);
    assertKnownParams(ctx.query, new Set(['query', 'page']));
    const raw = ctx.query.get('query');
    if (raw === null) throw invalid('query', 'Mandatory attribute missing', 'missing_field');
    let tree: Node;
    try {
      tree = parseQuery(raw);
    } catch (e) {
      if (e instanceof QueryError) throw invalid('query', `Given query is invalid: ${e.message}`);
      throw e;
    }
    const kinds = new Map<Extract<Node, { kind: 'cond' }>, Kind>();
    for (const c of conditions(tree)) {
      const kind = kindOf(store, c.field);
      checkValue(c.field, kind, c.op, c.value);
      kinds.set(c, kind);
    }
    const { page } = parsePage(ctx.query, { maxPage: 10 });
    const hits = store
      .searchable()
      .filter((t) => !t.deleted && !t.spam && evaluate(tree, (c) => matches(t, c, kinds.get(c) ?? 'text')))
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    const results = hits.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((t) => ticketJson(store, deps.baseUrl(), t, { description: true }));
    return ok({ total: hits.length, results });
  });
}
