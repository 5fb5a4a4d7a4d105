// Zendesk's phone search (the Talk partner guide "Retrieving the Zendesk user id of a caller"):
// the number is given as digits only, without '+' or punctuation; `phone:15135557611` matches a
// stored number with exactly those digits, and a leading `*` (`phone:*5135557611`) matches any
// stored number whose digits end with them, whatever its format ("+1 513.555.7611",
// "(513) 555-7611", "513-555-7611" ...).
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').replace(/\D/g, '');
}

export function phoneMatches(stored: string | null, query: string): boolean {
  const digits = phoneDigits(stored);
  if (!digits) return false;
  if (query.startsWith('*')) {
    const tail = phoneDigits(query.slice(1));
    return tail.length > 0 && digits.endsWith(tail);
  }
  const exact = phoneDigits(query);
  return exact.length > 0 && digits === exact;
}

/** Zendesk's E.164 check ("Validate user phone numbers" in Admin > Customers). */
export const isE164 = (phone: string) => /^\+[1-9]\d{6,14}$/.test(phone);

export const sameEmail = (a: string | null, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
