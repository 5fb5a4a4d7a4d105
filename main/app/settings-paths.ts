// Setting paths ("recordCreation.abandonedCalls") for IT's managed configuration (IT-1): which
// paths exist, overriding values at paths, and finding changes to locked paths. Maps (the status
// mapping, field mappings) are single values: they are overridden and locked as a whole.
import { defaultSettings, type Settings } from '../../common/protocol/index.js';

/** Settings whose value is an open map: one path each, never split into its keys. */
export const MAP_PATHS = ['customFields.customer', 'customFields.record', 'customDataMapping', 'statusSync.mapping', 'statusSync.reverse'] as const;
const MAPS = new Set<string>(MAP_PATHS);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function leaves(value: unknown, prefix: string, out: string[]): string[] {
  if (!isObject(value) || MAPS.has(prefix)) {
    if (prefix) out.push(prefix);
    return out;
  }
  for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Every lockable leaf path, e.g. `recordCreation.abandonedCalls`, `statusSync.mapping`. */
export const SETTING_PATHS: readonly string[] = Object.freeze(leaves(defaultSettings(), '', []));
const SECTIONS = new Set(SETTING_PATHS.flatMap((p) => p.split('.').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('.'))));

export function isSettingPath(path: string): boolean {
  return SETTING_PATHS.includes(path) || SECTIONS.has(path);
}

/** A path or a section (`recordCreation`) expanded to the leaf paths it covers. */
export function expandPath(path: string): string[] {
  return SETTING_PATHS.filter((p) => p === path || p.startsWith(`${path}.`));
}

/** Leaf paths present in a partial settings object; unknown paths are returned separately. */
export function pathsIn(partial: Record<string, unknown>): { known: string[]; unknown: string[] } {
  const found = leaves(partial, '', []);
  const known: string[] = [];
  const unknown: string[] = [];
  for (const p of found) {
    if (SETTING_PATHS.includes(p)) known.push(p);
    // A map path given deeper than the map (statusSync.mapping.Lunch) is a mistake: maps are whole.
    else unknown.push(p);
  }
  return { known, unknown };
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (!isObject(cur) || !Object.hasOwn(cur, k)) return undefined;
    cur = cur[k];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] as string] = structuredClone(value);
}

/** `base` with the value of every path of `overrides` replaced (maps as a whole). */
export function applyOverrides(base: Settings, overrides: Record<string, unknown>, paths: readonly string[]): Settings {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const p of paths) setPath(out, p, getPath(overrides, p));
  return out as unknown as Settings;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The locked leaf paths whose value differs between `current` and `requested`. */
export function changedLockedPaths(current: Settings, requested: Settings, locked: readonly string[]): string[] {
  return locked.filter((p) => !same(getPath(current, p), getPath(requested, p)));
}
