// The Salesforce adapter's pure parts: phone formats and lookup variants (KUS-8), tags in one
// field (REC-8, REC-9), case summaries (REC-1, REC-2), names, markers (REL-1), SOQL escaping,
// error text, API usage and limit delays, and the settings schema.
import { describe, expect, it } from 'vitest';
import { lookupVariants, mergeTags, readApiUsage, requestLimitDelay, salesforceAdapterSettingsSchema, soqlString, splitName, storedPhone, toSummary, withMarker, hasMarker } from '../../../main/adapters/crm/salesforce/index.js';
import { describeSalesforceError, fieldsNamedIn } from '../../../main/adapters/crm/salesforce/replies.js';
import { toSalesforceFields } from '../../../main/adapters/crm/salesforce/mapping.js';
import { queryPath } from '../../../main/adapters/crm/salesforce/soql.js';

const settings = salesforceAdapterSettingsSchema.parse({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: 't' });

describe('phone numbers (KUS-8)', () => {
  const us = { phoneE164: '+14155550100', phoneRaw: '415-555-0100' };
  it('writes the number in the admin format', () => {
    expect(storedPhone(us, 'e164')).toBe('+14155550100');
    expect(storedPhone(us, 'national')).toBe('(415) 555-0100');
    expect(storedPhone(us, 'as_dialled')).toBe('415-555-0100');
    expect(storedPhone({ phoneE164: null, phoneRaw: '1588-1234' }, 'e164')).toBe('1588-1234');
    expect(storedPhone({ phoneE164: null, phoneRaw: 'anonymous' }, 'e164')).toBeNull();
    expect(storedPhone({ phoneE164: '+14155550100', phoneRaw: null }, 'as_dialled')).toBe('+14155550100');
  });

  it('looks up the admin format first, then the usual renderings, without duplicates', () => {
    expect(lookupVariants(us, 'national')).toEqual(['(415) 555-0100', '+14155550100', '+1 415 555 0100', '4155550100', '14155550100', '415-555-0100']);
    expect(lookupVariants({ phoneE164: '+821012345678', phoneRaw: '010-1234-5678' }, 'e164')).toEqual(['+821012345678', '+82 10 1234 5678', '010-1234-5678', '01012345678', '1012345678', '821012345678']);
    expect(lookupVariants({ phoneE164: null, phoneRaw: null }, 'e164')).toEqual([]);
  });
});

describe('tags in a field (REC-8, REC-9)', () => {
  it('joins with ";" (the multi-select picklist format), merges case-insensitively and stays within 255 characters', () => {
    expect(mergeTags(null, ['Voice Inbound (IVR)', 'AgentDesk'])).toBe('Voice Inbound (IVR);AgentDesk');
    expect(mergeTags('Voice Inbound (IVR);AgentDesk', ['agentdesk', 'Recorded'])).toBe('Voice Inbound (IVR);AgentDesk;Recorded');
    expect(mergeTags('', ['a;b'])).toBe('a,b');
    const long = mergeTags(null, ['x'.repeat(200), 'y'.repeat(60), 'z']);
    expect(long).toBe(`${'x'.repeat(200)};z`);
  });
});

describe('case summaries (REC-1, REC-2)', () => {
  it('open/closed from IsClosed, ISO times from Salesforce\'s +0000 format, closedAt only when closed, stamps', () => {
    const row = { Id: '5005g0000000001AAA', IsClosed: true, Status: 'Resolved', CreatedDate: '2026-11-01T09:00:00.000+0000', ClosedDate: '2026-11-18T10:00:00.000+0000', AgentDesk_Leaf_Queue__c: 'q-billing', AgentDesk_Channel__c: 'voice', AgentDesk_Session_Id__c: 'S-1' };
    expect(toSummary(row, settings)).toEqual({ id: row.Id, status: 'closed', createdAt: '2026-11-01T09:00:00.000Z', closedAt: '2026-11-18T10:00:00.000Z', leafQueueId: 'q-billing', channel: 'voice', externalId: 'S-1', reopenable: true });
    expect(toSummary({ ...row, IsClosed: false }, settings)).toMatchObject({ status: 'open', closedAt: null });
    const byOrigin = salesforceAdapterSettingsSchema.parse({ instanceUrl: 'https://x.my.salesforce.com', accessToken: 't', channelField: null });
    expect(toSummary({ ...row, Origin: 'Chat' }, byOrigin).channel).toBe('chat');
    expect(toSummary({ ...row, AgentDesk_Channel__c: 'fax' }, settings).channel).toBeNull();
  });
});

