// One JSON object per line on stdout (PROTOCOL.md "Headless engine"), redacted.
import type { Log, LogFields } from '../../engine/ports.js';
import { redact } from './redact.js';

export function jsonLog(write: (line: string) => void = (l) => process.stdout.write(l + '\n'), base: LogFields = {}): Log {
  const emit = (level: string, event: string, fields?: LogFields) => {
    const safe = fields ? (redact(fields) as LogFields) : {};
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...base, ...safe }));
  };
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}
