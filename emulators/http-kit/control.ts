// The control surface every emulator built on the kit exposes (not logged, not authenticated,
// never faulted): faults, the request log and a state dump.
//   POST   /__emulator/faults        body: a fault spec or an array of them -> 201 {faults}
//   GET    /__emulator/faults        -> {faults}
//   DELETE /__emulator/faults[/{id}] -> 204
//   GET    /__emulator/requests?since=<seq> -> {requests}
//   DELETE /__emulator/requests      -> 204
//   GET    /__emulator/state         -> the emulator's state dump
import { ZodError } from 'zod';
import type { FaultInjector } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { Reply } from './types.js';

export interface ControlDeps {
  faults: FaultInjector;
  log: RequestLog;
  state?: () => unknown;
}

const err = (status: number, message: string): Reply => ({ status, body: { error: { message } } });

export function handleControl(method: string, subpath: string, query: URLSearchParams, body: unknown, deps: ControlDeps): Reply {
  if (subpath === '/faults' && method === 'POST') {
    try {
      return { status: 201, body: { faults: deps.faults.add(body as never) } };
    } catch (e) {
      if (e instanceof ZodError) return err(400, e.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
      return err(400, e instanceof Error ? e.message : String(e));
    }
  }
  if (subpath === '/faults' && method === 'GET') return { status: 200, body: { faults: deps.faults.list() } };
  if (subpath === '/faults' && method === 'DELETE') {
    deps.faults.clear();
    return { status: 204 };
  }
  const one = /^\/faults\/([^/]+)$/.exec(subpath);
  if (one && method === 'DELETE') return deps.faults.remove(decodeURIComponent(one[1] ?? '')) ? { status: 204 } : err(404, 'no such fault');
  if (subpath === '/requests' && method === 'GET') {
    const since = Number(query.get('since') ?? '0');
    return { status: 200, body: { requests: deps.log.list(Number.isFinite(since) ? since : 0) } };
  }
  if (subpath === '/requests' && method === 'DELETE') {
    deps.log.clear();
    return { status: 204 };
  }
  if (subpath === '/state' && method === 'GET') return { status: 200, body: deps.state?.() ?? {} };
  return err(404, `unknown control endpoint ${method} ${subpath}`);
}
