// Kustomer custom attributes: the name's suffix sets the type (CRM-APIS.md 1.1, the OpenAPI
// description's "Naming Suffix"): Str and Txt strings of at most 1024 characters, Num number,
// At ISO-8601 date-time, Bool boolean, Url URI, Id object id (declared in metadata first); null
// clears. Used by the emulator (zod) and by the tests' OpenAPI validator (JSON Schema).
import { z } from 'zod';
import { OBJECT_ID } from './ids.js';

export const CUSTOM_SUFFIXES = ['Str', 'Txt', 'Num', 'At', 'Bool', 'Url', 'Id'] as const;
export type CustomSuffix = (typeof CUSTOM_SUFFIXES)[number];
export const CUSTOM_TEXT_MAX = 1024;
export const CUSTOM_MAX_PROPERTIES = 100;
export const CUSTOM_NAME = /^[a-z][a-zA-Z0-9]*(Str|Txt|Num|At|Bool|Url|Id)$/;

export function suffixOf(name: string): CustomSuffix | null {
  return (CUSTOM_NAME.exec(name)?.[1] as CustomSuffix | undefined) ?? null;
}

const isoDateTime = z.iso.datetime({ offset: true });
const url = z.string().refine((s) => URL.canParse(s), 'must be a URI');

export const suffixSchemas: Record<CustomSuffix, z.ZodType> = {
  Str: z.string().max(CUSTOM_TEXT_MAX).nullable(),
  Txt: z.string().max(CUSTOM_TEXT_MAX).nullable(),
  Num: z.number().nullable(),
  At: isoDateTime.nullable(),
  Bool: z.boolean().nullable(),
  Url: url.nullable(),
  Id: z.string().regex(OBJECT_ID, 'must be a 24-hex object id').nullable(),
};

export interface CustomIssue {
  name: string;
  message: string;
}

/** Problems with a `custom` object; `isDeclared` answers whether an Id attribute has metadata. */
export function checkCustom(custom: unknown, isDeclared: (name: string) => boolean = () => true): CustomIssue[] {
  if (typeof custom !== 'object' || custom === null || Array.isArray(custom)) return [{ name: '', message: 'custom must be an object' }];
  const entries = Object.entries(custom);
  const issues: CustomIssue[] = [];
  if (entries.length > CUSTOM_MAX_PROPERTIES) issues.push({ name: '', message: `custom has more than ${CUSTOM_MAX_PROPERTIES} attributes` });
  for (const [name, value] of entries) {
    const suffix = suffixOf(name);
    if (!suffix) {
      issues.push({ name, message: `"${name}" is not a valid custom attribute name: camelCase ending in one of ${CUSTOM_SUFFIXES.join(', ')}` });
      continue;
    }
    const r = suffixSchemas[suffix].safeParse(value);
    if (!r.success) issues.push({ name, message: `"${name}" (${suffix}): ${r.error.issues[0]?.message ?? 'invalid value'}` });
    else if (suffix === 'Id' && !isDeclared(name)) issues.push({ name, message: `"${name}" is an Id attribute without metadata: declare it with PUT /v1/metadata/{resource} first` });
  }
  return issues;
}

/** The same rules as JSON Schema (draft-07, with the OpenAPI formats `date-time`, `uri`, `object-id`). */
export function customAttributesJsonSchema(): Record<string, unknown> {
  const nullable = (s: Record<string, unknown>) => ({ anyOf: [s, { type: 'null' }] });
  const stem = '^[a-z][a-zA-Z0-9]*';
  return {
    type: 'object',
    maxProperties: CUSTOM_MAX_PROPERTIES,
    additionalProperties: false,
    patternProperties: {
      [`${stem}Str$`]: nullable({ type: 'string', maxLength: CUSTOM_TEXT_MAX }),
      [`${stem}Txt$`]: nullable({ type: 'string', maxLength: CUSTOM_TEXT_MAX }),
      [`${stem}Num$`]: nullable({ type: 'number' }),
      [`${stem}At$`]: nullable({ type: 'string', format: 'date-time' }),
      [`${stem}Bool$`]: nullable({ type: 'boolean' }),
      [`${stem}Url$`]: nullable({ type: 'string', format: 'uri' }),
      [`${stem}Id$`]: nullable({ type: 'string', format: 'object-id' }),
    },
  };
}

/** Metadata `type` for a suffix (GET /v1/metadata/{resource}). */
export const METADATA_TYPES: Record<CustomSuffix, string> = {
  Str: 'string', Txt: 'text', Num: 'number', At: 'date', Bool: 'boolean', Url: 'url', Id: 'string',
};

/** `totalOrdersNum` -> `Total Orders` (the default displayName). */
export function defaultDisplayName(name: string): string {
  const suffix = suffixOf(name);
  const stem = suffix ? name.slice(0, -suffix.length) : name;
  return stem.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}
