// The SOQL subset the emulator understands:
//   SELECT field, ... | COUNT()  FROM Object
//   [WHERE condition]  [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...]  [LIMIT n]  [OFFSET n]
// Conditions: field op value (=, !=, <>, <, <=, >, >=), field [NOT] IN (v, ...), field LIKE 'p%',
// field INCLUDES|EXCLUDES ('a;b', ...), NOT cond, ( cond ), and AND / OR, which (as in Salesforce)
// cannot be mixed at one level without parentheses. Values: 'strings' (with \ escapes), numbers,
// true/false, null, 2025-03-01, 2025-03-01T10:00:00Z, TODAY, YESTERDAY, TOMORROW,
// LAST_N_DAYS:n, NEXT_N_DAYS:n, N_DAYS_AGO:n. Anything else (relationship fields, sub-queries,
// GROUP BY, aggregate functions but COUNT(), :bind variables) is MALFORMED_QUERY.
import { errorAt, tokenize, type Token } from './lexer.js';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string }
  | { kind: 'dateConst'; name: string; n: number };

export type CmpOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export interface FieldRef {
  name: string;
  col: number;
}

export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'cmp'; field: FieldRef; op: CmpOp; value: Literal }
  | { kind: 'in'; field: FieldRef; negate: boolean; values: Literal[] }
  | { kind: 'like'; field: FieldRef; pattern: Literal }
  | { kind: 'includes'; field: FieldRef; negate: boolean; values: Literal[] };

export interface OrderItem {
  field: FieldRef;
  desc: boolean;
  nullsFirst: boolean;
}

export interface SoqlQuery {
  text: string;
  count: boolean;
  fields: FieldRef[];
  object: FieldRef;
  where: Condition | null;
  orderBy: OrderItem[];
  limit: number | null;
  offset: number | null;
}

const DATE_CONSTS = /^(TODAY|YESTERDAY|TOMORROW|LAST_N_DAYS:\d+|NEXT_N_DAYS:\d+|N_DAYS_AGO:\d+)$/i;
const RESERVED = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'in', 'like', 'includes', 'excludes', 'order', 'by', 'limit', 'offset', 'asc', 'desc', 'nulls', 'first', 'last', 'group', 'having', 'null', 'true', 'false', 'with', 'for', 'using']);

class Parser {
  private i = 0;
  constructor(
    private readonly q: string,
    private readonly t: Token[],
  ) {}

  private peek(): Token {
    return this.t[this.i] as Token;
  }
  private next(): Token {
    return this.t[this.i++] as Token;
  }
  private isPunct(p: string, tok = this.peek()): boolean {
    return tok.kind === 'punct' && tok.text === p;
  }
  private isWord(word: string, tok = this.peek()): boolean {
    return tok.kind === 'ident' && tok.text.toLowerCase() === word;
  }
  private fail(tok: Token, message?: string): never {
    throw errorAt(this.q, tok.col, message ?? (tok.kind === 'eof' ? 'unexpected end of query' : `unexpected token: '${tok.text}'`));
  }
  private word(word: string): Token {
    const tok = this.next();
    if (!this.isWord(word, tok)) this.fail(tok, tok.kind === 'eof' ? `expecting '${word.toUpperCase()}', found end of query` : `unexpected token: '${tok.text}', expecting '${word.toUpperCase()}'`);
    return tok;
  }
  private punct(p: string): void {
    const tok = this.next();
    if (!this.isPunct(p, tok)) this.fail(tok, `expecting '${p}', found '${tok.text || 'end of query'}'`);
  }
  private fieldRef(): FieldRef {
    const tok = this.next();
    if (tok.kind !== 'ident' || RESERVED.has(tok.text.toLowerCase())) this.fail(tok);
    if (tok.text.includes('.')) this.fail(tok, `relationship field '${tok.text}' is not supported by this emulator`);
    if (tok.text.includes(':')) this.fail(tok);
    return { name: tok.text, col: tok.col };
  }

