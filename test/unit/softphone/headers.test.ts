// SOFT-1 / PROTOCOL.md: voice sessions reach the softphone as an INVITE carrying
// `X-Session-Id: <id>`; the header name is the session's sipCallHeader.
import { describe, expect, it } from 'vitest';
import { CONSULT_HEADER, isColleague, isConsult, readSessionId, sessionHeader } from '../../../renderer/src/softphone/sip/headers.js';

const req = (headers: Record<string, string>) => ({
  getHeader: (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1],
});

describe('readSessionId', () => {
  it('reads X-Session-Id (any case), trimmed', () => {
    expect(readSessionId(req({ 'x-session-id': ' S-1001 ' }))).toBe('S-1001');
  });

  it("tries the sessions' own header names, then the default", () => {
    expect(readSessionId(req({ 'X-Call-Ref': 'S-7' }), ['X-Call-Ref'])).toBe('S-7');
    expect(readSessionId(req({ 'X-Session-Id': 'S-8' }), ['X-Call-Ref'])).toBe('S-8');
  });

  it('null when missing, empty or malformed (no separators that could smuggle anything)', () => {
    expect(readSessionId(req({}))).toBeNull();
    expect(readSessionId(req({ 'X-Session-Id': '' }))).toBeNull();
    expect(readSessionId(req({ 'X-Session-Id': 'S-1; evil=1' }))).toBeNull();
    expect(readSessionId(req({ 'X-Session-Id': 'S 1' }))).toBeNull();
    expect(readSessionId(req({ 'X-Session-Id': 'x'.repeat(101) }))).toBeNull();
  });

  it('ignores invalid candidate header names', () => {
    expect(readSessionId(req({ 'X-Session-Id': 'S-9' }), ['bad header:'])).toBe('S-9');
  });
});

describe('sessionHeader', () => {
  it('builds the extra header', () => {
    expect(sessionHeader('S-1001')).toBe('X-Session-Id: S-1001');
    expect(sessionHeader('S-1', 'X-Call-Ref')).toBe('X-Call-Ref: S-1');
  });

  it('refuses values that would break the SIP message', () => {
    expect(() => sessionHeader('S-1\r\nVia: x')).toThrow(/invalid session id/);
    expect(() => sessionHeader('S-1', 'X: Y')).toThrow(/invalid SIP header name/);
  });
});

it('recognises consultation INVITEs', () => {
  expect(isConsult(req({ [CONSULT_HEADER]: '1' }))).toBe(true);
  expect(isConsult(req({}))).toBe(false);
});

it('answers consultations only from colleagues: our domain, not a phone number', () => {
  expect(isColleague('ag-1001', 'agentdesk.test', 'agentdesk.test')).toBe(true);
  expect(isColleague('ag-1001', 'AgentDesk.test', 'agentdesk.test')).toBe(true);
  expect(isColleague('+821012345678', 'agentdesk.test', 'agentdesk.test')).toBe(false);
  expect(isColleague('ag-1001', 'evil.example', 'agentdesk.test')).toBe(false);
  expect(isColleague(undefined, 'agentdesk.test', 'agentdesk.test')).toBe(false);
});
