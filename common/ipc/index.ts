export * from './app-state.js';
export * from './contract.js';
export * from './kustomer-page.js';
