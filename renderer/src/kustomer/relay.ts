// Browser host only: the rules for the Kustomer <iframe> (SEC-1). Pure, so they are unit-tested.
// - Only messages from that iframe's window AND its origin are relayed to the core, which parses
//   them with kustomerPageMessageSchema like the webview preload's messages.
// - Apply requests are posted to that exact origin, never "*".
// - Navigation follows state.kustomer.navigate only within the Kustomer origin.
import type { KustomerPageMessage } from '../../../common/ipc/kustomer-page.js';

const PAGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(['page', 'status', 'applied', 'apply-failed', 'dial']);

export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

export interface MessageLike {
  origin: string;
  source: unknown;
  data: unknown;
}

/** The message, when it comes from the Kustomer frame; null for anything else (dropped). */
export function acceptPageMessage(e: MessageLike, expected: { origin: string | null; frameWindow: unknown }): KustomerPageMessage | null {
  if (!expected.origin || e.origin !== expected.origin) return null;
  if (expected.frameWindow == null || e.source !== expected.frameWindow) return null;
  const d = e.data;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return null;
  const type = (d as { type?: unknown }).type;
  if (typeof type !== 'string' || !PAGE_MESSAGE_TYPES.has(type)) return null;
  // The shape is checked by the core (same schema as the Electron preload path).
  return d as KustomerPageMessage;
}

/** Where to navigate the frame, or null when the URL leaves the Kustomer origin. */
export function navigationTarget(url: string, appOrigin: string | null): string | null {
  return appOrigin !== null && originOf(url) === appOrigin ? url : null;
}

/**
 * Sandbox tokens. allow-same-origin is needed for Kustomer's own session (cookies, storage);
 * combined with allow-scripts it is safe only while Kustomer's origin differs from ours, so it is
 * dropped when they are the same.
 */
export function sandboxTokens(appOrigin: string | null, ownOrigin: string): string {
  const tokens = ['allow-scripts', 'allow-forms', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-downloads'];
  if (appOrigin !== null && appOrigin !== ownOrigin) tokens.splice(1, 0, 'allow-same-origin');
  return tokens.join(' ');
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
  visible: boolean;
}

/** Electron: the placeholder's rectangle as kustomer:setBounds wants it (whole, non-negative). */
export function boundsFromRect(rect: { left: number; top: number; width: number; height: number } | null, visible: boolean): Bounds {
  if (!rect || !visible || rect.width < 1 || rect.height < 1) return { x: 0, y: 0, width: 0, height: 0, visible: false };
  const x = Math.max(0, Math.round(rect.left));
  const y = Math.max(0, Math.round(rect.top));
  return { x, y, width: Math.max(0, Math.round(rect.width + Math.min(0, rect.left))), height: Math.max(0, Math.round(rect.height + Math.min(0, rect.top))), visible: true };
}

export function sameBounds(a: Bounds | null, b: Bounds): boolean {
  return a !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.visible === b.visible;
}
