// The emulator's Salesforce ids (15/18 characters, checksum) and SOQL parser, as pure functions.
import { describe, expect, it } from 'vitest';
import { canonicalId, idSuffix, isSalesforceId, makeId, parseSoql, to18 } from '../../../emulators/salesforce/index.js';

describe('Salesforce ids', () => {
  it('computes the 3-character case checksum of a 15-character id', () => {
    expect(idSuffix('001D000000IqhSL')).toBe('IAZ');
    expect(to18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
    expect(idSuffix('003000000000000')).toBe('AAA');
  });

  it('accepts 15-character ids and 18-character ids with a right checksum in any case', () => {
    expect(isSalesforceId('001D000000IqhSL')).toBe(true);
    expect(isSalesforceId('001D000000IqhSLiaz')).toBe(true);
    expect(isSalesforceId('001D000000IqhSLAAA')).toBe(false);
    expect(isSalesforceId('001D000000IqhS')).toBe(false);
    expect(isSalesforceId('001D000000IqhSL-AZ')).toBe(false);
    expect(canonicalId('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
    expect(canonicalId('nope')).toBeNull();
  });

  it('makes deterministic ids with the key prefix', () => {
    expect(makeId('005', 1)).toMatch(/^0055g0000000001[A-Z0-5]{3}$/);
    expect(makeId('005', 1)).toBe(makeId('005', 1));
    expect(isSalesforceId(makeId('500', 123456789))).toBe(true);
    expect(() => makeId('5', 1)).toThrow();
  });
});

describe('SOQL parser (emulator subset)', () => {
  it('parses fields, object, nested AND/OR/NOT, IN lists, LIKE, date constants, ORDER BY, LIMIT and OFFSET', () => {
    const q = parseSoql("SELECT Id, Status FROM Case WHERE (Status IN ('New', 'Working') OR IsClosed = true) AND NOT Origin LIKE 'W%' AND CreatedDate = LAST_N_DAYS:30 ORDER BY CreatedDate DESC NULLS LAST, Id LIMIT 5 OFFSET 2");
    expect(q.fields.map((f) => f.name)).toEqual(['Id', 'Status']);
    expect(q.object.name).toBe('Case');
    expect(q.where).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'or', items: [{ kind: 'in', negate: false, values: [{ kind: 'string', value: 'New' }, { kind: 'string', value: 'Working' }] }, { kind: 'cmp', op: '=', value: { kind: 'boolean', value: true } }] },
        { kind: 'not', item: { kind: 'like' } },
        { kind: 'cmp', value: { kind: 'dateConst', name: 'LAST_N_DAYS', n: 30 } },
      ],
    });
    expect(q.orderBy.map((o) => [o.field.name, o.desc, o.nullsFirst])).toEqual([['CreatedDate', true, false], ['Id', false, true]]);
    expect([q.limit, q.offset]).toEqual([5, 2]);
  });

  it('unescapes string literals and reads numbers, null, dates and date-times', () => {
    const q = parseSoql("select id from contact where LastName = 'O\\'Brien\\n' and Amount__c > -1.5 and Email != null and Birthdate = 2020-01-31 and CreatedDate < 2026-11-21T10:00:00.000+0900");
    expect(q.where).toMatchObject({
      kind: 'and',
      items: [
        { value: { kind: 'string', value: "O'Brien\n" } },
        { op: '>', value: { kind: 'number', value: -1.5 } },
        { op: '!=', value: { kind: 'null' } },
        { value: { kind: 'date', value: '2020-01-31' } },
        { op: '<', value: { kind: 'datetime', value: '2026-11-21T10:00:00.000+0900' } },
      ],
    });
  });

  it.each([
    ["SELECT Id FROM Case WHERE A = 'x' AND B = 'y' OR C = 'z'", "unexpected token: 'OR'"],
    ['SELECT FROM Case', "unexpected token: 'FROM'"],
    ['SELECT Id FROM Case WHERE', 'unexpected end of query'],
    ["SELECT Id FROM Case WHERE Name = 'x", 'Unterminated string literal'],
    ["SELECT Id FROM Case WHERE Name = 'a\\qb'", "Illegal character sequence '\\q'"],
    ['SELECT Id FROM Case WHERE Name = :name', "unexpected token: ':'"],
    ['SELECT Id FROM Case GROUP BY Status', "unexpected token: 'GROUP'"],
    ['SELECT Id FROM Case WHERE Id IN ()', "unexpected token: ')'"],
  ])('MALFORMED_QUERY for %s', (query, text) => {
    let caught: unknown = null;
    try {
      parseSoql(query);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ status: 400, errors: [{ errorCode: 'MALFORMED_QUERY', message: expect.stringContaining(text) }] });
  });
});