describe('names, fields, markers, SOQL text', () => {
  it('splits a name into FirstName and LastName (LastName is required)', () => {
    expect(splitName('Carol Ann Caller')).toEqual({ FirstName: 'Carol Ann', LastName: 'Caller' });
    expect(splitName('Cher')).toEqual({ LastName: 'Cher' });
    expect(splitName('  ')).toBeNull();
  });

  it('keeps custom fields and mappable standard fields, drops other names (no request is spent on them) and AgentDesk\'s own', () => {
    const why = (n: string) => `${n}: not a custom field (Name__c) nor a writable standard Case field`;
    expect(toSalesforceFields({ Queue__c: 'a', Priority: 'High', ns__Thing__c: 1, queueNameStr: 'x', 'bad name': 1, Foo__x: 2, _x__c: 3, ContactId: 'x' }, new Set(['contactid']), 'Case')).toEqual({
      fields: { Queue__c: 'a', Priority: 'High', ns__Thing__c: 1 },
      dropped: [why('queueNameStr'), why('bad name'), why('Foo__x'), why('_x__c'), 'ContactId: written by AgentDesk itself'],
    });
    expect(toSalesforceFields({ Title: 'Dr', Priority: 'High' }, new Set(), 'Contact').fields).toEqual({ Title: 'Dr' });
  });

  it('puts the key last in the text, within the limit, and recognises it', () => {
    const text = withMarker('x'.repeat(5000), 'S-1:details', 4000);
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(hasMarker(text, 'S-1:details')).toBe(true);
    expect(hasMarker(text, 'S-1:detail')).toBe(false);
    expect(hasMarker(withMarker('', 'k', 100), 'k')).toBe(true);
    expect(hasMarker(null, 'k')).toBe(false);
  });

  it('escapes SOQL strings and keeps composite references unencoded in query paths', () => {
    expect(soqlString("O'Brien \\ \"q\"\nx")).toBe("'O\\'Brien \\\\ \\\"q\\\"\\nx'");
    expect(queryPath("SELECT Id FROM Case WHERE ContactId = '@{contacts.records[0].Id}'")).toBe("/query?q=SELECT%20Id%20FROM%20Case%20WHERE%20ContactId%20%3D%20'@{contacts.records[0].Id}'");
  });
});

describe('errors and limits', () => {
  it('describes Salesforce and OAuth errors, and finds the fields they name', () => {
    const msg = describeSalesforceError(400, [{ message: "No such column 'X__c' on sobject of type Case", errorCode: 'INVALID_FIELD', fields: [] }, { message: 'too long', errorCode: 'STRING_TOO_LONG', fields: ['Subject'] }]);
    expect(msg).toBe("INVALID_FIELD: No such column 'X__c' on sobject of type Case; STRING_TOO_LONG: too long [fields: Subject]");
    expect(fieldsNamedIn(msg ?? '')).toEqual(['X__c', 'Subject']);
    expect(describeSalesforceError(400, { error: 'invalid_grant', error_description: 'authentication failure' })).toBe('invalid_grant: authentication failure');
    expect(describeSalesforceError(500, 'nope')).toBeNull();
  });

  it('reads Sforce-Limit-Info and picks the delay after REQUEST_LIMIT_EXCEEDED', () => {
    expect(readApiUsage(new Headers({ 'sforce-limit-info': 'api-usage=110018/100000; api-bursts=1/750' }), 5)).toEqual({ used: 110018, limit: 100000, observedAt: 5 });
    expect(readApiUsage(new Headers(), 5)).toBeNull();
    const opts = { dailyLimitRetryMs: 900_000, concurrencyRetryMs: 5_000 };
    expect(requestLimitDelay('REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.', null, opts)).toBe(900_000);
    expect(requestLimitDelay('REQUEST_LIMIT_EXCEEDED: ConcurrentRequests', { used: 10, limit: 100, observedAt: 0 }, opts)).toBe(5_000);
    expect(requestLimitDelay('REQUEST_LIMIT_EXCEEDED', { used: 100, limit: 100, observedAt: 0 }, opts)).toBe(900_000);
  });

  it('settings: a token or a connected app is required; API versions before v46.0 are refused', () => {
    expect(salesforceAdapterSettingsSchema.safeParse({ instanceUrl: 'https://x.my.salesforce.com' }).success).toBe(false);
    expect(salesforceAdapterSettingsSchema.safeParse({ instanceUrl: 'https://x.my.salesforce.com', clientId: 'a', clientSecret: 'b' }).success).toBe(true);
    expect(salesforceAdapterSettingsSchema.safeParse({ instanceUrl: 'https://x.my.salesforce.com', accessToken: 't', apiVersion: 'v45.0' }).success).toBe(false);
    expect(salesforceAdapterSettingsSchema.safeParse({ instanceUrl: 'https://x.my.salesforce.com', accessToken: 't', caseExternalIdField: 'Bad Name' }).success).toBe(false);
    expect(settings).toMatchObject({ apiVersion: 'v62.0', caseExternalIdField: 'AgentDesk_Session_Id__c', origins: { voice: 'Phone', chat: 'Chat' }, logCallsAsTasks: true });
  });
});
