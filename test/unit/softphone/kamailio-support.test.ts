// The softphone specs need a real Kamailio: without it they fail with the install command, never
// skip (test/support/kamailio.ts, scripts/kamailio/run-kamailio.sh).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assertKamailioInstalled, INSTALL_HINT, KamailioMissingError, RUN_SCRIPT } from '../../support/kamailio.js';

describe('Kamailio missing', () => {
  it('the helper refuses with the apt-get command when the binary is absent', () => {
    expect(() => assertKamailioInstalled({ bin: '/nonexistent/kamailio' })).toThrow(KamailioMissingError);
    expect(() => assertKamailioInstalled({ bin: '/nonexistent/kamailio' })).toThrow(/apt-get install -y kamailio kamailio-websocket-modules/);
    expect(INSTALL_HINT).toMatch(/apt-get/);
  });

  it('the helper refuses when the WebSocket module is absent', () => {
    expect(() => assertKamailioInstalled({ bin: '/bin/sh', modulesDir: '/nonexistent' })).toThrow(/kamailio-websocket-modules/);
  });

  it('the run script exits 127 with the install command', () => {
    const r = spawnSync(RUN_SCRIPT, ['18099'], { env: { ...process.env, KAMAILIO_BIN: '/nonexistent/kamailio' }, encoding: 'utf8' });
    expect(r.status).toBe(127);
    expect(r.stderr).toMatch(/apt-get install -y kamailio kamailio-websocket-modules/);
  });

  it('the run script rejects a port that is not a number', () => {
    const r = spawnSync(RUN_SCRIPT, ['80; rm -rf /'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });
});
