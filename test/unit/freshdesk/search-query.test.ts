// The emulator's Freshdesk search language: quoting, precedence (AND binds tighter than OR),
// parentheses, operators and values, and the errors a client gets for a bad query.
import { describe, expect, it } from 'vitest';
import { parseQuery, QueryError } from '../../../emulators/freshdesk/index.js';

describe('Freshdesk search query parser (emulator)', () => {
  it('parses conditions with :, :> and :<, quoted text, integers, booleans and null', () => {
    expect(parseQuery(`"cf_agentdesk_session:'vm:7'"`)).toEqual({ kind: 'cond', field: 'cf_agentdesk_session', op: 'eq', value: { kind: 'str', v: 'vm:7' } });
    expect(parseQuery('"priority:>3"')).toEqual({ kind: 'cond', field: 'priority', op: 'gte', value: { kind: 'int', v: 3 } });
    expect(parseQuery('"cf_locked:true AND agent_id:null"')).toEqual({
      kind: 'and',
      items: [
        { kind: 'cond', field: 'cf_locked', op: 'eq', value: { kind: 'bool', v: true } },
        { kind: 'cond', field: 'agent_id', op: 'eq', value: { kind: 'null' } },
      ],
    });
  });

  it('AND binds tighter than OR; parentheses group', () => {
    const flat = parseQuery('"status:2 OR status:3 AND priority:4"');
    expect(flat).toMatchObject({ kind: 'or', items: [{ kind: 'cond' }, { kind: 'and' }] });
    const grouped = parseQuery('"(status:2 OR status:3) AND priority:4"');
    expect(grouped).toMatchObject({ kind: 'and', items: [{ kind: 'or' }, { kind: 'cond' }] });
  });

  it.each([
    ['status:2', /double quotes/],
    ['""', /empty/],
    ['"status:2 AND"', /ends unexpectedly/],
    ['"(status:2"', /missing "\)"/],
    ['"status:2)"', /unexpected text/],
    ['"status 2"', /expected ":"/],
    ['"type:Problem"', /single quotes/],
    ["\"type:'Problem\"", /unterminated/],
    ['"status:"', /missing value/],
    ['"status:2 OR OR status:3"', /unexpected OR/],
    ['"$:2"', /unexpected character/],
    [`"${'x'.repeat(513)}"`, /at most 512/],
  ])('refuses %s', (q, message) => {
    expect(() => parseQuery(q)).toThrow(QueryError);
    expect(() => parseQuery(q)).toThrow(message);
  });
});
