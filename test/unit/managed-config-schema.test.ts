// IT-1: the managed configuration's published JSON Schema (docs/managed-config.schema.json) is
// generated from the schema the app validates with, stays in sync with it, and accepts the
// documented example; the app itself reads the example as the IT guide says.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { managedConfigJsonSchema, SCHEMA_FILE } from '../../scripts/managed-config-schema.js';
import { parseManagedConfig, managedConfigPath } from '../../main/app/managed-config.js';

const root = path.resolve(import.meta.dirname, '../..');
const example = JSON.parse(fs.readFileSync(path.join(root, 'docs/examples/managed-config.json'), 'utf8')) as Record<string, unknown>;

describe('managed configuration (IT-1)', () => {
  it('the published JSON Schema is the one generated from the app\'s schema (run scripts/managed-config-schema.ts after a change)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(managedConfigJsonSchema());
  });

  it('the documented example is valid for the JSON Schema and for the app', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const m = parseManagedConfig(example, 'example');
    expect(m.error).toBeNull();
    expect(m.app).toMatchObject({ updateChannel: 'stable', updateUrl: 'https://software.acme.example/agentdesk', autoUpdate: true });
    // Overridden values are locked too; `statusSync` locks every setting below it.
    expect(m.lockedPaths).toEqual(expect.arrayContaining(['recordCreation.platformTag', 'recordCreation.subjectTemplate', 'statusSync.direction', 'statusSync.mapping']));
  });

  it('both reject what the app would reject: an unknown setting, a bad value, a plain-HTTP update feed', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
    for (const bad of [
      { ...example, settings: { recordCreation: { abandonedChats: 'sometimes' } } },
      { ...example, app: { ...(example.app as object), updateUrl: 'http://insecure.example' } },
      { ...example, surprise: true },
    ]) {
      expect(parseManagedConfig(bad, 'bad').error).toBeTruthy();
    }
    expect(validate({ ...example, settings: { recordCreation: { abandonedChats: 'sometimes' } } })).toBe(false);
    expect(validate({ ...example, surprise: true })).toBe(false);
    expect(parseManagedConfig({ settings: { recordCreation: { nonsense: 1 } } }, 'x').error).toMatch(/unknown setting path/);
  });

  it('lives where docs/it-deployment.md says on each OS, unless AGENTDESK_MANAGED_CONFIG points elsewhere', () => {
    expect(managedConfigPath({ ProgramData: 'C:\\ProgramData' }, 'win32')).toBe('C:\\ProgramData\\AgentDesk\\managed-config.json');
    expect(managedConfigPath({}, 'darwin')).toBe('/Library/Application Support/AgentDesk/managed-config.json');
    expect(managedConfigPath({}, 'linux')).toBe('/etc/agentdesk/managed-config.json');
    expect(managedConfigPath({ AGENTDESK_MANAGED_CONFIG: '/opt/x.json' }, 'linux')).toBe('/opt/x.json');
  });
});
