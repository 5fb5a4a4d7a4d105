// Salesforce emulator: the SOQL subset (WHERE with =, !=, IN, LIKE, booleans, null, dates and
// date literals, AND/OR/NOT with parentheses; ORDER BY, LIMIT, OFFSET, COUNT()), result shape and
// paging, and the errors Salesforce gives (MALFORMED_QUERY, INVALID_TYPE, INVALID_FIELD, ...).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { makeId, type SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { api, soql, start } from './helpers.js';

let e: SalesforceEmulator;
const clock = new ManualClock('2026-11-21T12:00:00Z');
let ids: Record<string, string>;
const C1 = makeId('003', 1);
const C2 = makeId('003', 2);
const C3 = makeId('003', 3);

beforeEach(async () => {
  clock.set('2026-11-21T12:00:00Z');
  e = await start({
    clock,
    queryBatchSize: 3,
    seed: {
      contacts: [
        { id: C1, createdDate: '2026-11-01T09:00:00Z', fields: { LastName: "O'Brien", Phone: '+14155550100', Email: 'ob@example.com' } },
        { id: C2, createdDate: '2026-11-10T09:00:00Z', fields: { LastName: 'Kim', Phone: '(415) 555-0100', MobilePhone: '+821012345678' } },
        { id: C3, createdDate: '2026-11-20T09:00:00Z', fields: { LastName: 'Lee', Email: 'LEE@Example.com' } },
      ],
      cases: [
        { createdDate: '2026-11-02T09:00:00Z', closedDate: '2026-11-19T08:00:00Z', fields: { Subject: 'old closed', Status: 'Closed', ContactId: C1, Origin: 'Phone' } },
        { createdDate: '2026-11-15T09:00:00Z', fields: { Subject: 'open phone', Status: 'Working', ContactId: C1, Origin: 'Phone' } },
        { createdDate: '2026-11-21T09:00:00Z', fields: { Subject: 'open chat 50%', ContactId: C2, Origin: 'Chat' } },
      ],
    },
  });
  ids = Object.fromEntries(e.store.list('Case').map((c) => [c.Subject as string, c.Id]));
});
afterEach(() => e.close());

const rows = async (q: string) => {
  const r = await soql(e, q);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.records as Array<Record<string, unknown>>;
};
const names = async (q: string) => (await rows(q)).map((r) => r.LastName ?? r.Subject);

