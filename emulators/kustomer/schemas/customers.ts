// Request bodies of POST /v1/customers and PUT/PATCH /v1/customers/{id} (same properties in the
// OpenAPI description), strict like the spec's additionalProperties: false.
import { z } from 'zod';
import { custom, dateTime, emailRelaxed, phoneNumber, sentiment, tags, uniqueArray, uri, whatsappNumber } from './common.js';

const ns = (max?: number) => (max === undefined ? z.string() : z.string().max(max)).nullable();
const externalIdItem = z.strictObject({ externalId: z.string().min(1).max(255), verified: z.boolean().optional() });
const emailItem = z.strictObject({ type: z.enum(['home', 'work', 'other']).optional(), email: emailRelaxed, verified: z.boolean().optional() });
const phoneItem = z.strictObject({ type: z.enum(['mobile', 'home', 'work', 'fax', 'other']).optional(), phone: phoneNumber, verified: z.boolean().optional() });
const whatsappItem = z.strictObject({ type: z.enum(['mobile']).optional(), phone: whatsappNumber, verified: z.boolean().optional() });
const socialItem = z.strictObject({
  type: z.enum(['twitter', 'facebook', 'instagram', 'linkedin', 'pinterest']),
  userid: z.string().max(256).optional(),
  username: z.string().min(1).max(256),
  url: uri.optional(),
  verified: z.boolean().optional(),
});
const location = z.strictObject({
  type: z.enum(['home', 'work', 'other']).nullable().optional(),
  name: ns().optional(),
  address: ns(256).optional(),
  address2: ns(256).optional(),
  address3: ns(256).optional(),
  latitude: z.number().nullable().optional(),
  longitude: z.number().nullable().optional(),
  countryCode: z.string().min(2).max(2).nullable().optional(),
  countryName: ns(64).optional(),
  regionCode: ns(2).optional(),
  regionName: ns(128).optional(),
  cityName: ns(128).optional(),
  zipCode: ns(30).optional(),
  areaCode: ns(30).optional(),
});

export const customerBody = z.strictObject({
  name: ns(256).optional(),
  company: ns().optional(),
  externalId: z.string().min(1).max(256).nullable().optional(),
  username: ns(256).optional(),
  signedUpAt: dateTime.nullable().optional(),
  lastActivityAt: dateTime.nullable().optional(),
  lastCustomerActivityAt: dateTime.nullable().optional(),
  lastSeenAt: dateTime.nullable().optional(),
  avatarUrl: uri.nullable().optional(),
  externalIds: uniqueArray(externalIdItem, 10).optional(),
  sharedExternalIds: uniqueArray(externalIdItem, 10).optional(),
  emails: uniqueArray(emailItem, 10).optional(),
  sharedEmails: uniqueArray(emailItem, 10).optional(),
  phones: uniqueArray(phoneItem, 10).optional(),
  sharedPhones: uniqueArray(phoneItem, 10).optional(),
  whatsapps: uniqueArray(whatsappItem, 10).optional(),
  facebookIds: uniqueArray(z.strictObject({ pageId: z.string().max(255), userId: z.string().max(255), name: z.string().max(255).optional() }), 10).optional(),
  instagramIds: uniqueArray(
    z.strictObject({ pageId: z.string().max(255), threadId: z.string().max(255), username: z.string().max(255), instagramId: z.string().max(255).optional() }),
    10,
  ).optional(),
  socials: uniqueArray(socialItem, 10).optional(),
  sharedSocials: uniqueArray(socialItem, 10).optional(),
  urls: uniqueArray(z.strictObject({ type: z.enum(['website', 'blog', 'other']).optional(), url: uri }), 10).optional(),
  locations: uniqueArray(location, 10).optional(),
  locale: ns(16).optional(),
  timeZone: ns(64).optional(),
  tags: tags.optional(),
  sentiment: sentiment.optional(),
  custom: custom.optional(),
  birthdayAt: dateTime.nullable().optional(),
  gender: z.enum(['m', 'f']).nullable().optional(),
  createdAt: dateTime.optional(),
  importedAt: dateTime.optional(),
  rev: z.number().optional(),
  defaultLang: ns(100).optional(),
});
export type CustomerBody = z.infer<typeof customerBody>;
