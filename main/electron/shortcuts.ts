// Global shortcuts to answer and hang up (SOFT-1), configurable in the preferences
// (state.prefs.shortcuts); re-registered when they change. A shortcut another app holds is
// reported once in the log instead of failing silently.
import { globalShortcut } from 'electron';
import type { AppState } from '../../common/ipc/index.js';
import type { Log } from '../app/ports.js';

export class CallShortcuts {
  private registered: string[] = [];
  private key = '';

  constructor(
    private readonly act: (kind: 'answer' | 'hangUp') => void,
    private readonly log: Log,
  ) {}

  update(s: AppState): void {
    const wanted = s.prefs?.shortcuts;
    const key = JSON.stringify(wanted ?? null);
    if (!wanted || key === this.key) return;
    this.key = key;
    this.clear();
    for (const [kind, accelerator] of [['answer', wanted.answer], ['hangUp', wanted.hangUp]] as const) {
      if (!accelerator) continue;
      try {
        if (globalShortcut.register(accelerator, () => this.act(kind))) this.registered.push(accelerator);
        else this.log.warn('shortcut.taken', { kind, accelerator });
      } catch (e) {
        this.log.warn('shortcut.invalid', { kind, accelerator, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  clear(): void {
    for (const a of this.registered) globalShortcut.unregister(a);
    this.registered = [];
  }
}
