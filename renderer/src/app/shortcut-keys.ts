// Keyboard shortcuts (documented in the UI, see ShortcutsHelp). All use Alt (Option on macOS)
// with the physical key (event.code), so they work in both keyboard layouts and in text fields.
import type { MessageKey } from '../i18n/translate.js';

export const SHORTCUTS = [
  { id: 'answer', code: 'KeyA', key: 'A', label: 'shortcut.answer' },
  { id: 'decline', code: 'KeyD', key: 'D', label: 'shortcut.decline' },
  { id: 'hangup', code: 'KeyE', key: 'E', label: 'shortcut.hangup' },
  { id: 'mute', code: 'KeyM', key: 'M', label: 'shortcut.mute' },
  { id: 'hold', code: 'KeyH', key: 'H', label: 'shortcut.hold' },
  { id: 'dialpad', code: 'KeyN', key: 'N', label: 'shortcut.dialpad' },
  { id: 'chatNext', code: 'BracketRight', key: ']', label: 'shortcut.chatNext' },
  { id: 'chatPrev', code: 'BracketLeft', key: '[', label: 'shortcut.chatPrev' },
  { id: 'chatCompose', code: 'KeyC', key: 'C', label: 'shortcut.chatCompose' },
  { id: 'status', code: 'KeyS', key: 'S', label: 'shortcut.status' },
  { id: 'help', code: 'Slash', key: '/', label: 'shortcut.help' },
] as const satisfies readonly { id: string; code: string; key: string; label: MessageKey }[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

export interface KeyLike {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function matchShortcut(e: KeyLike): ShortcutId | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  return SHORTCUTS.find((s) => s.code === e.code)?.id ?? null;
}

export function shortcutText(id: ShortcutId, mac: boolean): string {
  const s = SHORTCUTS.find((x) => x.id === id);
  return s ? `${mac ? 'Option' : 'Alt'}+${s.key}` : '';
}
