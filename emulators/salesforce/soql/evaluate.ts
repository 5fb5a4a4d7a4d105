// Runs a parsed SOQL query against the store: checks the object and fields exist (INVALID_TYPE,
// INVALID_FIELD), that each value has its field's type and the field can be filtered on, then
// filters, sorts, skips, limits and projects. Text comparisons ignore case, as in SOQL; ids match
// in their 15- or 18-character form.
import { SfError } from '../errors.js';
import { canonicalId } from '../ids.js';
import type { FieldDef, ObjectDef, SObjectRecord } from '../schema/types.js';
import type { SalesforceStore } from '../store.js';
import { dateRange, inRange, storedTime } from './dates.js';
import { parseSoql, type Condition, type FieldRef, type Literal, type SoqlQuery } from './parser.js';

const TEXT = new Set(['string', 'textarea', 'phone', 'email', 'url', 'picklist', 'multipicklist']);
const MAX_OFFSET = 2000;

export interface QueryOutcome {
  totalSize: number;
  records: Record<string, unknown>[];
}

function at(q: SoqlQuery, col: number, errorCode: string, message: string): SfError {
  return SfError.of(400, errorCode, `\n${q.text}\n${' '.repeat(Math.max(0, col - 1))}^\nERROR at Row:1:Column:${col}\n${message}`);
}

class Compiled {
  constructor(
    readonly q: SoqlQuery,
    readonly def: ObjectDef,
    private readonly now: number,
  ) {}

