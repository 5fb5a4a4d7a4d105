// SOFT-1: the SIP addresses of transfers and outbound calls, and the Refer-To the far end follows.
import { Grammar } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { agentUri, dialUri, dialUser, domainOf, parseSipUri, referToUri, replacesValue, sessionIdFromReferHeaders } from '../../../renderer/src/softphone/sip/sip-uri.js';
import { defaultSipUri } from '../../../emulators/contact-center/default-data.js';

describe('addresses', () => {
  it('parses the own URI and its domain', () => {
    expect(parseSipUri('sip:ag-1001@agentdesk.test')).toEqual({ scheme: 'sip', user: 'ag-1001', hostport: 'agentdesk.test' });
    expect(parseSipUri('<sips:a@pbx.example:5061;transport=ws>')).toEqual({ scheme: 'sips', user: 'a', hostport: 'pbx.example:5061' });
    expect(domainOf('sip:ag-1001@10.0.0.5:5060')).toBe('10.0.0.5:5060');
    expect(parseSipUri('tel:+8210')).toBeNull();
  });

  it("an agent's URI follows the contact center directory's convention", () => {
    expect(agentUri('ag-1002', 'sip:ag-1001@agentdesk.test')).toBe(defaultSipUri('ag-1002'));
    expect(agentUri('ag 1', 'sip:ag-1001@agentdesk.test')).toBeNull();
  });

  it('dialled numbers become SIP users: punctuation dropped, # escaped', () => {
    expect(dialUser('+82 10-1234-5678')).toBe('+821012345678');
    expect(dialUser('(02) 1588.1234')).toBe('0215881234');
    expect(dialUser('*77#')).toBe('*77%23');
    expect(dialUser('call me')).toBeNull();
    expect(dialUser('')).toBeNull();
    expect(dialUri('+82 10 9999 8888', 'agentdesk.test')).toBe('sip:+821099998888@agentdesk.test');
    expect(dialUri('sip:bob@example.com', 'agentdesk.test')).toBe('sip:bob@example.com');
  });
});

describe('Refer-To', () => {
  it('blind: the target with X-Session-Id as a URI header', () => {
    expect(referToUri({ target: 'sip:ag-1002@agentdesk.test', sessionId: 'S-1001' })).toBe('sip:ag-1002@agentdesk.test?X-Session-Id=S-1001');
  });

  it('attended: Replaces names the consultation as the target sees it, escaped', () => {
    const replaces = replacesValue('abc@host', 'tag-of-target', 'tag-of-transferor');
    expect(replaces).toBe('abc@host;to-tag=tag-of-target;from-tag=tag-of-transferor');
    const uri = referToUri({ target: 'sip:ag-1002@agentdesk.test', sessionId: 'S-1', replaces });
    expect(uri).toBe('sip:ag-1002@agentdesk.test?X-Session-Id=S-1&Replaces=abc%40host%3Bto-tag%3Dtag-of-target%3Bfrom-tag%3Dtag-of-transferor');
  });

  it("sip.js parses it (in angle brackets) and the transferee gets the session id back", () => {
    const uri = referToUri({ target: 'sip:ag-1002@agentdesk.test', sessionId: 'S-1', replaces: replacesValue('c', 't', 'f') });
    const parsed = Grammar.parse(`<${uri}>`, 'Refer_To') as unknown as { uri: { headers: Record<string, string[]> } } | -1;
    expect(parsed).not.toBe(-1);
    if (parsed === -1) return;
    expect(sessionIdFromReferHeaders(parsed.uri.headers)).toBe('S-1');
    expect(decodeURIComponent(parsed.uri.headers.Replaces?.[0] ?? '')).toBe('c;to-tag=t;from-tag=f');
  });

  it('refuses what would break the message', () => {
    expect(() => referToUri({ target: 'tel:+82', sessionId: 'S-1' })).toThrow(/not a SIP URI/);
    expect(() => referToUri({ target: 'sip:a@b', sessionId: 'S 1' })).toThrow(/invalid session id/);
    expect(() => referToUri({ target: 'sip:a@b', sessionId: 'S-1', headerName: 'X:Y' })).toThrow(/header name/);
  });

  it('sessionIdFromReferHeaders: any case, decoded, validated', () => {
    expect(sessionIdFromReferHeaders({ 'x-session-id': ['S%2D7'] })).toBe('S-7');
    expect(sessionIdFromReferHeaders({})).toBeNull();
    expect(sessionIdFromReferHeaders({ 'X-Session-Id': ['%E0%A4%A'] })).toBeNull();
    expect(sessionIdFromReferHeaders({ 'X-Session-Id': ['a%20b'] })).toBeNull();
  });
});
