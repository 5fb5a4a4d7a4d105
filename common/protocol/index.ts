export * from './session.js';
export * from './settings.js';
export * from './server-events.js';
export * from './client-commands.js';
