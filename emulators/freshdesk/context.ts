// What every Freshdesk route handler receives, and the request-body reading they share: JSON,
// or multipart/form-data (the only way Freshdesk takes files: `attachments[]` parts), turned
// into the same field object (form values are text, so known numeric and boolean fields are
// converted; `tags[]` becomes an array, `custom_fields[cf_x]` an object).
import { boundaryOf, isJsonContentType, parseJson, parseMultipart, type Reply, type RequestContext, type RouteMeta, type Router } from '../http-kit/index.js';
import { invalid, simple, unexpectedField, validation } from './errors.js';
import type { FreshdeskLimits } from './limits.js';
import type { AgentRec, FreshdeskStore } from './store.js';

export interface Principal {
  agent: AgentRec;
}
export type FdCtx = RequestContext<Principal, RouteMeta>;
export type FdRouter = Router<Principal, RouteMeta>;

export interface Deps {
  store: FreshdeskStore;
  limits: FreshdeskLimits;
  /** Base URL of the emulator (attachment URLs point at it). */
  baseUrl(): string;
  maxAttachmentBytes: number;
  /** Enforce unique contact phone/mobile numbers (Freshdesk does not; off by default). */
  uniquePhones: boolean;
  /** Appended to the name of a ticket field created through the admin API (`cf_label_<suffix>`). */
  fieldNameSuffix: string;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export function principal(ctx: FdCtx): Principal {
  if (!ctx.principal) throw simple(401, 'You have to be logged in to perform this action.');
  return ctx.principal;
}

export function requireAdmin(ctx: FdCtx): Principal {
  const p = principal(ctx);
  if (p.agent.role !== 'admin') throw simple(403, 'You are not authorized to perform this action.');
  return p;
}

export interface UploadedFile {
  name: string;
  contentType: string;
  data: Buffer;
}
export interface ParsedBody {
  fields: Record<string, unknown>;
  files: UploadedFile[];
  multipart: boolean;
}

const NUMERIC = new Set(['requester_id', 'responder_id', 'group_id', 'company_id', 'product_id', 'email_config_id', 'parent_id', 'status', 'priority', 'source', 'user_id', 'internal_agent_id', 'internal_group_id']);
const BOOLEAN = new Set(['private', 'incoming', 'view_all_tickets']);

function formValue(key: string, text: string): unknown {
  if (NUMERIC.has(key) && /^-?\d+$/.test(text)) return Number(text);
  if (BOOLEAN.has(key) && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Reads a JSON or (when allowed) multipart body; other content types are a 415. */
export function readRequest(ctx: FdCtx, allowMultipart: boolean): ParsedBody {
  const raw = ctx.rawBody;
  if (!raw || raw.length === 0) return { fields: {}, files: [], multipart: false };
  const type = ctx.headers['content-type'];
  if (isJsonContentType(type)) {
    const parsed = parseJson(raw);
    if (!parsed.ok) throw validation([{ code: 'invalid_json', message: `Request body has invalid json format: ${parsed.message}` }]);
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
      throw validation([{ code: 'invalid_json', message: 'Request body must be a JSON object' }]);
    return { fields: parsed.value as Record<string, unknown>, files: [], multipart: false };
  }
  const boundary = allowMultipart ? boundaryOf(type) : null;
  if (!boundary) {
    const supported = allowMultipart ? 'application/json, multipart/form-data' : 'application/json';
    throw simple(415, `Content-Type header is not supported. Supported content types: ${supported}`);
  }
  const parts = parseMultipart(raw, boundary);
  if (typeof parts === 'string') throw invalid('attachments', `Malformed multipart body: ${parts}`);
  const fields: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const p of parts) {
    if (p.name === 'attachments[]' || p.name === 'attachments') {
      if (p.filename === null) throw invalid('attachments', 'It should only contain elements of type valid file format', 'datatype_mismatch');
      files.push({ name: p.filename, contentType: p.contentType ?? 'application/octet-stream', data: Buffer.from(p.data) });
      continue;
    }
    const text = p.data.toString('utf8');
    const nested = /^([a-z_]+)\[([^\]]+)\]$/.exec(p.name);
    const list = /^([a-z_]+)\[\]$/.exec(p.name);
    if (nested?.[1] && nested[2]) {
      const obj = (fields[nested[1]] ??= {}) as Record<string, unknown>;
      obj[nested[2]] = text;
    } else if (list?.[1]) {
      ((fields[list[1]] ??= []) as unknown[]).push(text);
    } else fields[p.name] = formValue(p.name, text);
  }
  return { fields, files, multipart: true };
}

/** 400 invalid_field for the first field not in `allowed` (Freshdesk refuses unknown fields). */
export function assertKnownFields(fields: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  const unknown = Object.keys(fields).filter((k) => !allowed.has(k));
  if (unknown.length) throw validation(unknown.map((f) => ({ field: f, message: 'Unexpected/invalid field in request', code: 'invalid_field' })));
}

/** 400 invalid_field for query parameters the endpoint does not know. */
export function assertKnownParams(query: URLSearchParams, allowed: ReadonlySet<string>): void {
  for (const k of query.keys()) if (!allowed.has(k)) throw unexpectedField(k);
}

/** `include=a,b` checked against what the endpoint can embed. */
export function includes(query: URLSearchParams, allowed: readonly string[]): Set<string> {
  const raw = query.get('include');
  if (raw === null) return new Set();
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!allowed.includes(n)) throw invalid('include', `It should be one of these values: '${allowed.join(',')}'`);
  return new Set(names);
}

export function idParam(ctx: FdCtx, name = 'id'): number {
  const v = ctx.params[name] ?? '';
  if (!/^\d+$/.test(v)) throw simple(404, `No record with id ${v}`, 'not_found');
  return Number(v);
}

