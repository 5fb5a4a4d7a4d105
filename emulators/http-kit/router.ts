// A small router: patterns are literal text with `{name}` parameters, which may share a segment
// with literal text (`/v1/customers/phone={phone}`). The most specific match wins: the route
// whose pattern has the most literal characters among those that accept the method.
import type { Handler, RouteMeta } from './types.js';

export interface Route<P, M> {
  method: string;
  pattern: string;
  meta: M;
  handler: Handler<P, M>;
  regex: RegExp;
  paramNames: string[];
  literalLength: number;
}

export type RouteMatch<P, M> =
  | { kind: 'found'; route: Route<P, M>; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compilePattern(pattern: string): { regex: RegExp; paramNames: string[]; literalLength: number } {
  const paramNames: string[] = [];
  let literalLength = 0;
  let source = '';
  for (const part of pattern.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)) {
    const m = /^\{(.+)\}$/.exec(part);
    if (m && m[1]) {
      paramNames.push(m[1]);
      source += '([^/]+)';
    } else {
      literalLength += part.length;
      source += escapeRegex(part);
    }
  }
  return { regex: new RegExp(`^${source}/?$`), paramNames, literalLength };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export class Router<P = unknown, M extends RouteMeta = RouteMeta> {
  private readonly routes: Route<P, M>[] = [];

  add(method: string, pattern: string, handler: Handler<P, M>, meta?: M): this {
    const compiled = compilePattern(pattern);
    this.routes.push({ method: method.toUpperCase(), pattern, handler, meta: meta ?? ({} as M), ...compiled });
    return this;
  }

  get(pattern: string, handler: Handler<P, M>, meta?: M): this {
    return this.add('GET', pattern, handler, meta);
  }
  post(pattern: string, handler: Handler<P, M>, meta?: M): this {
    return this.add('POST', pattern, handler, meta);
  }
  put(pattern: string, handler: Handler<P, M>, meta?: M): this {
    return this.add('PUT', pattern, handler, meta);
  }
  patch(pattern: string, handler: Handler<P, M>, meta?: M): this {
    return this.add('PATCH', pattern, handler, meta);
  }
  delete(pattern: string, handler: Handler<P, M>, meta?: M): this {
    return this.add('DELETE', pattern, handler, meta);
  }

  list(): ReadonlyArray<Pick<Route<P, M>, 'method' | 'pattern' | 'meta'>> {
    return this.routes;
  }

  match(method: string, path: string): RouteMatch<P, M> {
    let best: { route: Route<P, M>; exec: RegExpExecArray } | null = null;
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const exec = route.regex.exec(path);
      if (!exec) continue;
      allowed.add(route.method);
      if (route.method !== method.toUpperCase()) continue;
      if (!best || route.literalLength > best.route.literalLength) best = { route, exec };
    }
    if (best) {
      const params: Record<string, string> = {};
      best.route.paramNames.forEach((name, i) => {
        params[name] = decode(best.exec[i + 1] ?? '');
      });
      return { kind: 'found', route: best.route, params };
    }
    if (allowed.size > 0) return { kind: 'method_not_allowed', allowed: [...allowed] };
    return { kind: 'not_found' };
  }
}
