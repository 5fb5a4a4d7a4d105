// The three-step attachment flow (CRM-APIS.md 1.2): POST /v1/attachments {name, contentType,
// contentLength} -> 201 with meta.upload {url, fields}; a multipart POST to that URL with every
// field, then `file` last -> 204 (this endpoint stands in for S3: no Bearer auth, S3-style XML
// errors); then the attachment is referenced on a note or message.
import { createHash } from 'node:crypto';
import { boundaryOf, parseMultipart, type Reply } from '../../http-kit/index.js';
import { badRequest, notFound } from '../errors.js';
import { ok, parseBody, principal, type Deps, type KCtx, type KRouter } from '../context.js';
import { attachmentCreateBody } from '../schemas/other.js';
import { attachmentResource } from '../serialize-misc.js';
import type { AttachmentRec, KustomerStore } from '../store.js';

export const UPLOAD_PATH = '/s3/kustomer-attachments';

const s3Error = (status: number, code: string, message: string): Reply => ({
  status,
  raw: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  headers: { 'content-type': 'application/xml' },
});

/** The policy fields an upload must echo back, in the order Kustomer lists them. */
function policyFields(store: KustomerStore, a: Pick<AttachmentRec, 'id' | 'key' | 'contentType' | 'contentLength'>): Record<string, string> {
  const date = new Date(store.clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const policy = Buffer.from(JSON.stringify({ attachment: a.id, length: a.contentLength })).toString('base64');
  return {
    key: a.key,
    acl: 'private',
    'Content-Type': a.contentType,
    'X-Amz-Meta-Attachment-Id': a.id,
    bucket: 'kustomer-emulator-attachments',
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `EMULATOR/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
    'X-Amz-Date': date,
    Policy: policy,
    'X-Amz-Signature': createHash('sha256').update(`${a.id}:${policy}`).digest('hex'),
  };
}

export function registerAttachments(router: KRouter, deps: Deps): void {
  const { store } = deps;

  router.post('/v1/attachments', (ctx: KCtx) => {
    const p = principal(ctx);
    const b = parseBody(attachmentCreateBody, ctx.body);
    if (!Number.isInteger(b.contentLength) || b.contentLength < 0) throw badRequest('contentLength must be a non-negative integer', '/contentLength');
    if (b.contentLength > deps.maxAttachmentBytes) throw badRequest(`contentLength exceeds the maximum of ${deps.maxAttachmentBytes} bytes`, '/contentLength');
    const id = store.ids.next();
    const key = `attachments/${store.org.id}/${id}-${b.name}`;
    const a: AttachmentRec = {
      id, name: b.name, contentType: b.contentType, contentLength: b.contentLength, uploaded: false, bytes: null, key,
      policy: policyFields(store, { id, key, contentType: b.contentType, contentLength: b.contentLength }),
      createdAt: store.now(), createdBy: p.user.id,
    };
    store.attachments.set(id, a);
    return ok({ data: attachmentResource(store, a), meta: { upload: { url: deps.uploadUrl(), fields: a.policy } } }, 201);
  });

  router.get('/v1/attachments/{id}', (ctx: KCtx) => {
    const a = store.attachments.get(ctx.params.id ?? '');
    if (!a) throw notFound(`Attachment ${ctx.params.id}`);
    return ok({ data: attachmentResource(store, a) });
  });

  router.post(
    UPLOAD_PATH,
    (ctx: KCtx) => {
      const boundary = boundaryOf(ctx.headers['content-type']);
      if (!boundary || !ctx.rawBody) return s3Error(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
      const parts = parseMultipart(ctx.rawBody, boundary);
      if (typeof parts === 'string') return s3Error(400, 'MalformedPOSTRequest', parts);
      const fileIndex = parts.findIndex((x) => x.name === 'file');
      if (fileIndex < 0) return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
      if (fileIndex !== parts.length - 1) return s3Error(400, 'InvalidArgument', 'The file must be the last field of the form (fields after it are ignored by S3).');
      const fields = new Map(parts.slice(0, fileIndex).map((x) => [x.name, x.data.toString('utf8')]));
      const a = store.attachments.get(fields.get('X-Amz-Meta-Attachment-Id') ?? '');
      if (!a) return s3Error(403, 'AccessDenied', 'Invalid according to Policy: unknown attachment.');
      for (const [name, value] of Object.entries(a.policy)) {
        if (fields.get(name) !== value) return s3Error(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${value}"]`);
      }
      const file = parts[fileIndex]?.data ?? Buffer.alloc(0);
      if (file.length > a.contentLength) return s3Error(400, 'EntityTooLarge', `Your proposed upload exceeds the declared contentLength of ${a.contentLength} bytes.`);
      if (file.length < a.contentLength) return s3Error(400, 'EntityTooSmall', `Your proposed upload is smaller than the declared contentLength of ${a.contentLength} bytes.`);
      a.bytes = Buffer.from(file);
      a.uploaded = true;
      return { status: 204 };
    },
    { public: true, body: 'raw', bodyLimitBytes: deps.maxAttachmentBytes + 64 * 1024 },
  );
}
