// A seeded generator of malformed input (fault tolerance, SEC-1): wrong types, missing and unknown
// fields, huge strings, deep nesting, prototype-pollution keys, structured-clone oddities (what IPC
// can carry: Map, Set, Date, BigInt, typed arrays, Error), non-JSON text. Deterministic per seed, so
// a failure names the case that reproduces it.

import { seededRng } from '../../../emulators/http-kit/rng.js';

/** The emulators' seeded generator (mulberry32), with helpers to pick cases. */
export function rng(seed: number): Rng {
  const next = seededRng(seed);
  const r: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p) => next() < p,
  };
  return r;
}
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export const HUGE = 'A'.repeat(200_000);
const HUGE_DIGITS = '9'.repeat(50_000);

/** Nested `depth` levels deep (objects and arrays alternating). */
export function deep(depth: number, leaf: unknown = 'leaf'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}
const DEEP = [deep(100), deep(2_000), deep(5_000, { __proto__: null })];

/** Keys that attack object handling, and keys real payloads use (so junk lands in real places). */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];
const REAL_KEYS = ['seq', 'at', 'type', 'id', 'sessionId', 'session', 'settings', 'statusId', 'name', 'instanceId', 'origin', 'commandId', 'number', 'token', 'value', 'locale', 'recordCreation', 'statusSync', 'mapping', 'version', 'app', 'locked', 'crm', 'contactCenter', 'url'];

const PRIMITIVES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53 + 2,
  1e308,
  -1e308,
  '',
  ' ',
  'x',
  '0',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\calc.exe',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '\u0000',
  '\ud800',
  '\u202eevil',
  '😀'.repeat(50),
  '한국어 상태',
  '2026-13-45T99:99:99Z',
  '2026-11-21T09:00:00Z',
  '+821012345678',
  'dev:agent1@acme.test:agent,admin',
  HUGE,
  HUGE_DIGITS,
];

/** Values IPC's structured clone can deliver besides JSON. */
const CLONEABLE = (): unknown[] => [new Map([['type', 'status']]), new Set([1, 2]), new Date(NaN), new Date(0), 10n ** 20n, new Uint8Array([1, 2, 3]), new Error('boom'), /re/g, new ArrayBuffer(8)];

/** A pollution attempt as JSON.parse builds it: `__proto__` as an own key, not the prototype. */
export function pollutionPayload(r: Rng): unknown {
  return JSON.parse(
    r.pick([
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"a":{"__proto__":{"polluted":"yes"}}}',
      '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
      '[{"__proto__":{"polluted":"yes"}}]',
      '{"prototype":{"polluted":"yes"},"toString":"x","valueOf":1,"hasOwnProperty":null}',
    ]),
  );
}

export interface JunkOptions {
  /** Include structured-clone values (IPC); off for JSON boundaries. */
  cloneable?: boolean;
}

/** Any value at all, nested up to `depth`. */
export function junk(r: Rng, depth = 3, o: JunkOptions = {}): unknown {
  const roll = r.int(100);
  if (roll < 35 || depth <= 0) return r.pick(PRIMITIVES);
  if (roll < 45) return r.pick(DEEP);
  if (roll < 55) return pollutionPayload(r);
  if (roll < 62 && o.cloneable) return r.pick(CLONEABLE());
  if (roll < 75) return Array.from({ length: r.int(5) }, () => junk(r, depth - 1, o));
  const obj: Record<string, unknown> = {};
  for (let i = r.int(6); i > 0; i--) {
    const key = r.chance(0.3) ? r.pick(HOSTILE_KEYS) : r.chance(0.05) ? HUGE.slice(0, 1 + r.int(5_000)) : r.pick(REAL_KEYS);
    Object.defineProperty(obj, key, { value: junk(r, depth - 1, o), enumerable: true, writable: true, configurable: true });
  }
  return obj;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path into a JSON-like value (keys of objects, indexes of arrays). */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 6) return out;
  const step = (k: string | number, x: unknown) => {
    out.push([...at, k]);
    paths(x, [...at, k], out, depth + 1);
  };
  if (Array.isArray(v)) v.forEach((x, i) => step(i, x));
  else if (isObj(v)) for (const k of Object.keys(v)) step(k, v[k]);
  return out;
}

