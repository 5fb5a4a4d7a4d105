// The CRM as the core uses it. The API key lives in the secrets port and may be set or changed
// while the app runs (`secrets:set`), so the engine gets a CRM whose adapter is rebuilt whenever
// the connection details change; until a key exists every call fails (and the outbox retries).
import type { CrmKind, Settings } from '../../common/protocol/index.js';
import type { CrmPort } from '../engine/crm-port.js';
import type { CrmAdminPort } from '../engine/crm-admin-port.js';
import type { Log } from '../engine/ports.js';
import { createCrm, CrmUnavailable } from '../adapters/crm/create-crm.js';
import { KustomerAdmin } from '../adapters/crm/kustomer/admin.js';
import type { AppConfig } from './config.js';
import type { SecretsPort } from './ports.js';

export interface CrmWiring {
  /** For OrchestrationEngine `crmFor`. */
  crmFor(kind: CrmKind): CrmPort;
  /** The admin port of the configured CRM, or an error saying why there is none. */
  admin(kind: CrmKind): { ok: true; port: CrmAdminPort } | { ok: false; error: string };
}

export function crmWiring(config: AppConfig, secrets: SecretsPort, settings: () => Settings, log: Log): CrmWiring {
  const connection = () => {
    if (!config.crm) throw new CrmUnavailable('no CRM connection is configured');
    return {
      baseUrl: config.crm.baseUrl,
      apiKey: secrets.get('crm.apiKey') ?? undefined,
      // Pop links are <app origin>/app/conversations/<id>: the adapter wants the origin.
      appUrl: config.crm.appUrl ?? (config.kustomerAppUrl ? new URL(config.kustomerAppUrl).origin : undefined),
      timeoutMs: config.crm.timeoutMs,
    };
  };
  return {
    crmFor(kind) {
      let built: { key: string; crm: CrmPort } | null = null;
      const current = (): CrmPort => {
        const conn = connection();
        const key = JSON.stringify(conn);
        if (!built || built.key !== key) built = { key, crm: createCrm(kind, conn, settings, log) };
        return built.crm;
      };
      // A proxy keeps the engine's reference stable while the adapter behind it is rebuilt.
      return new Proxy({} as CrmPort, {
        get(_t, prop) {
          if (prop === 'kind') return kind;
          const crm = current();
          const v: unknown = Reflect.get(crm, prop);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(crm) : v;
        },
        has: (_t, prop) => prop === 'kind' || Reflect.has(current(), prop),
      });
    },
    admin(kind) {
      if (!config.crm) return { ok: false, error: 'no CRM connection is configured' };
      const apiKey = secrets.get('crm.apiKey');
      if (!apiKey) return { ok: false, error: 'the CRM API key is not set' };
      if (kind !== 'kustomer') return { ok: false, error: `the admin functions are not available for ${kind} yet` };
      return { ok: true, port: new KustomerAdmin({ baseUrl: config.crm.baseUrl, apiKey, ...(config.crm.timeoutMs ? { timeoutMs: config.crm.timeoutMs } : {}) }) };
    },
  };
}
