export * from './app-state.js';
export * from './contract.js';
export * from './kustomer-page.js';
export * from './prefs.js';
export * from './browser-host.js';
export { CHANNEL_NAMES } from './channel-names.js';
