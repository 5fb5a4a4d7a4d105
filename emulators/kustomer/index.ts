// The Kustomer API emulator (see README.md).
export { startKustomer, type KustomerEmulator, type KustomerExtension, type KustomerOptions } from './emulator.js';
export type { Deps, KCtx, KRouter, Principal } from './context.js';
export { seedSchema, DEFAULT_API_KEY, type KustomerSeed } from './seed.js';
export type { WorkSessionChange, WorkSessionListener } from './routing.js';
export type * from './store.js';
export { KustomerStore } from './store.js';
export { UPLOAD_PATH } from './routes/attachments.js';
export * as kustomerSchemas from './schemas/index.js';
export { checkCustom, customAttributesJsonSchema, suffixOf, CUSTOM_SUFFIXES } from './custom-attributes.js';
export { KUSTOMER_FORMATS } from './formats.js';
