// IT-1, SEC-1: electron-builder.yml is valid for electron-builder (its JSON schema and its own
// validator, offline, as a real build would run them) and says what IT and security need:
// NSIS per-user/per-machine and MSI, dmg with hardened runtime and microphone entitlement,
// Linux targets, locked-down fuses, tel:/callto: handler, a generic update feed with channels.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
type Config = Record<string, unknown> & {
  win: { target: { target: string }[]; verifyUpdateCodeSignature: boolean };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  mac: { target: { target: string }[]; hardenedRuntime: boolean; entitlements: string; notarize: boolean; extendInfo: Record<string, string> };
  linux: { target: string[] };
  electronFuses: Record<string, boolean>;
  protocols: { schemes: string[] }[];
  publish: { provider: string; url: string; channel: string }[];
};
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

async function builderValidate(c: unknown): Promise<string | null> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, log: unknown): Promise<void> };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  try {
    await validateConfiguration(c, new DebugLogger(false));
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('electron-builder configuration (IT-1)', () => {
  const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is valid against electron-builder\'s JSON schema', () => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('passes electron-builder\'s own validator, which rejects a broken copy', async () => {
    expect(await builderValidate(config)).toBeNull();
    const broken = { ...config, nsis: { ...config.nsis, oneClick: 'no' }, linux: { ...config.linux, tagret: 'deb' } };
    expect(await builderValidate(broken)).toMatch(/oneClick|tagret|configuration/i);
    expect(validate(broken)).toBe(false);
  });

  it('Windows: NSIS offering per-user or per-machine, and a per-machine MSI for Group Policy', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('macOS: dmg (and zip for updates), hardened runtime, microphone entitlement and usage text, notarisation on', () => {
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    const plist = fs.readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    expect(plist).toMatch(/<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/);
    expect(plist).not.toMatch(/<key>[^<]*(disable-library-validation|camera|files\.)/);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toBeTruthy();
  });

  it('Linux: AppImage and deb', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('SEC-1: Electron fuses are locked down', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });

  it('registers tel: and callto: for click-to-dial from any app', () => {
    expect(config.protocols.flatMap((p) => p.schemes).sort()).toEqual(['callto', 'tel']);
  });

  it('auto-update: a generic HTTPS feed with channels', () => {
    expect(config.publish[0]).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.publish[0]?.url).toMatch(/^https:\/\//);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('packages the built app only (the main process is one bundle)', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json', '!node_modules/**/*']));
  });
});
