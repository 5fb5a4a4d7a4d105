// The Electron app's log: redacted JSON lines (adapters/log) to stdout and to <logs>/agentdesk.log,
// readable by the user only. No Electron import: main.ts passes app.getPath('logs'), and
// test/security/ opens the same log in a temp dir to prove what reaches the file.
import fs from 'node:fs';
import path from 'node:path';
import { jsonLog } from '../adapters/log/json-log.js';
import type { Log } from '../app/ports.js';

export const APP_LOG_FILE = 'agentdesk.log';

export interface AppLog {
  log: Log;
  /** The log file, or null when it could not be opened (stdout only). */
  file: string | null;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

export function openAppLog(logsDir: string | null, stdout: (line: string) => void = (line) => void process.stdout.write(line)): AppLog {
  let stream: fs.WriteStream | null = null;
  let file: string | null = null;
  if (logsDir) {
    try {
      fs.mkdirSync(logsDir, { recursive: true });
      file = path.join(logsDir, APP_LOG_FILE);
      stream = fs.createWriteStream(file, { flags: 'a', mode: 0o600 });
      // `mode` applies to a new file only; an older one may have been created looser.
      stream.on('open', () => fs.chmod(file as string, 0o600, () => {}));
      stream.on('error', () => {
        stream = null;
      });
    } catch {
      stream = null;
      file = null;
    }
  }
  return {
    log: jsonLog((line) => {
      stdout(line + '\n');
      stream?.write(line + '\n');
    }),
    file,
    close: () =>
      new Promise<void>((resolve) => {
        if (!stream) return resolve();
        stream.end(() => resolve());
      }),
  };
}
