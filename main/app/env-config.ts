// The core's configuration from environment variables (development, the demo, the browser host),
// with IT's managed configuration applied on top (IT-1: the deployed file wins over the user's
// environment).
import type { ManagedConfig } from './managed-config.js';
import { parseAppConfig, type ConfigResult } from './config.js';

export const CONFIG_ENV = {
  ccUrl: 'AGENTDESK_CC_URL',
  ccToken: 'AGENTDESK_CC_TOKEN',
  crmKind: 'AGENTDESK_CRM_KIND',
  crmBaseUrl: 'AGENTDESK_CRM_BASE_URL',
  crmAppUrl: 'AGENTDESK_CRM_APP_URL',
  kustomerAppUrl: 'AGENTDESK_KUSTOMER_APP_URL',
  sipWsUrl: 'AGENTDESK_SIP_WS_URL',
  sipUri: 'AGENTDESK_SIP_URI',
  sipUser: 'AGENTDESK_SIP_USER',
  sipDisplayName: 'AGENTDESK_SIP_DISPLAY_NAME',
  defaultCountry: 'AGENTDESK_DEFAULT_COUNTRY',
} as const;

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

/** Builds and validates the configuration; the contact-center token may be left to the secrets port. */
export function appConfigFromEnv(env: NodeJS.ProcessEnv, managed: ManagedConfig): ConfigResult {
  const e = (k: keyof typeof CONFIG_ENV): string | undefined => env[CONFIG_ENV[k]] || undefined;
  const m = managed.app;
  const crmBase = m.crm?.baseUrl ?? e('crmBaseUrl');
  const sipWs = m.sip?.wsUrl ?? e('sipWsUrl');
  const raw = defined({
    contactCenter: defined({ url: m.contactCenterUrl ?? e('ccUrl'), token: e('ccToken') }),
    crm: crmBase ? defined({ kind: m.crm?.kind ?? e('crmKind'), baseUrl: crmBase, appUrl: m.crm?.appUrl ?? e('crmAppUrl') }) : undefined,
    sip: sipWs
      ? defined({
          wsUrl: sipWs,
          uri: m.sip?.uri ?? e('sipUri'),
          user: m.sip?.user ?? e('sipUser'),
          displayName: m.sip?.displayName ?? e('sipDisplayName') ?? '',
        })
      : undefined,
    kustomerAppUrl: m.kustomerAppUrl ?? e('kustomerAppUrl'),
    defaultCountry: e('defaultCountry'),
  });
  if (!('url' in (raw.contactCenter as object))) return { ok: false, error: `the contact-center URL is not configured: set ${CONFIG_ENV.ccUrl} or the managed configuration's app.contactCenterUrl` };
  return parseAppConfig(raw);
}
