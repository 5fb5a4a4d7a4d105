// KUS-1: the number of a tel: link (RFC 3966). Visual separators are dropped; parameters
// (;ext=, ;phone-context=) are not part of what the softphone dials. Anything that is not a
// dialable string (letters, empty, too long) gives null: the click is still kept from the OS.
const VISUAL_SEPARATORS = /[\s\-.()\u00a0]/g;
const DIALABLE = /^\+?[0-9*#]{1,32}$/;

export function parseTelHref(href: string): string | null {
  const m = /^\s*tel:([^;?#]*)/i.exec(href);
  if (!m) return null;
  let number: string;
  try {
    number = decodeURIComponent(m[1] ?? '');
  } catch {
    return null;
  }
  number = number.replace(VISUAL_SEPARATORS, '');
  return DIALABLE.test(number) ? number : null;
}

export const isTelHref = (href: string) => /^\s*tel:/i.test(href);
