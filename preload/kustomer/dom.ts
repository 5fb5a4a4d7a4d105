// The bridge's hooks into the page's DOM. In Electron they run in the preload's isolated world:
// the DOM is shared, the page's JavaScript objects are not.
import { isTelHref } from './tel.js';
import type { SignedInUser } from './page-api.js';

/**
 * Calls `onChange` whenever anything in the status element changes (attributes, text, children),
 * and when the element appears or is replaced (single-page apps re-render it).
 */
export function watchStatusElement(doc: Document, selector: string, MO: typeof MutationObserver, onChange: () => void): void {
  let current: Element | null = null;
  const inner = new MO(() => onChange());
  const attach = (initial: boolean) => {
    const found = doc.querySelector(selector);
    if (found === current) return;
    inner.disconnect();
    current = found;
    if (found) inner.observe(found, { attributes: true, childList: true, subtree: true, characterData: true });
    if (!initial) onChange();
  };
  new MO(() => attach(false)).observe(doc.documentElement, { childList: true, subtree: true });
  attach(true);
}

/**
 * KUS-1: a click on a tel: link never reaches the OS handler; a primary click hands the link to
 * `onTel`. Captured at the window, before the page's own handlers, which still run.
 */
export function interceptTelClicks(win: Window & typeof globalThis, onTel: (href: string) => void): void {
  const handler = (e: MouseEvent) => {
    for (const node of e.composedPath()) {
      if (node instanceof win.HTMLAnchorElement || node instanceof win.HTMLAreaElement) {
        if (!isTelHref(node.href)) return;
        e.preventDefault();
        if (e.type === 'click') onTel(node.href);
        return;
      }
    }
  };
  win.addEventListener('click', handler, true);
  win.addEventListener('auxclick', handler, true);
}

/** Who the page says is signed in (data-user-id / data-user-email on the user element). */
export function userFromDom(doc: Document, selector: string): SignedInUser | null {
  const el = doc.querySelector(selector);
  const id = el?.getAttribute('data-user-id');
  const email = el?.getAttribute('data-user-email');
  return id && email ? { id, email } : null;
}

export function whenDomReady(doc: Document, run: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
