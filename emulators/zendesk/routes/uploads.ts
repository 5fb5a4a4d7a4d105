// Attachments the Zendesk way: POST /api/v2/uploads?filename=<name>[&token=<token>] with the raw
// bytes and their real Content-Type -> 201 {upload: {token, expires_at, attachments, attachment}};
// the token is valid for 60 minutes and is referenced once, in a comment's `uploads`. A second
// file joins an upload by passing its token. DELETE /api/v2/uploads/{token} drops an unused
// upload. The file is served at its content_url (no API auth, like Zendesk's signed URLs).
import { idParam, ok, principal, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { badRequest, notFound, recordInvalid } from '../errors.js';
import { attachmentJson, uploadJson } from '../serialize.js';
import { zTime, type AttachmentRec, type UploadRec } from '../store.js';

export const UPLOAD_TTL_MS = 60 * 60_000;

export function registerUploads(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  route(
    router,
    'POST',
    '/api/v2/uploads',
    (ctx: ZCtx) => {
      const p = principal(ctx);
      const filename = ctx.query.get('filename');
      if (!filename) throw badRequest('filename is required (POST /api/v2/uploads?filename=<name>)');
      const bytes = ctx.rawBody ?? Buffer.alloc(0);
      if (bytes.length === 0) throw recordInvalid({ uploads: [{ description: 'Uploads: the file is empty', error: 'BlankValue' }] });
      const tokenParam = ctx.query.get('token');
      let upload: UploadRec | undefined;
      if (tokenParam) {
        upload = store.uploads.get(tokenParam);
        if (!upload || upload.used_by_comment !== null || Date.parse(upload.expires_at) <= store.clock.now()) throw badRequest(`Upload token ${tokenParam} is invalid or has expired`);
      } else {
        upload = { token: store.ids.uploadToken(), expires_at: zTime(store.clock.now() + UPLOAD_TTL_MS), attachment_ids: [], used_by_comment: null, created_by: p.user.id };
        store.uploads.set(upload.token, upload);
      }
      const contentType = (ctx.headers['content-type'] ?? 'application/octet-stream').split(';')[0]?.trim() || 'application/octet-stream';
      const att: AttachmentRec = { id: store.ids.nextObject(), file_name: filename, content_type: contentType, size: bytes.length, bytes: Buffer.from(bytes), token: upload.token, created_at: store.now() };
      store.attachments.set(att.id, att);
      upload.attachment_ids.push(att.id);
      return ok({ upload: uploadJson(deps, upload) }, 201);
    },
    { body: 'raw', bodyLimitBytes: deps.maxUploadBytes },
  );

  route(router, 'DELETE', '/api/v2/uploads/{token}', (ctx: ZCtx) => {
    const up = store.uploads.get(ctx.params.token ?? '');
    if (!up || up.used_by_comment !== null) throw notFound();
    store.uploads.delete(up.token);
    for (const id of up.attachment_ids) store.attachments.delete(id);
    return { status: 204 };
  });

  route(router, 'GET', '/api/v2/attachments/{id}', (ctx: ZCtx) => {
    const a = store.attachments.get(idParam(ctx));
    if (!a) throw notFound();
    return ok({ attachment: attachmentJson(deps, a) });
  });

  router.get(
    '/attachments/token/{token}',
    (ctx: ZCtx) => {
      const name = ctx.query.get('name');
      const a = [...store.attachments.values()].find((x) => x.token === ctx.params.token && (name === null || x.file_name === name));
      if (!a) return { status: 404, raw: 'Not Found', headers: { 'content-type': 'text/plain' } };
      return { status: 200, raw: a.bytes, headers: { 'content-type': a.content_type } };
    },
    { public: true },
  );
}