/** A copy of a valid value with one or more damages: deleted, retyped, huge, unknown or hostile fields. */
export function mutate(valid: unknown, r: Rng, o: JunkOptions = {}): unknown {
  const copy = structuredClone(valid) as unknown;
  if (!isObj(copy) && !Array.isArray(copy)) return junk(r, 3, o);
  const targets = paths(copy);
  // Only the copy's own objects are damaged: the shared DEEP/junk values put in are never written to.
  const own = new WeakSet<object>();
  const collect = (v: unknown) => {
    if (typeof v !== 'object' || v === null || own.has(v)) return;
    own.add(v);
    for (const x of Object.values(v)) collect(x);
  };
  collect(copy);
  const damages = 1 + r.int(3);
  for (let d = 0; d < damages; d++) {
    const kind = r.int(7);
    const p = targets.length && kind < 5 ? r.pick(targets) : [];
    const parentPath = p.slice(0, -1);
    let parent: unknown = copy;
    for (const k of parentPath) parent = typeof parent === 'object' && parent !== null ? (parent as Obj)[k as string] : undefined;
    const key = p[p.length - 1];
    if (typeof parent !== 'object' || parent === null || !own.has(parent)) continue;
    const holder = parent as Obj;
    if (key === undefined || kind >= 5) {
      // An unknown or hostile key at the top or inside.
      Object.defineProperty(holder, r.chance(0.5) ? r.pick(HOSTILE_KEYS) : `unexpected${r.int(100)}`, { value: junk(r, 2, o), enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (kind === 0) delete holder[key as string];
    else if (kind === 1) holder[key as string] = junk(r, 2, o);
    else if (kind === 2) holder[key as string] = r.pick([HUGE, HUGE_DIGITS, -1, 1e308, NaN, '', null]);
    else if (kind === 3) holder[key as string] = r.pick(DEEP);
    else holder[key as string] = pollutionPayload(r);
  }
  return copy;
}

/** Text that is not (valid) JSON, or JSON of the wrong shape, as a file could hold it. */
export function junkText(r: Rng, valid: unknown): string {
  const json = JSON.stringify(valid);
  const stringify = (v: unknown) => {
    try {
      return JSON.stringify(v) ?? 'undefined';
    } catch {
      return '{'.repeat(5_000); // too deep (or a BigInt) to write: an unterminated file instead
    }
  };
  switch (r.int(12)) {
    case 0:
      return json.slice(0, r.int(json.length)); // truncated (power loss)
    case 1:
      return `\ufeff${json}`; // BOM
    case 2:
      return Buffer.from(Array.from({ length: 1 + r.int(200) }, () => r.int(256))).toString('latin1'); // binary
    case 3:
      return '';
    case 4:
      return '['.repeat(20_000) + ']'.repeat(20_000); // deeper than any parser should follow
    case 5:
      return json.replace(/"[^"]*":/, '"__proto__":');
    case 6:
      return `${json}${json}`;
    case 7:
      return json.replace(/:\s*(true|false|\d+)/, ':1e99999');
    case 8:
      return `// comment\n${json}`;
    case 9:
      return stringify(mutate(valid, r));
    case 10:
      return stringify(junk(r, 4));
    default:
      return json.replace(/,/, ',,');
  }
}

/** Snapshot of the built-in prototypes' own keys, to prove nothing was polluted. */
export function prototypeSnapshot(): string {
  return JSON.stringify([Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort()));
}

export function assertNotPolluted(): void {
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'admin', 'type']) if (k in probe) throw new Error(`Object.prototype.${k} was polluted`);
  if ('polluted' in []) throw new Error('Array.prototype was polluted');
}
