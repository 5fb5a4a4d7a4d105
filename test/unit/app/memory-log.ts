// A Log that keeps its lines, for assertions.
import type { Log } from '../../../main/engine/ports.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields?: Record<string, unknown>;
}

export function memoryLog(lines: LogLine[] = []): Log & { lines: LogLine[] } {
  return {
    lines,
    info: (event, fields) => lines.push({ level: 'info', event, ...(fields ? { fields } : {}) }),
    warn: (event, fields) => lines.push({ level: 'warn', event, ...(fields ? { fields } : {}) }),
    error: (event, fields) => lines.push({ level: 'error', event, ...(fields ? { fields } : {}) }),
  };
}
