// Development tokens: `dev:<email>[:role,role]`. The roles part, when present, sets the
// identity's roles; without it the directory's roles apply (role `agent` for an unknown e-mail).
import { ROLES, type Role } from '../../common/protocol/index.js';

export type DevToken = { email: string; roles: Role[] | null };
export type TokenResult = { ok: true; value: DevToken } | { ok: false; error: string };

const EMAIL = /^[^\s@:]+@[^\s@:]+$/;

export function parseDevToken(token: unknown): TokenResult {
  if (typeof token !== 'string' || token.length === 0) return { ok: false, error: 'missing auth.token' };
  const parts = token.split(':');
  if (parts[0] !== 'dev' || parts.length < 2 || parts.length > 3) {
    return { ok: false, error: 'token must look like dev:<email>[:role,role]' };
  }
  const email = (parts[1] ?? '').trim().toLowerCase();
  if (!EMAIL.test(email)) return { ok: false, error: `"${parts[1]}" is not an e-mail address` };
  if (parts.length === 2) return { ok: true, value: { email, roles: null } };
  const roles: Role[] = [];
  for (const raw of (parts[2] ?? '').split(',')) {
    const r = raw.trim();
    if (!(ROLES as readonly string[]).includes(r)) return { ok: false, error: `unknown role "${r}"` };
    if (!roles.includes(r as Role)) roles.push(r as Role);
  }
  return { ok: true, value: { email, roles } };
}