describe('Salesforce emulator: SOQL results', () => {
  it('answers {totalSize, done, records} with attributes and only the selected fields, in order', async () => {
    const r = await soql(e, "SELECT Id, LastName FROM Contact WHERE Email = 'ob@example.com'");
    expect(r.json).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${C1}` }, Id: C1, LastName: "O'Brien" }],
    });
  });

  it('compares text case-insensitively and exactly (phone formats are different strings), with escapes, IN, NOT IN and LIKE', async () => {
    expect(await names("SELECT LastName FROM Contact WHERE Email = 'lee@example.COM'")).toEqual(['Lee']);
    expect(await names("SELECT LastName FROM Contact WHERE Phone = '+14155550100'")).toEqual(["O'Brien"]);
    expect(await names("SELECT LastName FROM Contact WHERE LastName = 'O\\'Brien'")).toEqual(["O'Brien"]);
    expect(await names("SELECT LastName FROM Contact WHERE Phone IN ('+14155550100', '(415) 555-0100') OR MobilePhone IN ('+14155550100') ORDER BY LastName")).toEqual(['Kim', "O'Brien"]);
    expect(await names("SELECT LastName FROM Contact WHERE LastName NOT IN ('kim', 'LEE')")).toEqual(["O'Brien"]);
    expect(await names("SELECT Subject FROM Case WHERE Subject LIKE 'open%' ORDER BY Subject")).toEqual(['open chat 50%', 'open phone']);
    expect(await names("SELECT Subject FROM Case WHERE Subject LIKE '%50\\%'")).toEqual(['open chat 50%']);
    expect(await names("SELECT Subject FROM Case WHERE Subject LIKE 'open _hone'")).toEqual(['open phone']);
  });

  it('filters on booleans, null, ids (15 or 18 characters), != and NOT, with parentheses mixing AND and OR', async () => {
    expect(await names('SELECT Subject FROM Case WHERE IsClosed = false ORDER BY CreatedDate DESC')).toEqual(['open chat 50%', 'open phone']);
    expect(await names('SELECT LastName FROM Contact WHERE Phone = null')).toEqual(['Lee']);
    expect(await names('SELECT LastName FROM Contact WHERE Email != null ORDER BY LastName DESC')).toEqual(["O'Brien", 'Lee']);
    expect(await names(`SELECT Subject FROM Case WHERE ContactId = '${C1.slice(0, 15)}' ORDER BY Subject`)).toEqual(['old closed', 'open phone']);
    expect(await names(`SELECT Subject FROM Case WHERE ContactId = '${C1}' AND (Status = 'Closed' OR Origin = 'Chat')`)).toEqual(['old closed']);
    expect(await names("SELECT Subject FROM Case WHERE NOT (Origin = 'Phone') ")).toEqual(['open chat 50%']);
    expect(await names("SELECT Subject FROM Case WHERE Origin <> 'Phone'")).toEqual(['open chat 50%']);
  });

  it('compares date-times with literals and date constants (UTC), and dates with date literals', async () => {
    expect(await names('SELECT Subject FROM Case WHERE CreatedDate > 2026-11-10T00:00:00Z ORDER BY CreatedDate')).toEqual(['open phone', 'open chat 50%']);
    expect(await names('SELECT Subject FROM Case WHERE CreatedDate = TODAY')).toEqual(['open chat 50%']);
    expect(await names('SELECT Subject FROM Case WHERE ClosedDate = LAST_N_DAYS:3')).toEqual(['old closed']);
    expect(await names('SELECT Subject FROM Case WHERE ClosedDate = YESTERDAY')).toEqual([]);
    expect(await names('SELECT Subject FROM Case WHERE ClosedDate = N_DAYS_AGO:2')).toEqual(['old closed']);
    expect(await names('SELECT Subject FROM Case WHERE CreatedDate < LAST_N_DAYS:7 ORDER BY CreatedDate')).toEqual(['old closed']);
    clock.advance(5 * 86_400_000);
    expect(await names('SELECT Subject FROM Case WHERE ClosedDate = LAST_N_DAYS:3')).toEqual([]);
    await api(e, 'POST', '/sobjects/Task', { Subject: 'call', ActivityDate: '2026-11-21' });
    expect((await rows('SELECT Subject FROM Task WHERE ActivityDate = 2026-11-21')).length).toBe(1);
    expect((await rows('SELECT Subject FROM Task WHERE ActivityDate > 2026-11-21')).length).toBe(0);
  });

  it('orders by several fields with NULLS FIRST/LAST, skips with OFFSET, cuts with LIMIT, counts with COUNT()', async () => {
    expect(await names('SELECT LastName FROM Contact ORDER BY Phone ASC NULLS LAST, LastName')).toEqual(['Kim', "O'Brien", 'Lee']);
    expect(await names('SELECT LastName FROM Contact ORDER BY Phone DESC NULLS FIRST')).toEqual(['Lee', "O'Brien", 'Kim']);
    expect(await names('SELECT LastName FROM Contact ORDER BY CreatedDate LIMIT 2 OFFSET 1')).toEqual(['Kim', 'Lee']);
    expect((await soql(e, 'SELECT COUNT() FROM Case WHERE IsClosed = false')).json).toEqual({ totalSize: 2, done: true, records: [] });
  });

  it('pages results above the batch size with nextRecordsUrl', async () => {
    for (let i = 0; i < 4; i++) await api(e, 'POST', '/sobjects/Contact', { LastName: `Extra ${i}` });
    const first = await soql(e, 'SELECT LastName FROM Contact ORDER BY LastName');
    expect(first.json).toMatchObject({ totalSize: 7, done: false });
    expect(first.json.records).toHaveLength(3);
    const next = await api(e, 'GET', first.json.nextRecordsUrl);
    expect(next.json).toMatchObject({ done: false, records: [{ LastName: 'Extra 3' }, { LastName: 'Kim' }, { LastName: 'Lee' }] });
    const last = await api(e, 'GET', next.json.nextRecordsUrl);
    expect(last.json).toMatchObject({ done: true, records: [{ LastName: "O'Brien" }] });
    expect(last.json.nextRecordsUrl).toBeUndefined();
    expect((await api(e, 'GET', first.json.nextRecordsUrl)).json[0].errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('reads CaseStatus rows and shows Case fields through queries as through GET', async () => {
    const first = await soql(e, 'SELECT ApiName, IsClosed, IsDefault, SortOrder FROM CaseStatus ORDER BY SortOrder');
    const statuses = [...first.json.records, ...(await api(e, 'GET', first.json.nextRecordsUrl)).json.records] as Array<Record<string, unknown>>;
    expect(statuses.map((s) => [s.ApiName, s.IsClosed, s.IsDefault])).toEqual([['New', false, true], ['Working', false, false], ['Escalated', false, false], ['Closed', true, false]]);
    const [c] = await rows(`SELECT Id, CaseNumber, Status, IsClosed, ClosedDate FROM Case WHERE Id = '${ids['old closed']}'`);
    expect(c).toMatchObject({ Status: 'Closed', IsClosed: true, ClosedDate: '2026-11-19T08:00:00.000+0000' });
  });
});

describe('Salesforce emulator: SOQL errors', () => {
  const fails = async (q: string, errorCode: string, text?: string) => {
    const r = await soql(e, q);
    expect(r.status, q).toBe(400);
    expect(r.json[0].errorCode, q).toBe(errorCode);
    if (text) expect(r.json[0].message).toContain(text);
    return r.json[0].message as string;
  };

  it('MALFORMED_QUERY for syntax outside the subset, with the position', async () => {
    const msg = await fails("SELECT Id FROM Case WHERE Status = 'New' AND IsClosed = false OR Origin = 'Web'", 'MALFORMED_QUERY', "unexpected token: 'OR'");
    expect(msg).toMatch(/ERROR at Row:1:Column:\d+/);
    await fails('SELECT * FROM Case', 'MALFORMED_QUERY');
    await fails('SELECT Id FROM', 'MALFORMED_QUERY');
    await fails('SELECT Id Case', 'MALFORMED_QUERY');
    await fails("SELECT Id FROM Case WHERE Subject = 'unterminated", 'MALFORMED_QUERY');
    await fails('SELECT Id FROM Case WHERE ContactId IN (SELECT Id FROM Contact)', 'MALFORMED_QUERY', 'semi-join');
    await fails('SELECT Contact.Name FROM Case', 'MALFORMED_QUERY', 'relationship');
    await fails('SELECT Id, MAX(CreatedDate) FROM Case', 'MALFORMED_QUERY');
    await fails('SELECT Id FROM Case LIMIT -1', 'MALFORMED_QUERY');
    await fails('SELECT Id, Id FROM Case', 'MALFORMED_QUERY', 'duplicate field');
    const empty = await api(e, 'GET', '/query?q=');
    expect(empty.json[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('INVALID_TYPE, INVALID_FIELD (unknown column, wrong value type, not filterable), INVALID_QUERY_FILTER_OPERATOR (bad id)', async () => {
    await fails('SELECT Id FROM Widget__c', 'INVALID_TYPE', "sObject type 'Widget__c' is not supported");
    await fails('SELECT Id, Shoe__c FROM Contact', 'INVALID_FIELD', "No such column 'Shoe__c' on entity 'Contact'");
    await fails("SELECT Id FROM Case WHERE IsClosed = 'false'", 'INVALID_FIELD', 'must be of type boolean');
    await fails('SELECT Id FROM Contact WHERE Phone = 4155550100', 'INVALID_FIELD', 'must be of type string');
    await fails("SELECT Id FROM Case WHERE CreatedDate > '2026-11-01'", 'INVALID_FIELD', 'must be of type dateTime');
    await fails('SELECT Id FROM Case WHERE CreatedDate > 2026-11-01', 'INVALID_FIELD', 'must be of type dateTime');
    await fails("SELECT Id FROM Case WHERE Description = 'x'", 'INVALID_FIELD', 'can not be filtered');
    await fails("SELECT Id FROM Case WHERE ContactId = 'nope'", 'INVALID_QUERY_FILTER_OPERATOR', 'invalid ID field: nope');
    await fails('SELECT Id FROM Case OFFSET 2001', 'NUMBER_OUTSIDE_VALID_RANGE');
  });
});
