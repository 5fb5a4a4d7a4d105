// A reusable kit for faithful HTTP emulators of external services (CRMs): routing, bodies with
// size limits, multipart, fixed-window rate limits, fault injection, a request log and a control
// surface. Vendor specifics (error shapes, auth, header names) stay in each vendor's emulator.
export * from './types.js';
export * from './clock.js';
export * from './rng.js';
export * from './router.js';
export * from './body.js';
export * from './multipart.js';
export * from './rate-limiter.js';
export * from './faults.js';
export * from './request-log.js';
export * from './server.js';
export * from './control.js';
