// Checks requests (and responses) against Kustomer's own OpenAPI 3.0 description, which lives
// outside the repository: process.env.KUSTOMER_OPENAPI ?? <repo>/../shared/kustomer-openapi.json.
// When the file is absent `available` is false and `unavailableReason` says why: tests print
// it and skip (the only allowed skip). Strict: a field the spec does not list is an error, and
// so is a path/method it does not have, except the routing, auth and user endpoints that
// CRM-APIS.md documents outside the spec, which are checked against the emulator's own schemas.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { z } from 'zod';
import { KUSTOMER_FORMATS } from '../../emulators/kustomer/formats.js';
import { outsideSpecQueries, requestBodySchemas } from '../../emulators/kustomer/schemas/index.js';
import { rewriteRequestSchema, rewriteResponseSchema } from './openapi-transform.js';

type Json = Record<string, unknown>;
interface Parameter { name: string; in: string; required?: boolean; schema?: Json }
interface Operation { parameters?: Parameter[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
interface Template { template: string; regex: RegExp; names: string[]; literal: number; item: Json }

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const specPath = process.env.KUSTOMER_OPENAPI ?? resolve(repoRoot, '../shared/kustomer-openapi.json');
export const available = existsSync(specPath);
export const unavailableReason = available ? null : `Kustomer OpenAPI description not found at ${specPath} (set KUSTOMER_OPENAPI): spec checks skipped`;

/** Endpoints outside the spec that CRM-APIS.md documents (routing, auth, users). */
const OUTSIDE_SPEC = [
  'GET /v1/routing/statuses', 'POST /v1/routing/statuses', 'GET /v1/routing/statuses/{id}',
  'GET /v1/routing/work-sessions', 'GET /v1/routing/work-sessions/{id}', 'PUT /v1/routing/work-sessions/{id}',
  'GET /v1/routing/users/{id}/work-sessions', 'GET /v1/auth/tokens/current',
  'GET /v1/users', 'GET /v1/users/current', 'GET /v1/users/{id}',
];

let spec: { paths: Record<string, Json> } | null = null;
let templates: Template[] = [];
const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
const addFormats = (addFormatsModule as unknown as { default?: (a: Ajv) => void }).default ?? (addFormatsModule as unknown as (a: Ajv) => void);
addFormats(ajv);
for (const [name, check] of Object.entries(KUSTOMER_FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
const compiled = new Map<string, ValidateFunction>();

function compileTemplate(template: string, item: Json): Template {
  const names: string[] = [];
  let literal = 0;
  const source = template
    .split(/(\{[^}]+\}|:[A-Za-z_]+)/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part) ?? /^:([A-Za-z_]+)$/.exec(part);
      if (m) {
        names.push(m[1] ?? '');
        return '([^/]+)';
      }
      literal += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { template, regex: new RegExp(`^${source}/?$`), names, literal, item };
}

function load(): void {
  if (spec || !available) return;
  spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Json> };
  templates = Object.entries(spec.paths).map(([t, item]) => compileTemplate(t, item));
}

function compile(key: string, schema: unknown): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema as Json);
    compiled.set(key, v);
  }
  return v;
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath}`;
    if (e.keyword === 'additionalProperties') return `${at}/${String(e.params.additionalProperty)}: field not in the spec`;
    return `${at}: ${e.message ?? e.keyword}${e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`;
  });
}

export interface Match { template: string; op: Operation; params: Record<string, string>; pathItem: Json }

/** The spec operation for a request path (with or without /v1 and a query), or null. */
export function findOperation(method: string, urlPath: string): Match | null {
  load();
  const path = urlPath.split('?')[0]?.replace(/^\/v1(?=\/)/, '') ?? '';
  let best: { t: Template; exec: RegExpExecArray } | null = null;
  for (const t of templates) {
    const exec = t.regex.exec(path);
    if (exec && t.item[method.toLowerCase()] && (!best || t.literal > best.t.literal)) best = { t, exec };
  }
  if (!best) return null;
  const params: Record<string, string> = {};
  best.t.names.forEach((n, i) => (params[n] = decodeURIComponent(best.exec[i + 1] ?? '')));
  return { template: best.t.template, op: best.t.item[method.toLowerCase()] as Operation, params, pathItem: best.t.item };
}

function coerce(value: string, schema: Json | undefined): unknown {
  const type = schema?.type;
  if ((type === 'number' || type === 'integer') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function checkParams(m: Match, query: URLSearchParams): string[] {
  const errors: string[] = [];
  const declared = [...((m.pathItem.parameters as Parameter[] | undefined) ?? []), ...(m.op.parameters ?? [])];
  const byKey = new Map(declared.map((p) => [`${p.in}:${p.name}`, p]));
  for (const p of byKey.values()) {
    if (p.in === 'path' && m.params[p.name] !== undefined && p.schema) {
      const v = compile(`param:${m.template}:${p.name}`, p.schema);
      if (!v(coerce(m.params[p.name] ?? '', p.schema))) errors.push(...describe(`path parameter ${p.name}`, v.errors));
    }
    if (p.in === 'query' && p.required && !query.has(p.name)) errors.push(`query parameter ${p.name} is required`);
  }
  for (const [name, value] of query) {
    const p = byKey.get(`query:${name}`);
    if (!p) {
      errors.push(`query parameter ${name} is not in the spec for ${m.template}`);
      continue;
    }
    if (p.schema) {
      const v = compile(`query:${m.template}:${name}`, p.schema);
      if (!v(coerce(value, p.schema))) errors.push(...describe(`query parameter ${name}`, v.errors));
    }
  }
  return errors;
}

function outsideSpec(method: string, path: string, query: URLSearchParams, body: unknown): string[] | null {
  for (const key of OUTSIDE_SPEC) {
    const [m, template] = key.split(' ') as [string, string];
    if (m !== method || !compileTemplate(template, {}).regex.test(path)) continue;
    const errors: string[] = [];
    const zodIssues = (where: string, schema: z.ZodType, value: unknown) => {
      const r = schema.safeParse(value);
      if (!r.success) errors.push(...r.error.issues.map((i) => `${where}${i.path.length ? `/${i.path.join('/')}` : ''}: ${i.message}`));
    };
    const querySchema = outsideSpecQueries[key];
    if (querySchema) zodIssues('query', querySchema, Object.fromEntries(query));
    else if ([...query.keys()].length) errors.push(`${key} takes no query parameters`);
    const bodySchema = requestBodySchemas[key];
    if (bodySchema) zodIssues('body', bodySchema, body);
    else if (body !== undefined && body !== null) errors.push(`${key} takes no body`);
    return errors;
  }
  return null;
}

/** Spec violations of one request; [] when it conforms. `urlPath` may carry a query string. */
export function validateRequest(method: string, urlPath: string, body: unknown): string[] {
  if (!available) throw new Error(unavailableReason ?? 'spec unavailable');
  const upper = method.toUpperCase();
  const [rawPath = '', qs = ''] = urlPath.split('?', 2);
  const query = new URLSearchParams(qs);
  if (!rawPath.startsWith('/v1/')) return [`${upper} ${rawPath}: not a Kustomer API path (/v1/...)`];
  const m = findOperation(upper, rawPath);
  if (!m) return outsideSpec(upper, rawPath, query, body) ?? [`${upper} ${rawPath}: no such operation in Kustomer's OpenAPI description`];
  const errors = checkParams(m, query);
  const content = m.op.requestBody?.content ?? {};
  const mediaType = Object.keys(content).find((c) => c.includes('json'));
  if (body === undefined || body === null) {
    if (m.op.requestBody?.required) errors.push('body: required');
    return errors;
  }
  if (!mediaType) return [...errors, `${upper} ${m.template} takes no JSON body`];
  const schema = rewriteRequestSchema(content[mediaType]?.schema ?? {}, { metadataProperties: m.template === '/metadata/{resource}' });
  const v = compile(`req:${upper}:${m.template}`, schema);
  if (!v(body)) errors.push(...describe('body', v.errors));
  return errors;
}

/** Violations of a JSON response against the spec's response schema for that status ([] when none is documented). */
export function validateResponse(method: string, urlPath: string, status: number, body: unknown): string[] {
  if (!available) throw new Error(unavailableReason ?? 'spec unavailable');
  const m = findOperation(method.toUpperCase(), urlPath);
  if (!m) return [`${method} ${urlPath}: no such operation in the spec`];
  const res = m.op.responses?.[String(status)];
  const mediaType = Object.keys(res?.content ?? {}).find((c) => c.includes('json'));
  if (!res || !mediaType) return [];
  const v = compile(`res:${method}:${m.template}:${status}`, rewriteResponseSchema(res.content?.[mediaType]?.schema ?? {}));
  return v(body) ? [] : describe('response', v.errors);
}
