// The Kustomer page emulator (see README.md): sign-in, the user-status dropdown, conversation and
// customer pages with tel: links, live updates over server-sent events, open-page counts.
export { startKustomerPage, startKustomerWithPage, type KustomerPage, type KustomerPageOptions } from './page.js';
export { SESSION_COOKIE } from './web-sessions.js';
export type { StatusView } from './events.js';
