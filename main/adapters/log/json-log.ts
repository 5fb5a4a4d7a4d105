// One JSON object per line on stdout (PROTOCOL.md "Headless engine"), redacted. Fields never
// replace the line's own time/level/event (they are kept as _time/_level/_event), and a line is
// always written: logging never throws, whatever the fields hold.
import type { Log, LogFields } from '../../engine/ports.js';
import { redact, redactText } from './redact.js';

const RESERVED = new Set(['time', 'level', 'event']);

export function jsonLog(write: (line: string) => void = (l) => process.stdout.write(l + '\n'), base: LogFields = {}): Log {
  const emit = (level: string, event: string, fields?: LogFields) => {
    const line: Record<string, unknown> = { time: new Date().toISOString(), level, event: redactText(String(event)) };
    let text: string;
    try {
      const extra = redact({ ...base, ...fields }) as Record<string, unknown>;
      for (const [k, v] of Object.entries(extra)) line[RESERVED.has(k) ? `_${k}` : k] = v;
      text = JSON.stringify(line);
    } catch (e) {
      text = JSON.stringify({ time: line.time, level, event: line.event, logError: redactText(e instanceof Error ? e.message : String(e)) });
    }
    write(text);
  };
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}
