// Plain fakes of the narrow Electron interfaces the Electron layer takes (Signal style): they record
// what the real code installs (event handlers, the window-open handler, permission handlers, IPC
// handlers) so the tests can drive those exact functions under Node.
import type { GuardedContents, ShellLike } from '../../../main/electron/navigation.js';
import type { SessionLike } from '../../../main/electron/permissions.js';
import type { SafeStorageLike } from '../../../main/electron/safe-storage-secrets.js';

type Listener = (event: FakeNavEvent, ...args: unknown[]) => void;

export interface FakeNavEvent {
  url: string;
  isMainFrame?: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export const navEvent = (url: string): FakeNavEvent => ({
  url,
  isMainFrame: true,
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

export interface OpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
  referrer: { url: string; policy: 'default' };
}

/** A webContents: records listeners and the window-open handler; `emit` runs them like Electron. */
export class FakeContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: OpenDetails) => { action: 'allow' | 'deny' }) | null = null;
  readonly loaded: string[] = [];
  constructor(public url = 'about:blank') {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: OpenDetails) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  /** Fires `event` as Electron would; returns whether a listener prevented the default. */
  emit(event: string, url: string): boolean {
    const e = navEvent(url);
    for (const l of this.listeners.get(event) ?? []) l(e);
    return e.defaultPrevented;
  }
  /** window.open / a link with target=_blank / a middle click, through the installed handler. */
  open(url: string, disposition: OpenDetails['disposition'] = 'foreground-tab'): 'allow' | 'deny' | 'no-handler' {
    if (!this.windowOpenHandler) return 'no-handler';
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition, referrer: { url: this.url, policy: 'default' } }).action;
  }
  asGuarded(): GuardedContents {
    return this as unknown as GuardedContents;
  }
}

export class FakeShell {
  readonly opened: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
  asShell(): ShellLike {
    return this as unknown as ShellLike;
  }
}

export interface PermissionDetails {
  requestingUrl?: string;
  mediaTypes?: string[];
  mediaType?: string;
  isMainFrame?: boolean;
  securityOrigin?: string;
}
type RequestHandler = (wc: { id: number }, permission: string, cb: (granted: boolean) => void, details: PermissionDetails) => void;
type CheckHandler = (wc: { id: number } | null, permission: string, origin: string, details: PermissionDetails) => boolean;

/** A session: records the permission request, check and device handlers. */
export class FakeSession {
  request: RequestHandler | null = null;
  check: CheckHandler | null = null;
  device: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(fn: RequestHandler | null) {
    this.request = fn;
  }
  setPermissionCheckHandler(fn: CheckHandler | null) {
    this.check = fn;
  }
  setDevicePermissionHandler(fn: ((details: unknown) => boolean) | null) {
    this.device = fn;
  }
  /** A permission request as Electron makes it; null when no handler answered (Electron's default grants!). */
  ask(wcId: number, permission: string, details: PermissionDetails): boolean | null {
    if (!this.request) return null;
    let granted: boolean | null = null;
    this.request({ id: wcId }, permission, (g) => (granted = g), details);
    return granted;
  }
  asSession(): SessionLike {
    return this as unknown as SessionLike;
  }
}

export { FakeIpcMain, topFrame, subFrame, type FakeIpcEvent } from '../../support/fake-ipc-main.js';

/** safeStorage: a reversible "encryption" that never contains the clear text, and call counts. */
export class FakeSafeStorage implements SafeStorageLike {
  encrypted = 0;
  decrypted = 0;
  constructor(
    public available = true,
    public backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret',
  ) {}
  isEncryptionAvailable() {
    return this.available;
  }
  encryptString(s: string) {
    this.encrypted++;
    // XOR with a key stream, prefixed: neither the text nor its base64/hex appears in the output.
    const bytes = Buffer.from(s, 'utf8').map((b, i) => b ^ (0xa5 + i * 31) % 256);
    return Buffer.concat([Buffer.from('v10'), bytes]);
  }
  decryptString(b: Buffer) {
    this.decrypted++;
    if (b.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(b.subarray(3).map((x, i) => x ^ (0xa5 + i * 31) % 256)).toString('utf8');
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
}
