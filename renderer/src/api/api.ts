// The only way the renderer reaches the core: the preload's `window.agentdesk` in Electron, else
// the browser host's WebSocket bridge, loaded on demand so Electron never downloads it.
import type { AgentDeskApi } from '../../../common/ipc/contract.js';

declare global {
  interface Window {
    agentdesk?: AgentDeskApi;
  }
}

let pending: Promise<AgentDeskApi> | null = null;

function isApi(value: unknown): value is AgentDeskApi {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.invoke === 'function' && typeof v.onState === 'function' && typeof v.onKustomerApply === 'function';
}

/**
 * The bridge module is expected to export `createBrowserBridge(): AgentDeskApi | Promise<AgentDeskApi>`
 * (a default export of either shape is accepted too).
 */
async function loadBrowserBridge(): Promise<AgentDeskApi> {
  const mod: Record<string, unknown> = await import('#browser-bridge');
  const candidate = mod.createBrowserBridge ?? mod.default;
  const api: unknown = typeof candidate === 'function' ? await (candidate as () => unknown)() : candidate;
  if (!isApi(api)) throw new Error('The browser bridge did not provide the AgentDesk API.');
  return api;
}

export function getAgentDeskApi(): Promise<AgentDeskApi> {
  if (window.agentdesk) return Promise.resolve(window.agentdesk);
  pending ??= loadBrowserBridge();
  return pending;
}
