// The views at Kustomer-like URLs, rendered in the page (a single-page app, like Kustomer: moving
// between records does not reload the page, so the status bar and its event stream stay):
//   /app                      inbox: recent conversations
//   /app/conversations/{id}   a conversation, with its customer in the side panel
//   /app/customers/{id}       a customer, with the side panel
// The side panel lists the customer's phone numbers as tel: links (KUS-1 click-to-call).
import { ApiFailure, getList, getOne, str, type Resource } from './api.js';
import { el, required } from './dom.js';

const view = () => required<HTMLElement>('#view');
const panel = () => required<HTMLElement>('#side-panel');

function link(href: string, text: string, testid: string): HTMLAnchorElement {
  const a = el('a', { href, 'data-nav': '', 'data-testid': testid }, text);
  return a;
}

function renderPanel(customer: Resource | null): void {
  const p = panel();
  p.replaceChildren();
  if (!customer) return;
  const phones = (customer.attributes.phones as Array<{ phone?: unknown; type?: unknown }> | undefined) ?? [];
  const emails = (customer.attributes.emails as Array<{ email?: unknown }> | undefined) ?? [];
  p.append(
    el('h2', { 'data-testid': 'customer-name' }, str(customer.attributes.name) || 'Unnamed customer'),
    link(`/app/customers/${customer.id}`, 'Open customer', 'customer-link'),
    el('h3', {}, 'Phone numbers'),
    el(
      'ul',
      { class: 'phones', 'data-testid': 'customer-phones' },
      ...phones.map((ph) => {
        const number = str(ph.phone);
        return el('li', {}, el('a', { href: `tel:${number}`, 'data-testid': 'customer-phone', 'aria-label': `Call ${number}` }, number), ` ${str(ph.type)}`);
      }),
    ),
    el('h3', {}, 'E-mail'),
    el('ul', {}, ...emails.map((m) => el('li', {}, str(m.email)))),
  );
}

async function renderInbox(): Promise<void> {
  const list = await getList('/v1/conversations?sort=desc&pageSize=25');
  view().replaceChildren(
    el('h1', {}, 'Inbox'),
    el('ul', { 'data-testid': 'inbox' }, ...list.map((c) => el('li', {}, link(`/app/conversations/${c.id}`, str(c.attributes.name) || c.id, 'conversation-link')))),
  );
  renderPanel(null);
}

async function renderConversation(id: string): Promise<void> {
  const conversation = await getOne(`/v1/conversations/${encodeURIComponent(id)}`);
  const customerId = conversation.relationships?.customer?.data?.id ?? '';
  const customer = customerId ? await getOne(`/v1/customers/${encodeURIComponent(customerId)}`) : null;
  view().replaceChildren(
    el('h1', { 'data-testid': 'conversation-name' }, str(conversation.attributes.name) || 'Conversation'),
    el('p', { 'data-testid': 'conversation-status' }, `Status: ${str(conversation.attributes.status)}`),
  );
  renderPanel(customer);
}

async function renderCustomer(id: string): Promise<void> {
  const customer = await getOne(`/v1/customers/${encodeURIComponent(id)}`);
  const conversations = await getList(`/v1/customers/${encodeURIComponent(id)}/conversations?pageSize=25`);
  view().replaceChildren(
    el('h1', {}, str(customer.attributes.name) || 'Customer'),
    el('ul', {}, ...conversations.map((c) => el('li', {}, link(`/app/conversations/${c.id}`, str(c.attributes.name) || c.id, 'conversation-link')))),
  );
  renderPanel(customer);
}

export async function render(): Promise<void> {
  const path = location.pathname;
  const conversation = /^\/app\/conversations\/([^/]+)\/?$/.exec(path);
  const customer = /^\/app\/customers\/([^/]+)\/?$/.exec(path);
  try {
    if (conversation?.[1]) await renderConversation(decodeURIComponent(conversation[1]));
    else if (customer?.[1]) await renderCustomer(decodeURIComponent(customer[1]));
    else await renderInbox();
    view().setAttribute('data-rendered', path);
  } catch (e) {
    const message = e instanceof ApiFailure && e.status === 404 ? 'Not found.' : `Could not load this page: ${e instanceof Error ? e.message : String(e)}`;
    view().replaceChildren(el('p', { role: 'alert', 'data-testid': 'view-error' }, message));
    renderPanel(null);
  }
}

/** In-app links change the URL without reloading; back/forward re-render. */
export function startNavigation(): void {
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-nav]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    history.pushState(null, '', url.pathname + url.search);
    void render();
  });
  window.addEventListener('popstate', () => void render());
}
