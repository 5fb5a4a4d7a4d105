// Secrets for the browser host and tests (SEC-1): held in memory only, seeded from environment
// variables, never written anywhere. Electron keeps them with safeStorage (main/electron).
import type { SecretName, SecretsPort } from './ports.js';

export const SECRET_ENV: Record<SecretName, string> = {
  'crm.apiKey': 'AGENTDESK_CRM_API_KEY',
  'sip.password': 'AGENTDESK_SIP_PASSWORD',
  'cc.token': 'AGENTDESK_CC_TOKEN',
};

export function memorySecrets(seed: Partial<Record<SecretName, string>> = {}): SecretsPort {
  const values = new Map<SecretName, string>();
  for (const [k, v] of Object.entries(seed) as [SecretName, string | undefined][]) if (v) values.set(k, v);
  return {
    get: (name) => values.get(name) ?? null,
    set(name, value) {
      values.set(name, value);
      return { ok: true };
    },
    delete(name) {
      values.delete(name);
    },
  };
}

/** The secrets the environment sets (AGENTDESK_CRM_API_KEY, AGENTDESK_SIP_PASSWORD, AGENTDESK_CC_TOKEN). */
export function envSecretValues(env: NodeJS.ProcessEnv = process.env): Partial<Record<SecretName, string>> {
  const seed: Partial<Record<SecretName, string>> = {};
  for (const [name, variable] of Object.entries(SECRET_ENV) as [SecretName, string][]) {
    const v = env[variable];
    if (v) seed[name] = v;
  }
  return seed;
}

export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): SecretsPort {
  return memorySecrets(envSecretValues(env));
}
