// Fault injection, programmable from code and over HTTP (control.ts). A fault matches a method
// and a path pattern and fires `times` times, or with a probability drawn from a seeded RNG.
// Kinds:
//   status            reply `status` (vendor-shaped body unless `body` is given), handler not run
//   rate_limit        reply 429 with Retry-After: retryAfterSec, handler not run
//   delay             wait delayMs, then handle normally
//   drop              destroy the socket before handling: nothing is committed
//   commit_then_drop  handle (the change is committed), then destroy the socket without replying
import { z } from 'zod';
import { seededRng, type Rng } from './rng.js';

export const FAULT_KINDS = ['status', 'rate_limit', 'delay', 'drop', 'commit_then_drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    /** HTTP method, or '*' for any. */
    method: z.string().min(1).default('*'),
    /** Path pattern: literal text, `{param}` or `*` (within a segment), `**` (anything). */
    path: z.string().min(1),
    kind: z.enum(FAULT_KINDS),
    /** How many times it fires; null = unlimited. Default 1, or unlimited when `probability` is set. */
    times: z.number().int().positive().nullable().optional(),
    /** Chance of firing on each matching request (seeded RNG). Default 1. */
    probability: z.number().min(0).max(1).optional(),
    /** Let this many matching requests through before the fault starts firing (e.g. 1: the second match). */
    skip: z.number().int().nonnegative().optional(),
    status: z.number().int().min(100).max(599).optional(),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    retryAfterSec: z.number().int().nonnegative().optional(),
    delayMs: z.number().int().nonnegative().max(120_000).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'status' && f.status === undefined) ctx.addIssue({ code: 'custom', message: 'a status fault needs `status`', path: ['status'] });
    if (f.kind === 'delay' && f.delayMs === undefined) ctx.addIssue({ code: 'custom', message: 'a delay fault needs `delayMs`', path: ['delayMs'] });
  });
export type FaultSpec = z.input<typeof faultSpecSchema>;

export interface Fault {
  id: string;
  method: string;
  path: string;
  kind: FaultKind;
  times: number | null;
  probability: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  retryAfterSec?: number;
  delayMs?: number;
  skip?: number;
  fired: number;
  /** Matching requests seen (fired or not). */
  seen: number;
}

export function compilePathGlob(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      src += '.*';
      i++;
    } else if (c === '*') src += '[^/]*';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) throw new Error(`unterminated parameter in fault path ${pattern}`);
      src += '[^/]+';
      i = end;
    } else src += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}/?$`);
}

export class FaultInjector {
  private faults: Array<Fault & { regex: RegExp }> = [];
  private rng: Rng;
  private nextId = 1;

  constructor(opts: { seed?: number } = {}) {
    this.rng = seededRng(opts.seed ?? 1);
  }

  reseed(seed: number): void {
    this.rng = seededRng(seed);
  }

  /** Adds faults (validated); returns them with their ids. Throws a ZodError on a bad spec. */
  add(specs: FaultSpec | FaultSpec[]): Fault[] {
    const list = Array.isArray(specs) ? specs : [specs];
    const parsed = list.map((s) => faultSpecSchema.parse(s));
    const added = parsed.map((s) => {
      const fault: Fault & { regex: RegExp } = {
        ...s,
        id: s.id ?? `fault-${this.nextId++}`,
        method: s.method.toUpperCase(),
        times: s.times === undefined ? (s.probability === undefined ? 1 : null) : s.times,
        probability: s.probability ?? 1,
        fired: 0,
        seen: 0,
        regex: compilePathGlob(s.path),
      };
      this.faults = this.faults.filter((f) => f.id !== fault.id);
      this.faults.push(fault);
      return fault;
    });
    return added.map(strip);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(strip);
  }

  /** The fault that fires for this request, if any (first match in insertion order). */
  take(method: string, path: string): Fault | null {
    for (const f of this.faults) {
      if (f.method !== '*' && f.method !== method.toUpperCase()) continue;
      if (!f.regex.test(path)) continue;
      if (f.times !== null && f.fired >= f.times) continue;
      f.seen += 1;
      if (f.seen <= (f.skip ?? 0)) continue;
      if (f.probability < 1 && this.rng() >= f.probability) continue;
      f.fired += 1;
      return strip(f);
    }
    return null;
  }
}

function strip(f: Fault & { regex?: RegExp }): Fault {
  const { regex: _regex, ...rest } = f;
  return { ...rest };
}
