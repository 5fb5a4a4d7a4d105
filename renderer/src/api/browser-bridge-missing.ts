// Stand-in for renderer/bridge/browser-bridge.ts while that file does not exist (see vite.config.ts).
import type { AgentDeskApi } from '../../../common/ipc/contract.js';

export function createBrowserBridge(): AgentDeskApi {
  throw new Error('This renderer was built without the browser bridge (renderer/bridge/browser-bridge.ts).');
}
