// SOFT-1 hold/resume: the SDP direction modifiers used with sip.js re-INVITEs.
import { describe, expect, it } from 'vitest';
import { holdDirection, holdModifier, mediaDirections, once, resumeDirection, resumeModifier, rewriteDirections } from '../../../renderer/src/softphone/sip/sdp-direction.js';

// An audio offer as Chromium writes it (trimmed), CRLF line ends.
const OFFER = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 126',
  'c=IN IP4 0.0.0.0',
  'a=ice-ufrag:abcd',
  'a=mid:0',
  'a=sendrecv',
  'a=rtpmap:111 opus/48000/2',
  'a=rtpmap:126 telephone-event/8000',
  '',
].join('\r\n');

describe('directions', () => {
  it('hold keeps what we send and stops what we receive (RFC 3264 8.4)', () => {
    expect(holdDirection('sendrecv')).toBe('sendonly');
    expect(holdDirection('sendonly')).toBe('sendonly');
    expect(holdDirection('recvonly')).toBe('inactive');
    expect(holdDirection('inactive')).toBe('inactive');
  });

  it('resume undoes hold', () => {
    for (const d of ['sendrecv', 'recvonly'] as const) expect(resumeDirection(holdDirection(d))).toBe(d);
  });
});

describe('mediaDirections / rewriteDirections', () => {
  it('reads each media section', () => {
    expect(mediaDirections(OFFER)).toEqual(['sendrecv']);
    expect(mediaDirections(OFFER.replace('a=sendrecv', 'a=recvonly'))).toEqual(['recvonly']);
  });

  it('rewrites in place and keeps everything else byte for byte', () => {
    const held = rewriteDirections(OFFER, holdDirection);
    expect(held).toBe(OFFER.replace('a=sendrecv', 'a=sendonly'));
    expect(held.endsWith('\r\n')).toBe(true);
  });

  it('adds the attribute when the direction was implicit (sendrecv), after c=', () => {
    const implicit = OFFER.replace('a=sendrecv\r\n', '');
    const held = rewriteDirections(implicit, holdDirection);
    expect(held.split('\r\n').slice(5, 8)).toEqual(['m=audio 9 UDP/TLS/RTP/SAVPF 111 126', 'c=IN IP4 0.0.0.0', 'a=sendonly']);
  });

  it('moves a session-level direction into each media section', () => {
    const two = 'v=0\r\na=recvonly\r\nm=audio 1 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\nm=audio 2 RTP/AVP 0\r\na=sendrecv\r\n';
    const out = rewriteDirections(two, holdDirection);
    expect(mediaDirections(out)).toEqual(['inactive', 'sendonly']);
    expect(out.startsWith('v=0\r\nm=audio')).toBe(true);
  });

  it('works with LF line ends', () => {
    expect(mediaDirections(rewriteDirections(OFFER.replace(/\r\n/g, '\n'), holdDirection))).toEqual(['sendonly']);
  });
});

describe('modifiers', () => {
  it('hold and resume as sip.js modifiers', async () => {
    const held = await holdModifier({ type: 'offer', sdp: OFFER });
    expect(held.type).toBe('offer');
    expect(mediaDirections(held.sdp ?? '')).toEqual(['sendonly']);
    expect(mediaDirections((await resumeModifier(held)).sdp ?? '')).toEqual(['sendrecv']);
  });

  it('reject a description without SDP', async () => {
    await expect(holdModifier({ type: 'offer' })).rejects.toThrow(/Invalid SDP/);
  });

  it('once(): only the local offer is rewritten, not the remote answer that follows', async () => {
    const m = once(holdModifier);
    expect(mediaDirections((await m({ type: 'offer', sdp: OFFER })).sdp ?? '')).toEqual(['sendonly']);
    const answer = OFFER.replace('a=sendrecv', 'a=recvonly');
    expect((await m({ type: 'answer', sdp: answer })).sdp).toBe(answer);
  });
});
