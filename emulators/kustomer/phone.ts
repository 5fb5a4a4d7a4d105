// Phone matching: by the digits of the number, which is what an E.164 number and its
// `phone=` lookup form (with or without '+', e.g. 18005551212) have in common.
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
