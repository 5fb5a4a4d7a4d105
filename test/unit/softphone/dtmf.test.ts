// SOFT-1 DTMF: tone validation and the SIP INFO body (application/dtmf-relay).
import { describe, expect, it } from 'vitest';
import { infoBody, normalizeTones, parseInfoBody } from '../../../renderer/src/softphone/sip/dtmf.js';

describe('DTMF', () => {
  it('accepts 0-9, *, #, A-D and pauses; upper-cases; drops spaces', () => {
    expect(normalizeTones('12 3*#abcd,')).toBe('123*#ABCD,');
    expect(normalizeTones('1x')).toBeNull();
    expect(normalizeTones('')).toBeNull();
    expect(normalizeTones('1'.repeat(65))).toBeNull();
  });

  it('INFO body round trip', () => {
    expect(infoBody('5', 100)).toBe('Signal=5\r\nDuration=100\r\n');
    expect(parseInfoBody(infoBody('#', 160))).toEqual({ signal: '#', durationMs: 160 });
    expect(parseInfoBody('signal = a\nDuration=250')).toEqual({ signal: 'A', durationMs: 250 });
    expect(parseInfoBody('Signal=5')).toEqual({ signal: '5', durationMs: null });
    expect(parseInfoBody('nothing')).toBeNull();
  });
});
