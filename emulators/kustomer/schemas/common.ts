// Building blocks of the request schemas, mirroring the OpenAPI description's keywords.
import { z } from 'zod';
import { isDateTime, isEmailRelaxed, isObjectId, isPhoneNumber, isUrl, isWhatsappNumber } from '../formats.js';

export const objectId = z.string().refine(isObjectId, 'must be a 24-hex object id');
export const dateTime = z.string().refine(isDateTime, 'must be an ISO-8601 date-time');
export const emailRelaxed = z.string().refine(isEmailRelaxed, 'must be an e-mail address');
export const phoneNumber = z.string().refine(isPhoneNumber, 'must be a phone number');
export const whatsappNumber = z.string().refine(isWhatsappNumber, 'must be a WhatsApp number');
export const uri = z.string().refine(isUrl, 'must be a URI');

/** The spec's tag-name pattern (names, not ids, though a 24-hex id also fits it). */
export const TAG_PATTERN = /^[0-9a-zA-ZÀ-ÿ_/<>\-.][0-9a-zA-ZÀ-ÿ _/<>\-.]{0,63}$/;
export const tagName = z.string().min(1).max(64).regex(TAG_PATTERN, 'must be a tag name (letters, digits, space, _ / < > - .)');

export function uniqueArray<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((a) => new Set(a.map((x) => JSON.stringify(x))).size === a.length, 'items must be unique');
}

export const tags = uniqueArray(tagName, 20);
export const objectIds10 = uniqueArray(objectId, 10);
/** Checked separately by the type-suffix rules (custom-attributes.ts). */
export const custom = z.record(z.string(), z.unknown());
export const sentiment = z.strictObject({ polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]), confidence: z.number().min(-1).max(1) });
export const queueRef = z
  .strictObject({ id: z.string().nullable().optional(), external: z.enum(['amazon-connect']).nullable().optional() })
  .refine((q) => q.id !== undefined || q.external !== undefined, 'queue needs id or external');

export const CHANNELS = ['email', 'sms', 'chat', 'facebook', 'twitter-dm', 'twitter-tweet', 'voice', 'instagram', 'whatsapp'] as const;
export const attachmentRef = z.strictObject({
  _id: objectId,
  name: z.string(),
  contentType: z.string(),
  contentLength: z.number(),
  sourceId: objectId.optional(),
});
