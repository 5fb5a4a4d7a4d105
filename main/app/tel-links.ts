// OS `tel:` / `callto:` links (and KUS-1 click-to-call numbers) to a number for the dial pad.
// RFC 3966 visual separators are dropped; parameters (`;phone-context=`, `;ext=`) and anything
// that is not a dialable character make the link refused rather than guessed.

const MAX_DIGITS = 20;

/** The dialable number of a tel:/callto: URL or a plain number, or null. */
export function numberFromLink(raw: string): string | null {
  let s = raw.trim();
  const scheme = /^(tel|callto):(\/\/)?/i.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  try {
    s = decodeURIComponent(s);
  } catch {
    return null;
  }
  s = s.split('?')[0] ?? '';
  if (s.includes(';')) s = s.split(';')[0] ?? '';
  const compact = s.replace(/[\s().\-/]/g, '');
  if (!/^\+?[0-9*#]+$/.test(compact)) return null;
  const digits = compact.replace(/\D/g, '').length;
  if (digits < 2 || digits > MAX_DIGITS) return null;
  return compact;
}

/** The first tel:/callto: link among process arguments (second instance, Windows/Linux launch). */
export function linkFromArgv(argv: readonly string[]): string | null {
  return argv.find((a) => /^(tel|callto):/i.test(a)) ?? null;
}
