// The Kustomer page bridge (see docs/kustomer-page.md). Transports: ../kustomer-webview.ts
// (Electron preload) and ../kustomer-injected.ts (browser host).
export { startKustomerBridge, type BridgeOptions, type KustomerTransport } from './bridge.js';
export { DEFAULT_PROFILE, type KustomerPageProfile } from './profile.js';
