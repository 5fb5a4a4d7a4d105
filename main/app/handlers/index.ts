// The handler table: one handler per contract channel (the type makes a missing one an error).
import type { HandlerTable } from '../ipc-dispatch.js';
import type { CoreContext } from '../core-context.js';
import { appHandlers } from './app-handlers.js';
import { sessionHandlers } from './session-handlers.js';
import { recordHandlers } from './record-handlers.js';
import { adminHandlers } from './admin-handlers.js';
import { kustomerHandlers } from './kustomer-handlers.js';
import { authHandlers } from './auth-handlers.js';

export const HANDLERS: HandlerTable<CoreContext> = { ...appHandlers, ...sessionHandlers, ...recordHandlers, ...adminHandlers, ...kustomerHandlers, ...authHandlers };
export { browserViewId } from './kustomer-handlers.js';