  parse(): SoqlQuery {
    this.word('select');
    let count = false;
    const fields: FieldRef[] = [];
    if (this.isWord('count') && this.t[this.i + 1] && this.isPunct('(', this.t[this.i + 1])) {
      this.next();
      this.punct('(');
      this.punct(')');
      count = true;
    } else {
      do {
        if (this.isPunct('*')) this.fail(this.peek(), "unexpected token: '*' (SOQL has no SELECT *; name the fields)");
        fields.push(this.fieldRef());
        if (this.isPunct('(')) this.fail(this.peek(), 'functions other than COUNT() are not supported by this emulator');
      } while (this.isPunct(',') && this.next());
    }
    this.word('from');
    const object = this.fieldRef();
    let where: Condition | null = null;
    if (this.isWord('where')) {
      this.next();
      where = this.condition();
    }
    const orderBy: OrderItem[] = [];
    if (this.isWord('order')) {
      this.next();
      this.word('by');
      do orderBy.push(this.orderItem());
      while (this.isPunct(',') && this.next());
    }
    const limit = this.isWord('limit') ? (this.next(), this.integer()) : null;
    const offset = this.isWord('offset') ? (this.next(), this.integer()) : null;
    if (this.peek().kind !== 'eof') this.fail(this.peek());
    return { text: this.q, count, fields, object, where, orderBy, limit, offset };
  }

  private integer(): number {
    const tok = this.next();
    if (tok.kind !== 'number' || !/^\d+$/.test(tok.text)) this.fail(tok, `expecting a non-negative integer, found '${tok.text || 'end of query'}'`);
    return Number(tok.text);
  }

  private orderItem(): OrderItem {
    const field = this.fieldRef();
    let desc = false;
    if (this.isWord('asc') || this.isWord('desc')) desc = this.next().text.toLowerCase() === 'desc';
    let nullsFirst = !desc;
    if (this.isWord('nulls')) {
      this.next();
      const tok = this.next();
      if (!this.isWord('first', tok) && !this.isWord('last', tok)) this.fail(tok);
      nullsFirst = tok.text.toLowerCase() === 'first';
    }
    return { field, desc, nullsFirst };
  }

  /** AND-chains and OR-chains; mixing them at one level needs parentheses. */
  private condition(): Condition {
    const first = this.unary();
    if (!this.isWord('and') && !this.isWord('or')) return first;
    const joiner = this.peek().text.toLowerCase() as 'and' | 'or';
    const items = [first];
    while (this.isWord('and') || this.isWord('or')) {
      const tok = this.next();
      if (tok.text.toLowerCase() !== joiner) this.fail(tok, `unexpected token: '${tok.text}' (use parentheses to mix AND and OR)`);
      items.push(this.unary());
    }
    return { kind: joiner, items };
  }

  private unary(): Condition {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', item: this.unary() };
    }
    if (this.isPunct('(')) {
      this.next();
      const c = this.condition();
      this.punct(')');
      return c;
    }
    const field = this.fieldRef();
    const tok = this.next();
    if (tok.kind === 'op') return { kind: 'cmp', field, op: (tok.text === '<>' ? '!=' : tok.text) as CmpOp, value: this.literal() };
    if (this.isWord('like', tok)) return { kind: 'like', field, pattern: this.literal() };
    const negate = this.isWord('not', tok);
    const kw = negate ? this.next() : tok;
    if (this.isWord('in', kw)) return { kind: 'in', field, negate, values: this.list() };
    if (!negate && (this.isWord('includes', kw) || this.isWord('excludes', kw))) return { kind: 'includes', field, negate: this.isWord('excludes', kw), values: this.list() };
    return this.fail(kw);
  }

  private list(): Literal[] {
    this.punct('(');
    if (this.isWord('select')) this.fail(this.peek(), 'semi-join sub-queries are not supported by this emulator');
    const values: Literal[] = [];
    do values.push(this.literal());
    while (this.isPunct(',') && this.next());
    this.punct(')');
    return values;
  }

  private literal(): Literal {
    const tok = this.next();
    switch (tok.kind) {
      case 'string':
        return { kind: 'string', value: tok.text };
      case 'number':
        return { kind: 'number', value: Number(tok.text) };
      case 'date':
        return { kind: 'date', value: tok.text };
      case 'datetime':
        return { kind: 'datetime', value: tok.text };
      case 'ident': {
        const w = tok.text.toLowerCase();
        if (w === 'null') return { kind: 'null' };
        if (w === 'true' || w === 'false') return { kind: 'boolean', value: w === 'true' };
        if (DATE_CONSTS.test(tok.text)) {
          const [name, n] = tok.text.toUpperCase().split(':');
          return { kind: 'dateConst', name: name as string, n: Number(n ?? 0) };
        }
        return this.fail(tok);
      }
      default:
        return this.fail(tok);
    }
  }
}

export function parseSoql(query: string): SoqlQuery {
  const q = query.replace(/\s+/g, ' ').trim();
  return new Parser(q, tokenize(q)).parse();
}
