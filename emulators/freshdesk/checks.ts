// Field checks shared by the request validators, each failing with Freshdesk's error codes.
import { invalid, mismatch, missing } from './errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function intField(fields: Record<string, unknown>, name: string, allowed?: readonly number[]): number | undefined {
  const v = fields[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw mismatch(name, v, 'Integer');
  if (allowed && !allowed.includes(v)) throw invalid(name, `It should be one of these values: '${allowed.join(',')}'`);
  return v;
}

/** An integer id, or null when the field is sent as null (unassign). */
export function idField(fields: Record<string, unknown>, name: string): number | null | undefined {
  if (fields[name] === null) return null;
  return intField(fields, name);
}

export function strField(fields: Record<string, unknown>, name: string, max = 255): string | undefined {
  const v = fields[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw mismatch(name, v, 'String');
  if (v.length > max) throw invalid(name, `Has ${v.length} characters, it can have maximum of ${max} characters`);
  return v;
}

export function requiredStr(fields: Record<string, unknown>, name: string, max = 255): string {
  const v = strField(fields, name, max);
  if (v === undefined || v.trim() === '') throw missing(name, v === undefined ? 'Mandatory attribute missing' : 'It should not be blank as this is a mandatory field');
  return v;
}

export function emailField(fields: Record<string, unknown>, name: string): string | undefined {
  const v = strField(fields, name);
  if (v !== undefined && !EMAIL.test(v.trim())) throw invalid(name, "It should be in the 'valid email address' format");
  return v?.trim();
}

export function strArray(fields: Record<string, unknown>, name: string, max = 255): string[] | undefined {
  const v = fields[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw mismatch(name, v, 'Array');
  for (const item of v) {
    if (typeof item !== 'string') throw invalid(name, 'It should only contain elements of type String', 'datatype_mismatch');
    if (item.length > max) throw invalid(name, `It should only contain elements that have maximum of ${max} characters`);
  }
  return v as string[];
}

export function emailArray(fields: Record<string, unknown>, name: string): string[] | undefined {
  const v = strArray(fields, name);
  if (v?.some((e) => !EMAIL.test(e.trim()))) throw invalid(name, "It should contain elements that are in the 'valid email address' format");
  return v;
}

export function boolField(fields: Record<string, unknown>, name: string): boolean | undefined {
  const v = fields[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw mismatch(name, v, 'Boolean');
  return v;
}

/** An ISO-8601 date-time (or date) as epoch ms. */
export function timeField(fields: Record<string, unknown>, name: string): number | undefined {
  const v = fields[name];
  if (v === undefined || v === null) return undefined;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw invalid(name, "It should be in the 'valid datetime' format");
  return t;
}

export function objectField(fields: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const v = fields[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw mismatch(name, v, 'key/value pair');
  return v as Record<string, unknown>;
}

/** Freshdesk tags: no commas (they separate tags in the agent UI). */
export function tagsField(fields: Record<string, unknown>): string[] | undefined {
  const v = strArray(fields, 'tags');
  if (v?.some((t) => t.includes(','))) throw invalid('tags', 'It should not contain commas');
  return v?.map((t) => t.trim()).filter((t, i, all) => t !== '' && all.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i);
}

export const isEmail = (s: string) => EMAIL.test(s.trim());