  field(ref: FieldRef): FieldDef {
    const f = this.def.byLower.get(ref.name.toLowerCase());
    if (!f)
      throw at(this.q, ref.col, 'INVALID_FIELD', `No such column '${ref.name}' on entity '${this.def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
    return f;
  }

  /** Checks a value against its field's type; answers the value in comparable form. */
  value(ref: FieldRef, f: FieldDef, lit: Literal): unknown {
    const wrong = (type: string, quoted: boolean) =>
      at(this.q, ref.col, 'INVALID_FIELD', `value of filter criterion for field '${f.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`);
    if (lit.kind === 'null') return null;
    if (TEXT.has(f.type)) {
      if (lit.kind !== 'string') throw wrong('string', true);
      return lit.value.toLowerCase();
    }
    switch (f.type) {
      case 'id':
      case 'reference': {
        if (lit.kind !== 'string') throw wrong('string', true);
        const id = canonicalId(lit.value);
        if (!id) throw at(this.q, ref.col, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${lit.value}`);
        return id;
      }
      case 'boolean':
        if (lit.kind !== 'boolean') throw wrong('boolean', false);
        return lit.value;
      case 'int':
      case 'double':
        if (lit.kind !== 'number') throw wrong('number', false);
        return lit.value;
      case 'date':
      case 'datetime': {
        const ok = lit.kind === 'dateConst' || (f.type === 'date' ? lit.kind === 'date' : lit.kind === 'datetime');
        const r = ok ? dateRange(lit, this.now) : null;
        if (!r) throw wrong(f.type === 'date' ? 'date' : 'dateTime', false);
        return r;
      }
      default:
        throw at(this.q, ref.col, 'INVALID_FIELD', `field '${f.name}' can not be filtered in a query call`);
    }
  }

  predicate(c: Condition): (r: SObjectRecord) => boolean {
    switch (c.kind) {
      case 'and': {
        const ps = c.items.map((i) => this.predicate(i));
        return (r) => ps.every((p) => p(r));
      }
      case 'or': {
        const ps = c.items.map((i) => this.predicate(i));
        return (r) => ps.some((p) => p(r));
      }
      case 'not': {
        const p = this.predicate(c.item);
        return (r) => !p(r);
      }
      default:
        return this.leaf(c);
    }
  }

  private leaf(c: Exclude<Condition, { kind: 'and' | 'or' | 'not' }>): (r: SObjectRecord) => boolean {
    const f = this.field(c.field);
    if (!f.filterable) throw at(this.q, c.field.col, 'INVALID_FIELD', `field '${f.name}' can not be filtered in a query call`);
    const get = (r: SObjectRecord) => normalise(f, r[f.name]);
    if (c.kind === 'like') {
      if (!TEXT.has(f.type) || c.pattern.kind !== 'string') throw at(this.q, c.field.col, 'INVALID_FIELD', `invalid operator on field '${f.name}': LIKE needs a text field and a quoted pattern`);
      const re = likeRegex(c.pattern.value);
      return (r) => {
        const v = get(r);
        return typeof v === 'string' && re.test(v);
      };
    }
    if (c.kind === 'in' || c.kind === 'includes') {
      if (c.kind === 'includes' && f.type !== 'multipicklist') throw at(this.q, c.field.col, 'INVALID_FIELD', `INCLUDES and EXCLUDES work on multi-select picklists only, not on '${f.name}'`);
      const values = c.values.map((v) => this.value(c.field, f, v));
      if (f.type === 'date' || f.type === 'datetime') throw at(this.q, c.field.col, 'INVALID_FIELD', `IN on date field '${f.name}' is not supported by this emulator`);
      if (c.kind === 'includes') {
        const sets = values.map((v) => String(v).split(';'));
        return (r) => {
          const have = String(get(r) ?? '').split(';');
          const hit = sets.some((s) => s.every((x) => have.includes(x)));
          return c.negate ? !hit : hit;
        };
      }
      return (r) => (c.negate ? !values.includes(get(r)) : values.includes(get(r)));
    }
    const expected = this.value(c.field, f, c.value);
    if (expected && typeof expected === 'object') {
      const range = expected as { from: number; to: number };
      return (r) => {
        const t = storedTime(r[f.name]);
        return t === null ? c.op === '!=' : inRange(t, c.op, range);
      };
    }
    return (r) => compare(get(r), c.op, expected);
  }
}

function normalise(f: FieldDef, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' && TEXT.has(f.type) ? v.toLowerCase() : v;
}

function compare(a: unknown, op: string, b: unknown): boolean {
  if (op === '=') return a === b;
  if (op === '!=') return a !== b;
  if (a === null || b === null) return false;
  const x = a as string | number;
  const y = b as string | number;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function likeRegex(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && (pattern.charAt(i + 1) === '%' || pattern.charAt(i + 1) === '_')) src += pattern.charAt(++i);
    else if (ch === '%') src += '.*';
    else if (ch === '_') src += '.';
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 'is');
}

function sortValue(f: FieldDef, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (f.type === 'date' || f.type === 'datetime') return storedTime(v);
  return typeof v === 'string' ? v.toLowerCase() : v;
}

export function runSoql(query: string, store: SalesforceStore, opts: { version: string }): QueryOutcome {
  const q = parseSoql(query);
  const def = store.describe(q.object.name);
  if (!def || !def.queryable)
    throw at(q, q.object.col, 'INVALID_TYPE', `sObject type '${q.object.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
  const c = new Compiled(q, def, store.clock.now());
  const fields = q.fields.map((ref) => c.field(ref));
  const dup = fields.find((f, i) => fields.findIndex((g) => g.name === f.name) !== i);
  if (dup) throw at(q, q.fields[fields.lastIndexOf(dup)]?.col ?? 1, 'MALFORMED_QUERY', `duplicate field selected: ${dup.name}`);
  if (q.offset !== null && q.offset > MAX_OFFSET) throw SfError.of(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  const keep = q.where ? c.predicate(q.where) : () => true;
  const order = q.orderBy.map((o) => ({ ...o, f: c.field(o.field) }));
  let rows = store.list(def.name).filter(keep);
  if (q.count) return { totalSize: rows.length, records: [] };
  rows.sort((a, b) => {
    for (const o of order) {
      const x = sortValue(o.f, a[o.f.name]);
      const y = sortValue(o.f, b[o.f.name]);
      if (x === y) continue;
      if (x === null) return o.nullsFirst ? -1 : 1;
      if (y === null) return o.nullsFirst ? 1 : -1;
      const cmp = (x as number | string) < (y as number | string) ? -1 : 1;
      return o.desc ? -cmp : cmp;
    }
    return a.Id.localeCompare(b.Id);
  });
  rows = rows.slice(q.offset ?? 0, q.limit === null ? undefined : (q.offset ?? 0) + q.limit);
  const base = `/services/data/${opts.version}/sobjects/${def.name}`;
  const records = rows.map((r) => {
    const out: Record<string, unknown> = { attributes: { type: def.name, url: `${base}/${r.Id}` } };
    for (const f of fields) out[f.name] = f.type === 'base64' ? `${base}/${r.Id}/${f.name}` : (r[f.name] ?? null);
    return out;
  });
  return { totalSize: records.length, records };
}
