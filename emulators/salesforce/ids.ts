// Salesforce record ids: 15 case-sensitive base-62 characters (a 3-character key prefix naming the
// object, then the instance and a sequence), and the 18-character form whose last three
// characters encode, five characters at a time, which of the 15 are upper case, so the id
// survives case-insensitive systems. The emulator hands out 18-character ids, as the REST API does.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export const ID_15 = /^[a-zA-Z0-9]{15}$/;
export const ID_18 = /^[a-zA-Z0-9]{18}$/;

/** The three checksum characters of a 15-character id. */
export function idSuffix(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    out += SUFFIX.charAt(bits);
  }
  return out;
}

export function to18(id: string): string {
  return id.length === 18 ? id : id + idSuffix(id);
}

/** A well-formed 15- or 18-character id (an 18-character one must carry the right checksum, in any case). */
export function isSalesforceId(value: string): boolean {
  if (ID_15.test(value)) return true;
  if (!ID_18.test(value)) return false;
  return idSuffix(value.slice(0, 15)).toLowerCase() === value.slice(15).toLowerCase();
}

/** The 18-character form of a 15- or 18-character id whose case may have been lost in the suffix only. */
export function canonicalId(value: string): string | null {
  if (!isSalesforceId(value)) return null;
  return to18(value.slice(0, 15));
}

/** Two ids name the same record: the first 15 characters match exactly. */
export function sameId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15) && (a.length === 15 || b.length === 15 || a.slice(15).toLowerCase() === b.slice(15).toLowerCase());
}

function base62(n: number, width: number): string {
  let s = '';
  let v = n;
  do {
    s = BASE62.charAt(v % 62) + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, '0');
}

/** A deterministic id for a key prefix and a sequence number (seeds and tests use it for fixed ids). */
export function makeId(keyPrefix: string, seq: number, pod = '5g'): string {
  if (!/^[a-zA-Z0-9]{3}$/.test(keyPrefix)) throw new Error(`bad key prefix ${keyPrefix}`);
  return to18(`${keyPrefix}${pod}0${base62(seq, 9)}`);
}

/** Hands out ids in creation order; sequence numbers start above 100,000, so fixed seed ids made with makeId(prefix, n < 100,000) never collide. */
export class IdGenerator {
  private seq = 0;
  constructor(private readonly pod = '5g') {}
  next(keyPrefix: string): string {
    this.seq += 1;
    return makeId(keyPrefix, 100_000 + this.seq, this.pod);
  }
}
