// Messages (recorded only, nothing is delivered) and notes. Both count against the per-customer
// create limit (messages with importedAt are exempt) and may reference uploaded attachments.
import { badRequest, notFound } from '../errors.js';
import { assertCustom, ok, parseBody, principal, resolveAttachments, type Deps, type KCtx, type KRouter, type Principal } from '../context.js';
import { parsePage, paginate } from '../pagination.js';
import { conversationMessageBody, messageBody, noteBody, type MessageBody } from '../schemas/messages-notes.js';
import { messageResource, noteResource } from '../serialize-misc.js';
import { byNewest, byOldest, type ConversationRec, type MessageRec, type NoteRec } from '../store.js';
import { createConversation } from './conversations.js';

const MESSAGE_INTERPRETED = new Set(['id', 'externalId', 'customer', 'conversation', 'channel', 'app', 'direction', 'preview', 'subject', 'status', 'sentAt', 'attachments', 'custom', 'meta', 'createdAt']);

export function registerMessagesAndNotes(router: KRouter, deps: Deps): void {
  const { store } = deps;
  const conversation = (id: string) => {
    const c = store.conversations.get(id);
    if (!c) throw notFound(`Conversation ${id}`);
    return c;
  };

  function createMessage(p: Principal, conv: ConversationRec, b: MessageBody) {
    assertCustom(store, 'message', b.custom);
    const attachments = resolveAttachments(store, b.attachments);
    if (b.importedAt === undefined) deps.limits.takeCustomerCreate(p.key.id, conv.customerId, 'message');
    const direction = b.direction ?? 'in';
    const previous = store.messagesOf(conv.id).at(-1);
    const directionType = !previous ? `initial-${direction}` : previous.direction === direction ? `followup-${direction}` : `response-${direction}`;
    const now = store.now();
    const m: MessageRec = {
      id: b.id ?? store.ids.next(),
      conversationId: conv.id,
      customerId: conv.customerId,
      externalId: b.externalId ?? null,
      channel: b.channel,
      app: b.app,
      direction,
      directionType,
      preview: b.preview ?? '',
      subject: b.subject ?? null,
      status: b.status ?? (direction === 'in' ? 'received' : 'sent'),
      sentAt: b.sentAt ?? now,
      attachments,
      custom: b.custom ?? {},
      meta: b.meta ?? {},
      extra: Object.fromEntries(Object.entries(b).filter(([k, v]) => !MESSAGE_INTERPRETED.has(k) && v !== undefined)),
      createdAt: b.createdAt ?? now,
      updatedAt: now,
      createdBy: p.user.id,
      modifiedBy: p.user.id,
    };
    store.messages.set(m.id, m);
    conv.messageCount += 1;
    if (direction === 'out') conv.outboundMessageCount += 1;
    if (!conv.channels.includes(m.channel)) conv.channels.push(m.channel);
    conv.lastMessageAt = m.sentAt;
    conv.updatedAt = now;
    return ok({ data: messageResource(store, m) }, 201);
  }

  router.post('/v1/conversations/{id}/messages', (ctx: KCtx) => {
    const conv = conversation(ctx.params.id ?? '');
    const b = parseBody(conversationMessageBody, ctx.body);
    if (b.conversation !== undefined && b.conversation !== conv.id) throw badRequest('conversation does not match the path', '/conversation');
    return createMessage(principal(ctx), conv, b);
  });
  router.post('/v1/messages', (ctx: KCtx) => {
    const p = principal(ctx);
    const b = parseBody(messageBody, ctx.body);
    let conv: ConversationRec;
    if (b.conversation !== undefined) {
      const found = store.conversations.get(b.conversation);
      if (!found) throw badRequest(`Conversation ${b.conversation} does not exist`, '/conversation');
      conv = found;
    } else if (b.customer !== undefined) {
      if (!store.customers.has(b.customer)) throw badRequest(`Customer ${b.customer} does not exist`, '/customer');
      conv = createConversation(deps, p, b.customer, { direction: b.direction });
    } else throw badRequest('conversation or customer is required', '/conversation');
    return createMessage(p, conv, b);
  });
  const listMessages = (path: string, items: MessageRec[], ctx: KCtx) =>
    ok(paginate(items, parsePage(ctx.query), { path, query: ctx.query }, (m) => messageResource(store, m)));
  router.get('/v1/conversations/{id}/messages', (ctx: KCtx) => {
    const conv = conversation(ctx.params.id ?? '');
    return listMessages(`/v1/conversations/${conv.id}/messages`, store.messagesOf(conv.id), ctx);
  });
  router.get('/v1/messages', (ctx: KCtx) => {
    const all = [...store.messages.values()].sort(ctx.query.get('sort') === 'desc' ? byNewest : byOldest);
    return listMessages('/v1/messages', all, ctx);
  });
  router.get('/v1/messages/{id}', (ctx: KCtx) => {
    const m = store.messages.get(ctx.params.id ?? '');
    if (!m) throw notFound(`Message ${ctx.params.id}`);
    return ok({ data: messageResource(store, m) });
  });

  router.post('/v1/conversations/{id}/notes', (ctx: KCtx) => {
    const p = principal(ctx);
    const conv = conversation(ctx.params.id ?? '');
    const b = parseBody(noteBody, ctx.body);
    if (b.conversation !== undefined && b.conversation !== conv.id) throw badRequest('conversation does not match the path', '/conversation');
    const attachments = resolveAttachments(store, b.attachments);
    deps.limits.takeCustomerCreate(p.key.id, conv.customerId, 'note');
    const now = store.now();
    const n: NoteRec = {
      id: store.ids.next(),
      conversationId: conv.id,
      customerId: conv.customerId,
      externalId: b.externalId ?? null,
      body: b.body,
      attachments,
      userMentions: b.userMentions ?? [],
      lang: b.lang ?? null,
      createdAt: b.createdAt ?? now,
      updatedAt: now,
      createdBy: p.user.id,
      modifiedBy: p.user.id,
    };
    store.notes.set(n.id, n);
    conv.noteCount += 1;
    conv.updatedAt = now;
    return ok({ data: noteResource(store, n) }, 201);
  });
  router.get('/v1/conversations/{id}/notes', (ctx: KCtx) => {
    const conv = conversation(ctx.params.id ?? '');
    const path = `/v1/conversations/${conv.id}/notes`;
    return ok(paginate(store.notesOf(conv.id), parsePage(ctx.query), { path, query: ctx.query }, (n) => noteResource(store, n)));
  });
  router.get('/v1/notes/{id}', (ctx: KCtx) => {
    const n = store.notes.get(ctx.params.id ?? '');
    if (!n) throw notFound(`Note ${ctx.params.id}`);
    return ok({ data: noteResource(store, n) });
  });
}
