// IT-1 managed configuration: the file's schema (clear errors for typos), which paths it locks,
// overriding values at paths (maps whole), finding changes to locked paths, and where the file is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../common/protocol/index.js';
import { loadManagedConfig, managedConfigPath, MANAGED_CONFIG_ENV, NO_MANAGED_CONFIG, parseManagedConfig } from '../../../main/app/managed-config.js';
import { applyOverrides, changedLockedPaths, expandPath, isSettingPath, pathsIn, SETTING_PATHS } from '../../../main/app/settings-paths.js';

describe('setting paths', () => {
  it('lists every leaf, with maps as single paths', () => {
    expect(SETTING_PATHS).toContain('recordCreation.abandonedCalls');
    expect(SETTING_PATHS).toContain('recordCreation.appendToClosedWithinDays');
    expect(SETTING_PATHS).toContain('statusSync.mapping');
    expect(SETTING_PATHS).toContain('customFields.record');
    expect(SETTING_PATHS).not.toContain('statusSync');
    expect(SETTING_PATHS.some((p) => p.startsWith('statusSync.mapping.'))).toBe(false);
    expect(isSettingPath('statusSync')).toBe(true);
    expect(isSettingPath('customFields')).toBe(true);
    expect(isSettingPath('statusSync.mapping.Lunch')).toBe(false);
    expect(isSettingPath('recordCreation.abandonedCals')).toBe(false);
    expect(expandPath('customFields').sort()).toEqual(['customFields.customer', 'customFields.record']);
  });

  it('finds the paths of a partial object, and the unknown ones', () => {
    expect(pathsIn({ recordCreation: { abandonedCalls: true }, statusSync: { mapping: { Lunch: 'away' } } })).toEqual({ known: ['recordCreation.abandonedCalls', 'statusSync.mapping'], unknown: [] });
    expect(pathsIn({ recordCreation: { bogus: 1 } }).unknown).toEqual(['recordCreation.bogus']);
  });

  it('overrides replace maps whole and leave the rest', () => {
    const base = defaultSettings();
    base.statusSync.mapping = { Available: 'available', Email: 'away' };
    const out = applyOverrides(base, { statusSync: { mapping: { Lunch: 'lunch' } }, recordCreation: { platformTag: null } }, ['statusSync.mapping', 'recordCreation.platformTag']);
    expect(out.statusSync.mapping).toEqual({ Lunch: 'lunch' });
    expect(out.recordCreation.platformTag).toBeNull();
    expect(out.recordCreation.subjectTemplate).toBe(base.recordCreation.subjectTemplate);
    expect(base.statusSync.mapping).toEqual({ Available: 'available', Email: 'away' });
  });

  it('reports only locked paths that changed; map key order counts as a change (SYNC-3 first-mapped)', () => {
    const a = defaultSettings();
    a.statusSync.mapping = { A: 'x', B: 'y' };
    const b = structuredClone(a);
    b.recordCreation.abandonedCalls = true;
    expect(changedLockedPaths(a, b, ['statusSync.mapping'])).toEqual([]);
    expect(changedLockedPaths(a, b, ['recordCreation.abandonedCalls', 'statusSync.mapping'])).toEqual(['recordCreation.abandonedCalls']);
    b.statusSync.mapping = { B: 'y', A: 'x' };
    expect(changedLockedPaths(a, b, ['statusSync.mapping'])).toEqual(['statusSync.mapping']);
  });
});

describe('managed configuration file', () => {
  it('locks the listed paths (sections expanded) and every overridden path', () => {
    const m = parseManagedConfig({ settings: { recordCreation: { abandonedCalls: true } }, locked: ['customFields'] }, 'x.json');
    expect(m.error).toBeNull();
    expect(m.lockedPaths).toEqual(['customFields.customer', 'customFields.record', 'recordCreation.abandonedCalls']);
    expect(m.overridePaths).toEqual(['recordCreation.abandonedCalls']);
  });

  it('names every mistake: unknown keys and paths, wrong types, map keys given as paths', () => {
    const m = parseManagedConfig({ settings: { recordCreation: { abandonedCalls: 'yes', subjectTemplat: 'x' }, statusSync: { mapping: 5 } }, locked: ['crm.kind', 'nope.nope'], extra: 1 }, 'x.json');
    expect(m.error).toMatch(/subjectTemplat/);
    expect(m.error).toMatch(/abandonedCalls/);
    expect(m.error).toMatch(/nope\.nope/);
    expect(m.error).toMatch(/extra/);
    expect(m.lockedPaths).toEqual([]);
    expect(parseManagedConfig({ settings: { statusSync: { mapping: { Lunch: 3 } } } }, null).error).toMatch(/mapping/);
  });

  it('app presets and the plaintext-secrets opt-in', () => {
    const m = parseManagedConfig({ app: { contactCenterUrl: 'https://cc.acme.example', allowPlaintextSecrets: true, updateChannel: 'beta' } }, null);
    expect(m.app).toMatchObject({ contactCenterUrl: 'https://cc.acme.example', allowPlaintextSecrets: true, updateChannel: 'beta' });
    expect(parseManagedConfig({ app: { contactCenterUrl: 'ftp://x' } }, null).error).toMatch(/contactCenterUrl/);
  });

  it('a missing file is no configuration; an unreadable or invalid one is an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-managed-'));
    expect(loadManagedConfig(path.join(dir, 'none.json'))).toBe(NO_MANAGED_CONFIG);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    expect(loadManagedConfig(path.join(dir, 'bad.json')).error).toMatch(/not JSON/);
    fs.writeFileSync(path.join(dir, 'ok.json'), JSON.stringify({ locked: ['statusSync'] }));
    expect(loadManagedConfig(path.join(dir, 'ok.json')).lockedPaths).toContain('statusSync.direction');
  });

  it('lives where IT deploys it on each OS; the environment variable wins', () => {
    expect(managedConfigPath({}, 'linux')).toBe('/etc/agentdesk/managed-config.json');
    expect(managedConfigPath({}, 'darwin')).toBe('/Library/Application Support/AgentDesk/managed-config.json');
    expect(managedConfigPath({ ProgramData: 'D:\\PD' }, 'win32')).toBe('D:\\PD\\AgentDesk\\managed-config.json');
    expect(managedConfigPath({ [MANAGED_CONFIG_ENV]: '/tmp/m.json' }, 'linux')).toBe('/tmp/m.json');
  });
});
