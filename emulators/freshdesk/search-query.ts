// The ticket search language of GET /search/tickets?query="..." (a useful subset of Freshdesk's):
//   query  := '"' expr '"'                       (double quotes required; at most 512 characters)
//   expr   := and ('OR' and)*
//   and    := atom ('AND' atom)*
//   atom   := '(' expr ')' | field ':' value | field ':>' value | field ':<' value
//   value  := integer | 'single quoted text' | true | false | null
// Fields: status, priority, agent_id, group_id (integers), tag, type (text), created_at,
// updated_at, due_by, fr_due_by ('YYYY-MM-DD', UTC), and custom fields cf_* of the searchable
// types (text, number, checkbox, dropdown, date). :> and :< mean >= and <= (numbers and dates).
// Text matches whole values, case-insensitively. Anything else is a 400 naming the problem.
export type Value = { kind: 'int'; v: number } | { kind: 'str'; v: string } | { kind: 'bool'; v: boolean } | { kind: 'null' };
export type Op = 'eq' | 'gte' | 'lte';
export type Node = { kind: 'and' | 'or'; items: Node[] } | { kind: 'cond'; field: string; op: Op; value: Value };

export class QueryError extends Error {}

type Token = { t: 'lp' | 'rp' | 'and' | 'or' } | { t: 'cond'; field: string; op: Op; raw: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      out.push({ t: 'lp' });
      i++;
    } else if (c === ')') {
      out.push({ t: 'rp' });
      i++;
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0];
      if (!word) throw new QueryError(`unexpected character "${c}" at position ${i + 1}`);
      i += word.length;
      if (word === 'AND' || word === 'OR') {
        out.push({ t: word === 'AND' ? 'and' : 'or' });
        continue;
      }
      if (src[i] !== ':') throw new QueryError(`expected ":" after "${word}"`);
      i++;
      let op: Op = 'eq';
      if (src[i] === '>' || src[i] === '<') {
        op = src[i] === '>' ? 'gte' : 'lte';
        i++;
      }
      while (src[i] === ' ') i++;
      let raw: string;
      if (src[i] === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new QueryError(`unterminated quoted value for ${word}`);
        raw = src.slice(i, end + 1);
        i = end + 1;
      } else {
        raw = /^[^\s()]*/.exec(src.slice(i))?.[0] ?? '';
        i += raw.length;
      }
      if (raw === '') throw new QueryError(`missing value for ${word}`);
      out.push({ t: 'cond', field: word, op, raw });
    }
  }
  return out;
}

function value(raw: string): Value {
  if (raw.startsWith("'")) return { kind: 'str', v: raw.slice(1, -1) };
  if (raw === 'null') return { kind: 'null' };
  if (raw === 'true' || raw === 'false') return { kind: 'bool', v: raw === 'true' };
  if (/^-?\d+$/.test(raw)) return { kind: 'int', v: Number(raw) };
  throw new QueryError(`invalid value ${raw} (text must be in single quotes)`);
}

/** Parses the `query` parameter, quotes included. */
export function parseQuery(param: string): Node {
  if (param.length < 2 || !param.startsWith('"') || !param.endsWith('"')) throw new QueryError('the query must be enclosed in double quotes');
  const inner = param.slice(1, -1);
  if (inner.length > 512) throw new QueryError(`the query has ${inner.length} characters; at most 512 are allowed`);
  if (inner.trim() === '') throw new QueryError('the query is empty');
  const tokens = tokenize(inner);
  let pos = 0;
  const peek = () => tokens[pos];
  const atom = (): Node => {
    const tk = tokens[pos++];
    if (!tk) throw new QueryError('the query ends unexpectedly');
    if (tk.t === 'lp') {
      const e = expr();
      if (tokens[pos++]?.t !== 'rp') throw new QueryError('missing ")"');
      return e;
    }
    if (tk.t !== 'cond') throw new QueryError(`unexpected ${tk.t.toUpperCase()}`);
    return { kind: 'cond', field: tk.field, op: tk.op, value: value(tk.raw) };
  };
  const chain = (kind: 'and' | 'or', sub: () => Node): Node => {
    const items = [sub()];
    while (peek()?.t === kind) {
      pos++;
      items.push(sub());
    }
    return items.length === 1 ? (items[0] as Node) : { kind, items };
  };
  const and = () => chain('and', atom);
  const expr = (): Node => chain('or', and);
  const tree = expr();
  if (pos !== tokens.length) throw new QueryError('unexpected text after the end of the query');
  return tree;
}

/** Every condition of the tree (to check its fields before evaluating). */
export function conditions(n: Node): Extract<Node, { kind: 'cond' }>[] {
  return n.kind === 'cond' ? [n] : n.items.flatMap(conditions);
}

export function evaluate(n: Node, test: (c: Extract<Node, { kind: 'cond' }>) => boolean): boolean {
  if (n.kind === 'cond') return test(n);
  return n.kind === 'and' ? n.items.every((i) => evaluate(i, test)) : n.items.some((i) => evaluate(i, test));
}
