// Notes and conversations: POST /tickets/{id}/notes (JSON, or multipart with attachments[];
// private by default; `body` or `structured_body` mandatory), GET /tickets/{id}/conversations
// (oldest first, paginated). A note bumps the ticket's updated_at. Attachment files are served
// back (without auth, like Freshdesk's CDN links) at GET /files/attachments/{id}/{name}.
import { assertKnownFields, idParam, ok, principal, readRequest, type Deps, type FdCtx, type FdRouter } from '../context.js';
import { invalid, missing, notFound } from '../errors.js';
import { boolField, emailArray, intField, objectField, strField } from '../checks.js';
import { asHtml, htmlToText } from '../html.js';
import { pageReply, parsePage } from '../pagination.js';
import { conversationJson } from '../serialize.js';
import type { ConversationRec } from '../store.js';

const NOTE_FIELDS = new Set(['body', 'structured_body', 'private', 'incoming', 'notify_emails', 'user_id']);

function structuredText(v: Record<string, unknown>): string {
  const contents = Array.isArray(v.body_contents) ? v.body_contents : [];
  return contents
    .map((c: unknown) => (typeof c === 'object' && c !== null ? (c as { data?: { content?: unknown } }).data?.content : undefined))
    .filter((x): x is string => typeof x === 'string')
    .join('\n');
}

/** A form sends structured_body as JSON text. */
function parseStructured(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw invalid('structured_body', 'It should be a valid JSON object', 'datatype_mismatch');
}

export function registerConversations(router: FdRouter, deps: Deps): void {
  const { store } = deps;

  router.post(
    '/api/v2/tickets/{id}/notes',
    (ctx: FdCtx) => {
      const me = principal(ctx).agent;
      const ticketId = idParam(ctx);
      const t = store.tickets.get(ticketId);
      if (!t || t.deleted) throw notFound(`Ticket ${ticketId}`);
      const req = readRequest(ctx, true);
      const b = req.fields;
      assertKnownFields(b, NOTE_FIELDS);
      let body = strField(b, 'body', 5_000_000);
      const structured = typeof b.structured_body === 'string' ? parseStructured(b.structured_body) : objectField(b, 'structured_body');
      if (body === undefined && structured) body = structuredText(structured);
      if (body === undefined || body.trim() === '') throw missing('body');
      const userId = intField(b, 'user_id');
      if (userId !== undefined && !store.agents.has(userId) && !store.contacts.has(userId)) throw invalid('user_id', 'There is no user matching the given user_id');
      const notify = emailArray(b, 'notify_emails') ?? [];
      const total = req.files.reduce((n, f) => n + f.data.length, 0);
      if (total > deps.maxAttachmentBytes) throw invalid('attachments', `The cumulative attachment size should not exceed ${Math.round(deps.maxAttachmentBytes / 1024 / 1024)}MB`);
      const now = store.now();
      const attachmentIds = req.files.map((f) => {
        const id = store.nextId('attachment');
        store.attachments.set(id, { id, name: f.name, contentType: f.contentType, bytes: f.data, createdAt: now });
        return id;
      });
      const html = asHtml(body);
      const c: ConversationRec = {
        id: store.nextId('conversation'), ticketId, userId: userId ?? me.id, body: html, bodyText: htmlToText(html),
        private: boolField(b, 'private') ?? true, incoming: boolField(b, 'incoming') ?? false, source: 2, notifiedTo: notify, attachmentIds, createdAt: now, updatedAt: now,
      };
      store.conversations.set(c.id, c);
      t.updatedAt = now;
      store.index(t);
      return ok(conversationJson(store, deps.baseUrl(), c, { notified_to: notify }), 201);
    },
    { body: 'raw', bodyLimitBytes: deps.maxAttachmentBytes + 5 * 1024 * 1024 },
  );

  router.get('/api/v2/tickets/{id}/conversations', (ctx: FdCtx) => {
    principal(ctx);
    const ticketId = idParam(ctx);
    const t = store.tickets.get(ticketId);
    if (!t || t.deleted) throw notFound(`Ticket ${ticketId}`);
    return pageReply(ctx, store.conversationsOf(ticketId), parsePage(ctx.query), (c) => conversationJson(store, deps.baseUrl(), c));
  });

  router.get(
    '/files/attachments/{id}/{name}',
    (ctx: FdCtx) => {
      const a = store.attachments.get(Number(ctx.params.id));
      if (!a) throw notFound(`Attachment ${ctx.params.id}`);
      return { status: 200, raw: a.bytes, headers: { 'content-type': a.contentType } };
    },
    { public: true },
  );
}
