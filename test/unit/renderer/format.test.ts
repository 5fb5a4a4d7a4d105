import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatClock, formatDateTime, formatDuration, formatShortTime, formatTime, localeTag } from '../../../renderer/src/i18n/format.js';

// ICU puts narrow no-break spaces before AM/PM; compare with plain spaces.
const n = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatting per locale (I18N-1)', () => {
  it('running clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(7)).toBe('0:07');
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('elapsed seconds never go negative and survive bad input', () => {
    const now = Date.parse('2026-11-21T09:05:00Z');
    expect(elapsedSeconds('2026-11-21T09:00:00Z', now)).toBe(300);
    expect(elapsedSeconds('2026-11-21T09:06:00Z', now)).toBe(0);
    expect(elapsedSeconds('not a date', now)).toBe(0);
    expect(elapsedSeconds(null, now)).toBe(0);
  });

  it('durations in words', () => {
    expect(formatDuration(45, 'en')).toBe('45 sec');
    expect(formatDuration(185, 'en')).toBe('3 min 5 sec');
    expect(formatDuration(3720, 'en')).toBe('1 hr 2 min');
    expect(formatDuration(0, 'en')).toBe('0 sec');
    expect(formatDuration(185, 'ko')).toBe('3분 5초');
    expect(formatDuration(3720, 'ko')).toBe('1시간 2분');
  });

  it('times and dates in the UI language and a given time zone', () => {
    const iso = '2026-11-21T09:05:07Z';
    expect(localeTag('ko')).toBe('ko-KR');
    expect(n(formatTime(iso, 'en', 'Asia/Seoul'))).toBe('6:05:07 PM');
    // Korean puts the day period first (ICU builds differ on its text: 오후 or PM).
    expect(n(formatTime(iso, 'ko', 'Asia/Seoul'))).toMatch(/^(오후|PM) 6:05:07$/);
    expect(n(formatShortTime(iso, 'ko', 'UTC'))).toMatch(/^(오전|AM) 9:05$/);
    expect(n(formatDateTime(iso, 'en', 'UTC'))).toBe('Nov 21, 2026, 9:05 AM');
    expect(n(formatDateTime(iso, 'ko', 'UTC'))).toMatch(/^2026\. 11\. 21\. (오전|AM) 9:05$/);
    expect(formatTime('garbage', 'en')).toBe('garbage');
  });
});
