// IT's managed configuration (IT-1): an optional JSON file deployed per machine. `settings` values
// override what the contact center pushes, on this machine; `locked` paths (and every overridden
// path) cannot be changed from this machine's admin screens; `app` presets the connections; and
// `allowPlaintextSecrets` lets a keyring-less machine keep secrets with Electron's basic_text
// backend. A file that exists but is invalid is reported and fails closed: no admin changes.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { crmKindSchema, settingsSchema, defaultSettings } from '../../common/protocol/index.js';
import { httpUrl } from './config.js';
import { applyOverrides, expandPath, isSettingPath, pathsIn } from './settings-paths.js';

export const MANAGED_CONFIG_ENV = 'AGENTDESK_MANAGED_CONFIG';

const settingPath = z.string().refine(isSettingPath, { error: (iss) => `unknown setting path "${String(iss.input)}"` });

export const managedConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Partial settings; maps (statusSync.mapping, customFields.record...) are given whole. */
    settings: z.record(z.string(), z.unknown()).default({}),
    locked: z.array(settingPath).max(200).default([]),
    app: z
      .object({
        contactCenterUrl: httpUrl.optional(),
        crm: z.object({ kind: crmKindSchema.optional(), baseUrl: httpUrl.optional(), appUrl: httpUrl.optional() }).strict().optional(),
        kustomerAppUrl: httpUrl.optional(),
        sip: z.object({ wsUrl: z.string().optional(), uri: z.string().optional(), user: z.string().optional(), displayName: z.string().optional() }).strict().optional(),
        allowPlaintextSecrets: z.boolean().default(false),
        updateChannel: z.enum(['stable', 'beta']).default('stable'),
        /** IT's own update server (a generic electron-updater feed); default: the vendor's feed. */
        updateUrl: z.url({ protocol: /^https$/ }).optional(),
        /** Turn automatic updates off (IT pushes new versions itself). */
        autoUpdate: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    const { unknown } = pathsIn(c.settings);
    for (const p of unknown) ctx.addIssue({ code: 'custom', path: ['settings', ...p.split('.')], message: `unknown setting path "${p}" (maps are given whole)` });
    const merged = settingsSchema.safeParse(applyOverrides(defaultSettings(), c.settings, pathsIn(c.settings).known));
    if (!merged.success) for (const i of merged.error.issues) ctx.addIssue({ code: 'custom', path: ['settings', ...i.path.map(String)], message: i.message });
  });
export type ManagedConfigFile = z.infer<typeof managedConfigSchema>;

export interface ManagedConfig {
  /** Where it was read from (null: no file). */
  source: string | null;
  /** The override values and the leaf paths they cover. */
  overrides: Record<string, unknown>;
  overridePaths: string[];
  /** Leaf paths that this machine may not change: `locked` expanded, plus every overridden path. */
  lockedPaths: string[];
  app: ManagedConfigFile['app'];
  /** Set when a file exists but is invalid: admin changes are then refused (fail closed). */
  error: string | null;
}

export const NO_MANAGED_CONFIG: ManagedConfig = {
  source: null,
  overrides: {},
  overridePaths: [],
  lockedPaths: [],
  app: { allowPlaintextSecrets: false, updateChannel: 'stable', autoUpdate: true },
  error: null,
};

/** Where IT deploys the file on each OS (the env var wins). */
export function managedConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env[MANAGED_CONFIG_ENV]) return env[MANAGED_CONFIG_ENV];
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'AgentDesk', 'managed-config.json');
  if (platform === 'darwin') return '/Library/Application Support/AgentDesk/managed-config.json';
  return '/etc/agentdesk/managed-config.json';
}

/** The path of a `__proto__` key anywhere in a parsed JSON value (which the schema would drop without a word), or null. */
function protoKeyPath(value: unknown, at: string[] = [], depth = 0): string | null {
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') return [...at, k].join('.');
    const found = protoKeyPath(v, [...at, k], depth + 1);
    if (found) return found;
  }
  return null;
}

export function parseManagedConfig(raw: unknown, source: string | null): ManagedConfig {
  const proto = protoKeyPath(raw);
  if (proto) return { ...NO_MANAGED_CONFIG, source, error: `managed configuration ${source ?? ''} is invalid:\n✖ forbidden key "__proto__"\n  → at ${proto}` };
  const r = managedConfigSchema.safeParse(raw);
  if (!r.success) return { ...NO_MANAGED_CONFIG, source, error: `managed configuration ${source ?? ''} is invalid:\n${z.prettifyError(r.error)}` };
  const overridePaths = pathsIn(r.data.settings).known;
  const locked = new Set([...r.data.locked.flatMap(expandPath), ...overridePaths]);
  return { source, overrides: r.data.settings, overridePaths, lockedPaths: [...locked].sort(), app: r.data.app, error: null };
}

export function loadManagedConfig(file: string = managedConfigPath()): ManagedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return NO_MANAGED_CONFIG;
    return { ...NO_MANAGED_CONFIG, source: file, error: `cannot read managed configuration ${file}: ${(e as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ...NO_MANAGED_CONFIG, source: file, error: `managed configuration ${file} is not JSON: ${(e as Error).message}` };
  }
  return parseManagedConfig(raw, file);
}
