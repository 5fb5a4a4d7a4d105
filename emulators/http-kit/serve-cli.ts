// What every standalone emulator entry (`<vendor>/serve.ts`) shares: the common flags, numeric
// flag checks, a seed file read and validated against the vendor's schema, and a clean stop on
// SIGINT/SIGTERM. A bad flag or seed ends the process with exit code 2 and one clear line.
import { readFileSync } from 'node:fs';
import type { z, ZodType } from 'zod';

export interface ServeCli {
  /** Prints `<name>: <message>` to stderr and exits with 2. */
  fail(message: string): never;
  /** An integer flag >= min (undefined when absent). */
  intFlag(flag: string, raw: string | undefined, min: number): number | undefined;
  /** A TCP port 0-65535 (0: any free port). */
  port(raw: string | undefined): number;
  /** Reads a JSON seed file and checks it against the vendor's seed schema. */
  seed<S extends ZodType>(file: string | undefined, schema: S): z.input<S> | undefined;
  /** Closes the emulator and exits 0 on SIGINT or SIGTERM. */
  stopOnSignals(close: () => Promise<void>): void;
}

/** Flags every standalone emulator accepts, for `parseArgs({ options })`. */
export const commonServeOptions = {
  port: { type: 'string', default: '0' },
  host: { type: 'string', default: '127.0.0.1' },
  seed: { type: 'string' },
} as const;

export function serveCli(name: string): ServeCli {
  const fail = (message: string): never => {
    console.error(`${name}: ${message}`);
    process.exit(2);
  };
  const intFlag = (flag: string, raw: string | undefined, min: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min) fail(`--${flag} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    fail,
    intFlag,
    port(raw) {
      const n = intFlag('port', raw, 0) ?? 0;
      if (n > 65535) fail(`--port must be 0-65535, got ${raw}`);
      return n;
    },
    seed<S extends ZodType>(file: string | undefined, schema: S): z.input<S> | undefined {
      if (!file) return undefined;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        fail(`cannot read seed file ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) fail(`bad seed file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      // The emulators take the seed as written (defaults are applied by the store).
      return raw as z.input<S>;
    },
    stopOnSignals(close) {
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
  };
}
