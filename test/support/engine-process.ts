// Runs `main/headless.ts` as a real child process (what `npm run engine` runs) and reads its
// JSON log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface EngineProcess {
  proc: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: string[];
  waitFor(pred: (line: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function writeConfig(config: Record<string, unknown>, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-headless-'))): string {
  const file = path.join(dir, 'engine.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export function spawnEngine(configFile: string, env: NodeJS.ProcessEnv = {}): EngineProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main/headless.ts'), '--config', configFile], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let buf = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ event: 'non-json', line });
      }
      for (const w of waiters) w();
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    lines,
    stderr,
    exited,
    waitFor(pred, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`engine log line not seen within ${ms} ms; last lines: ${JSON.stringify(lines.slice(-8))}; stderr: ${stderr.join('').slice(-2000)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Polls `cond` until true (a wait, not a timing assertion). */
export async function until(cond: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
