// I18N-1: times, dates and durations in the UI language. Pure; the time zone is the computer's
// unless given (tests pass one).
export type UiLocale = 'en' | 'ko';

export function localeTag(locale: UiLocale): string {
  return locale === 'ko' ? 'ko-KR' : 'en-US';
}

/** Seconds as a running clock: 0:07, 12:34, 1:02:03 (the same in both languages). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Whole seconds from an ISO time to now; never negative (clocks may disagree slightly). */
export function elapsedSeconds(fromIso: string | null | undefined, nowMs: number): number {
  if (!fromIso) return 0;
  const t = Date.parse(fromIso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((nowMs - t) / 1000));
}

/** A duration in words: "1 hr 2 min", "3 min 5 sec", "45 sec" / "1시간 2분", "3분 5초". */
export function formatDuration(totalSeconds: number, locale: UiLocale): string {
  const s = Math.max(0, Math.round(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(localeTag(locale), { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  const parts: string[] = [];
  if (h > 0) parts.push(unit(h, 'hour'));
  if (m > 0) parts.push(unit(m, 'minute'));
  if (sec > 0 || parts.length === 0) {
    if (h === 0) parts.push(unit(sec, 'second'));
  }
  return parts.join(' ');
}

function valid(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatTime(iso: string, locale: UiLocale, timeZone?: string): string {
  const d = valid(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(localeTag(locale), { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone }).format(d);
}

export function formatShortTime(iso: string, locale: UiLocale, timeZone?: string): string {
  const d = valid(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(localeTag(locale), { hour: 'numeric', minute: '2-digit', timeZone }).format(d);
}

export function formatDateTime(iso: string, locale: UiLocale, timeZone?: string): string {
  const d = valid(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

export function formatNumber(n: number, locale: UiLocale): string {
  return new Intl.NumberFormat(localeTag(locale)).format(n);
}
