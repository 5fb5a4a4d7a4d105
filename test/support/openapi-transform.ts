// Schema rewrites that make Kustomer's OpenAPI description usable as a strict request/response
// checker (CRM-APIS.md section 1 names the quirks):
// - `custom` objects are placeholders (additionalProperties: false, no properties): replaced by
//   the type-suffix rules; the metadata `properties` placeholder likewise by name rules and the
//   emulator's property options.
// - `oneOf` where more than one branch matches an ordinary body: validated as `anyOf`.
// - response schemas are generated from examples (every example field `required`): within
//   `attributes` presence is not required, types and formats of what is present still are; and
//   pagination links may be null (links.next is null on the last page, CRM-APIS.md 1.1).
import { z } from 'zod';
import { CUSTOM_NAME, customAttributesJsonSchema } from '../../emulators/kustomer/custom-attributes.js';
import { metadataPropertyOptions } from '../../emulators/kustomer/schemas/other.js';

type Json = Record<string, unknown>;

const isPlaceholder = (s: unknown): boolean => {
  if (!s || typeof s !== 'object') return false;
  const o = s as Json;
  return o.type === 'object' && o.additionalProperties === false && (!o.properties || Object.keys(o.properties as Json).length === 0) && !o.patternProperties;
};

function metadataPropertiesSchema(): Json {
  const { $schema: _ignored, ...options } = z.toJSONSchema(metadataPropertyOptions) as Json;
  return { type: 'object', maxProperties: 100, additionalProperties: false, patternProperties: { [CUSTOM_NAME.source]: options } };
}

/** Deep-copies a request-body schema with the rewrites above applied. */
export function rewriteRequestSchema(schema: unknown, opts: { metadataProperties?: boolean } = {}): unknown {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'oneOf') out.anyOf = walk(v);
      else if (k === 'properties' && v && typeof v === 'object') {
        const props: Json = {};
        for (const [name, sub] of Object.entries(v as Json)) {
          if (name === 'custom' && isPlaceholder(sub)) props[name] = customAttributesJsonSchema();
          else if (name === 'properties' && opts.metadataProperties && isPlaceholder(sub)) props[name] = metadataPropertiesSchema();
          else props[name] = walk(sub);
        }
        out.properties = props;
      } else out[k] = walk(v);
    }
    return out;
  };
  return walk(schema);
}

const isPaginationLinks = (props: Json) => 'first' in props && 'self' in props && 'next' in props;

/** Deep-copies a response schema: no `required` inside `attributes` (and below), oneOf as anyOf. */
export function rewriteResponseSchema(schema: unknown): unknown {
  const walk = (node: unknown, inAttributes: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, inAttributes));
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'required' && inAttributes) continue;
      if (k === 'oneOf') out.anyOf = walk(v, inAttributes);
      else if (k === 'properties' && v && typeof v === 'object') {
        out.properties = Object.fromEntries(Object.entries(v as Json).map(([name, sub]) => [name, walk(sub, inAttributes || name === 'attributes')]));
        if (isPaginationLinks(v as Json)) for (const name of ['prev', 'next', 'last']) if (out.properties && (out.properties as Json)[name]) (out.properties as Json)[name] = { type: 'string', nullable: true };
      } else out[k] = walk(v, inAttributes);
    }
    return out;
  };
  return walk(schema, false);
}
