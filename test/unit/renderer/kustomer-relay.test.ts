// SEC-1 (browser host): only the Kustomer frame's own messages are relayed; applies go to its exact origin.
import { describe, expect, it } from 'vitest';
import { acceptPageMessage, boundsFromRect, navigationTarget, originOf, sameBounds, sandboxTokens } from '../../../renderer/src/kustomer/relay.js';

const frame = { name: 'kustomer frame window' };
const status = { type: 'status', instanceId: 'p1', name: 'Lunch', origin: 'change', at: 1 };
const ORIGIN = 'https://kustomer.agentdesk.local:8443';

describe('Kustomer iframe relay', () => {
  it('accepts a page message from the frame window and its origin', () => {
    expect(acceptPageMessage({ origin: ORIGIN, source: frame, data: status }, { origin: ORIGIN, frameWindow: frame })).toEqual(status);
  });

  it.each([
    ['another origin', { origin: 'https://evil.example', source: frame, data: status }],
    ['another window of the same origin', { origin: ORIGIN, source: { other: true }, data: status }],
    ['no source', { origin: ORIGIN, source: null, data: status }],
    ['a non-object', { origin: ORIGIN, source: frame, data: 'status' }],
    ['an array', { origin: ORIGIN, source: frame, data: [status] }],
    ['an unknown type', { origin: ORIGIN, source: frame, data: { ...status, type: 'exec' } }],
  ])('drops %s', (_label, e) => {
    expect(acceptPageMessage(e, { origin: ORIGIN, frameWindow: frame })).toBeNull();
  });

  it('drops everything while there is no frame or no Kustomer origin', () => {
    expect(acceptPageMessage({ origin: ORIGIN, source: frame, data: status }, { origin: null, frameWindow: frame })).toBeNull();
    expect(acceptPageMessage({ origin: ORIGIN, source: null, data: status }, { origin: ORIGIN, frameWindow: null })).toBeNull();
  });

  it('navigates only within the Kustomer origin', () => {
    expect(navigationTarget(`${ORIGIN}/app/customers/1`, ORIGIN)).toBe(`${ORIGIN}/app/customers/1`);
    expect(navigationTarget('https://evil.example/app', ORIGIN)).toBeNull();
    expect(navigationTarget('javascript:alert(1)', ORIGIN)).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/html,x')).toBeNull();
  });

  it('sandbox: allow-same-origin only when Kustomer has another origin than the app', () => {
    expect(sandboxTokens(ORIGIN, 'http://127.0.0.1:5000').split(' ')).toContain('allow-same-origin');
    expect(sandboxTokens(ORIGIN, ORIGIN).split(' ')).not.toContain('allow-same-origin');
    expect(sandboxTokens(ORIGIN, 'http://127.0.0.1:5000').split(' ')).not.toContain('allow-top-navigation');
  });
});

describe('Electron Kustomer view bounds', () => {
  it('whole, non-negative pixels; hidden or empty is visible:false', () => {
    expect(boundsFromRect({ left: 10.4, top: 80.6, width: 600.2, height: 400.5 }, true)).toEqual({ x: 10, y: 81, width: 600, height: 401, visible: true });
    expect(boundsFromRect({ left: -20, top: 5, width: 100, height: 50 }, true)).toEqual({ x: 0, y: 5, width: 80, height: 50, visible: true });
    expect(boundsFromRect({ left: 0, top: 0, width: 0, height: 100 }, true).visible).toBe(false);
    expect(boundsFromRect({ left: 0, top: 0, width: 100, height: 100 }, false)).toEqual({ x: 0, y: 0, width: 0, height: 0, visible: false });
    expect(sameBounds(null, boundsFromRect(null, false))).toBe(false);
  });
});
