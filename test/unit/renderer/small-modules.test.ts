import { describe, expect, it } from 'vitest';
import { rulesPreviewRequestSchema } from '../../../common/ipc/contract.js';
import { AUDIO_PREFS_KEY, DEFAULT_AUDIO_PREFS, loadAudioPrefs, parseAudioPrefs, saveAudioPrefs } from '../../../renderer/src/softphone/audio-prefs.js';
import { dialNumberProblem } from '../../../renderer/src/softphone/dial-number.js';
import { matchShortcut, shortcutText, SHORTCUTS } from '../../../renderer/src/app/shortcut-keys.js';
import { buildSample, SAMPLE_KINDS } from '../../../renderer/src/admin/samples.js';
import { QUEUES, settings } from '../../e2e/renderer/support/fixtures.js';

describe('rules preview samples (ADMIN-1)', () => {
  it.each(SAMPLE_KINDS)('%s is a valid admin:previewRules request', (kind) => {
    const req = { settings: settings(), sample: buildSample(kind, { consumerMessages: 3, shortAbandon: true, queue: QUEUES[2] ?? null }) };
    const r = rulesPreviewRequestSchema.safeParse(req);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('a web chat carries the chosen number of consumer messages; abandoned samples the short flag', () => {
    const chat = buildSample('webChat', { consumerMessages: 4, shortAbandon: false, queue: null });
    expect(chat.steps.filter((s) => s.event === 'message' && s.from === 'consumer')).toHaveLength(4);
    expect(chat.session.queue?.id).toBe('q-billing');
    const abandoned = buildSample('abandonedCall', { consumerMessages: 0, shortAbandon: true, queue: null });
    expect(abandoned.steps).toEqual([{ event: 'abandoned', short: true, stage: 'queued' }]);
    expect(buildSample('webChat', { consumerMessages: 99, shortAbandon: false, queue: null }).steps.length).toBeLessThanOrEqual(50);
  });
});

describe('dial pad check (same rule as call:dial)', () => {
  it.each([
    ['+82 10-1234-5678', null],
    ['*21#', null],
    ['', 'dial.error.empty'],
    ['   ', 'dial.error.empty'],
    ['010abc', 'dial.error.chars'],
    ['+-', 'dial.error.noDigits'],
    ['1'.repeat(41), 'dial.error.long'],
  ])('%j -> %j', (input, expected) => {
    expect(dialNumberProblem(input)).toBe(expected);
  });
});

describe('keyboard shortcuts', () => {
  const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ code, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('Alt + the physical key, nothing else', () => {
    expect(matchShortcut(key('KeyA'))).toBe('answer');
    expect(matchShortcut(key('KeyE'))).toBe('hangup');
    expect(matchShortcut(key('BracketRight'))).toBe('chatNext');
    expect(matchShortcut(key('KeyA', { altKey: false }))).toBeNull();
    expect(matchShortcut(key('KeyA', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key('KeyQ'))).toBeNull();
  });
  it('each shortcut has its own key, shown per platform', () => {
    expect(new Set(SHORTCUTS.map((s) => s.code)).size).toBe(SHORTCUTS.length);
    expect(shortcutText('answer', false)).toBe('Alt+A');
    expect(shortcutText('answer', true)).toBe('Option+A');
  });
});

describe('audio preferences', () => {
  it('parses defensively', () => {
    expect(parseAudioPrefs(null)).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('{bad json')).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('42')).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs(JSON.stringify({ ringtone: 'siren', ringVolume: 7, devices: { microphoneId: 5, ringerId: 'r1' } }))).toEqual({
      devices: { microphoneId: null, speakerId: null, ringerId: 'r1' },
      ringtone: 'classic',
      ringVolume: 1,
    });
  });
  it('saves and loads through a key-value store, surviving a broken one', () => {
    const map = new Map<string, string>();
    const store = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const prefs = { devices: { microphoneId: 'm', speakerId: null, ringerId: 'r' }, ringtone: 'soft' as const, ringVolume: 0.3 };
    saveAudioPrefs(store, prefs);
    expect(map.has(AUDIO_PREFS_KEY)).toBe(true);
    expect(loadAudioPrefs(store)).toEqual(prefs);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadAudioPrefs(broken)).toEqual(DEFAULT_AUDIO_PREFS);
    expect(() => saveAudioPrefs(broken, prefs)).not.toThrow();
  });
});
