// Permission decisions (SEC-1): our own page may use the microphone (SOFT-1) and nothing else; the
// Kustomer view gets nothing at all (it runs in its own partition, so its grants never mix with
// ours). Every other permission and device request is denied. Sessions come in as narrow interfaces.
import type { Session } from 'electron';
import { isAppUrl } from './origins.js';

export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export interface PermissionQuery {
  permission: string;
  /** The URL (or origin) asking. */
  url: string;
  /** For media: the kinds asked for. */
  mediaTypes?: readonly string[];
}

/** Our page asking for audio capture only. */
export function appMayUse(q: PermissionQuery): boolean {
  if (q.permission !== 'media' || !isAppUrl(q.url)) return false;
  const types = q.mediaTypes ?? [];
  return types.every((t) => t === 'audio');
}

/** Our page (default session): microphone only. */
export function lockAppSession(session: SessionLike, isAppWebContents: (id: number) => boolean): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isAppWebContents(wc.id) && appMayUse({ permission, url: details.requestingUrl, mediaTypes }));
  });
  session.setPermissionCheckHandler((wc, permission, origin, details) => {
    if (!wc || !isAppWebContents(wc.id)) return false;
    const media = details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : [];
    return appMayUse({ permission, url: details.requestingUrl ?? origin, mediaTypes: media });
  });
  session.setDevicePermissionHandler(() => false);
}

/** The Kustomer partition: nothing. */
export function lockKustomerSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
