// Who is signed in, and the agent session that goes with it. At start the configured token, else
// the stored one (secret `cc.token`), resumes a session; without either the core waits signed out.
// `signIn` opens a session with the agent's token and answers once the contact center greeted the
// agent (`hello`) or refused; only then are the token and the SIP password stored (or held in
// memory for this run). `signOut` stops the session (pending CRM writes stay journalled under the
// identity) and forgets both. A stored token the contact center later refuses is forgotten too.
import type { Agent } from '../../common/protocol/index.js';
import type { AppState, IpcError, IpcRequest, IpcResponse, IpcResult, LocalizedText } from '../../common/ipc/index.js';
import { tokenIdentity, type CcConnectError } from '../adapters/contact-center/cc-connection.js';
import type { AgentSession, AgentSessionEvents } from './agent-session.js';
import { AUTH_TEXTS, type AuthErrorCode } from './auth-texts.js';
import type { AppConfig } from './config.js';
import type { CoreSecrets } from './core-secrets.js';
import type { Log } from './ports.js';
import { signedOutAuth } from './state/initial-state.js';

type Outcome = { ok: true; agent: Agent } | { ok: false; code: AuthErrorCode; detail: string; text: LocalizedText };
type Source = NonNullable<NonNullable<AppState['auth']>['source']>;

export interface AgentAuthDeps {
  config: AppConfig;
  secrets: CoreSecrets;
  log: Log;
  update(change: (s: AppState) => void): void;
  /** Creates (does not start) the session of a token; throws when its journal is in use. */
  open(token: string, events: AgentSessionEvents): AgentSession;
  /** The agent's part of the state goes (sign-out, refusal). */
  clear(s: AppState): void;
  /** The SIP password changed (the softphone's `hasPassword`). */
  secretsChanged(): void;
  notice(s: AppState, key: string, text: LocalizedText): void;
  signInTimeoutMs: number;
}

function failure(code: AuthErrorCode, detail: string, text: LocalizedText): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message: detail, text } };
}

export class AgentAuth {
  private current: AgentSession | null = null;
  private source: Source | null = null;
  private pending: ((o: Outcome) => void) | null = null;
  /** The last session's stop, which a new sign-in waits for (the journal lock). */
  private stopping: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly d: AgentAuthDeps) {}

  /** The signed-in (or signing-in) agent's session. */
  get session(): AgentSession | null {
    return this.current;
  }

  /** At start: the configured token, else the stored one; without either, wait signed out. */
  resume(): void {
    const configured = this.d.config.contactCenter.token;
    const token = configured ?? this.d.secrets.get('cc.token');
    if (!token) {
      this.d.update((s) => {
        s.connection.contactCenter = 'disconnected';
        s.auth = signedOutAuth(this.d.config);
      });
      this.d.log.info('auth.signed_out', { reason: 'no token' });
      return;
    }
    const source: Source = configured ? 'config' : 'stored';
    let session: AgentSession;
    try {
      session = this.open(token);
    } catch (e) {
      const o = this.openFailure(e, token);
      this.d.update((s) => {
        s.connection.contactCenter = 'disconnected';
        s.auth = signedOutAuth(this.d.config, { state: 'failed', error: { code: o.code, text: o.text } });
      });
      return;
    }
    this.current = session;
    this.source = source;
    this.d.update((s) => {
      s.auth = signedOutAuth(this.d.config, { state: 'signed-in', email: session.identity, source });
    });
    session.start('resume');
  }

  async signIn(req: IpcRequest<'auth:signIn'>): Promise<IpcResult<IpcResponse<'auth:signIn'>>> {
    if (this.closed) return failure('stopping', 'AgentDesk is closing', AUTH_TEXTS.stopping());
    if (this.pending) return failure('busy', 'a sign-in is in progress', AUTH_TEXTS.busy());
    if (this.current) return failure('already_signed_in', `signed in as ${this.current.identity}`, AUTH_TEXTS.alreadySignedIn(this.current.identity));
    let early: Outcome | null = null;
    const outcome = new Promise<Outcome>((resolve) => {
      this.pending = (o) => {
        early ??= o;
        resolve(o);
      };
    });
    await this.stopping;
    // Signed out (or quitting) while the previous session was still stopping.
    const cancelled = early as Outcome | null;
    if (cancelled && !cancelled.ok) {
      this.pending = null;
      return failure(cancelled.code, cancelled.detail, cancelled.text);
    }
    const token = req.token;
    let session: AgentSession;
    try {
      // Held before connecting, so the softphone state of the first hello already knows it.
      if (req.sipPassword) this.d.secrets.hold('sip.password', req.sipPassword);
      session = this.open(token);
    } catch (e) {
      this.pending = null;
      this.d.secrets.release('sip.password');
      const o = this.openFailure(e, token);
      this.d.update((s) => {
        s.auth = signedOutAuth(this.d.config, { state: 'failed', error: { code: o.code, text: o.text } });
      });
      return failure(o.code, o.detail, o.text);
    }
    this.current = session;
    this.d.update((s) => {
      s.connection = { contactCenter: 'connecting', detail: null, duplicateInstance: false };
      s.auth = signedOutAuth(this.d.config, { state: 'signing-in', email: session.identity });
    });
    this.d.log.info('auth.signing_in', { identity: session.identity });
    const url = this.d.config.contactCenter.url;
    const timer = setTimeout(() => this.pending?.({ ok: false, code: 'timeout', detail: 'no hello from the contact center', text: AUTH_TEXTS.timeout(url) }), this.d.signInTimeoutMs);
    timer.unref?.();
    session.start('verify');
    const result = await outcome;
    clearTimeout(timer);
    this.pending = null;

    if (!result.ok) {
      this.d.secrets.release('sip.password');
      this.d.log.warn('auth.sign_in_failed', { identity: session.identity, code: result.code, detail: result.detail });
      if (this.current === session) {
        this.current = null;
        this.stopping = session.stop();
      }
      // A cancelled sign-in (sign-out, quit) leaves the state to whoever cancelled it.
      if (result.code !== 'cancelled') {
        this.d.update((s) => {
          this.d.clear(s);
          s.auth = signedOutAuth(this.d.config, { state: 'failed', error: { code: result.code, text: result.text } });
        });
      }
      await this.stopping;
      return failure(result.code, result.detail, result.text);
    }

    const remember = req.remember ?? true;
    let remembered = false;
    let problem: string | null = null;
    if (remember) {
      const w = this.d.secrets.set('cc.token', token);
      remembered = w.ok;
      if (!w.ok) problem = w.message;
      // A SIP password that cannot be stored stays held for this run.
      if (req.sipPassword && this.d.secrets.set('sip.password', req.sipPassword).ok === false) this.d.secrets.hold('sip.password', req.sipPassword);
    } else {
      // "Not on this computer": nothing of an earlier remembered sign-in may linger.
      this.d.secrets.delete('cc.token');
    }
    this.source = remembered ? 'stored' : 'session';
    const source = this.source;
    this.d.update((s) => {
      s.auth = signedOutAuth(this.d.config, { state: 'signed-in', email: result.agent.email, source });
      if (problem) this.d.notice(s, 'auth.notRemembered', AUTH_TEXTS.notRemembered(problem));
    });
    if (req.sipPassword) this.d.secretsChanged();
    this.d.log.info('auth.signed_in', { identity: session.identity, remembered });
    return { ok: true, value: { email: result.agent.email, remembered } };
  }

  /** Disconnect, stop the engines (pending writes stay journalled) and forget the token and SIP password. */
  async signOut(): Promise<void> {
    this.pending?.({ ok: false, code: 'cancelled', detail: 'signed out', text: AUTH_TEXTS.cancelled() });
    const session = this.current;
    this.current = null;
    this.source = null;
    if (session) this.stopping = session.stop();
    this.d.secrets.delete('cc.token');
    this.d.secrets.delete('sip.password');
    this.d.update((s) => {
      this.d.clear(s);
      s.auth = signedOutAuth(this.d.config);
    });
    this.d.log.info('auth.signed_out', { identity: session?.identity ?? null });
    await this.stopping;
  }

  /** Quit: stop the session, keep the stored sign-in for the next start. */
  async stop(): Promise<void> {
    this.closed = true;
    this.pending?.({ ok: false, code: 'cancelled', detail: 'AgentDesk is closing', text: AUTH_TEXTS.stopping() });
    const session = this.current;
    this.current = null;
    if (session) this.stopping = session.stop();
    await this.stopping;
  }

  private open(token: string): AgentSession {
    let session: AgentSession | null = null;
    const events: AgentSessionEvents = {
      hello: (agent) => {
        if (!session || session !== this.current) return;
        if (this.pending) this.pending({ ok: true, agent });
        else
          this.d.update((s) => {
            if (s.auth?.state === 'signed-in') s.auth.email = agent.email;
          });
      },
      connectError: (e) => {
        if (session && session === this.current) this.connectError(session, e);
      },
    };
    session = this.d.open(token, events);
    return session;
  }

  private connectError(session: AgentSession, e: CcConnectError): void {
    const url = this.d.config.contactCenter.url;
    if (this.pending) {
      this.pending(e.refused ? { ok: false, code: 'auth_refused', detail: e.message, text: AUTH_TEXTS.refused(e.message) } : { ok: false, code: 'unreachable', detail: e.message, text: AUTH_TEXTS.unreachable(url, e.message) });
      return;
    }
    // Signed in, and now refused (a revoked or expired token): socket.io will not retry it.
    if (!e.refused) return;
    this.d.log.warn('auth.refused', { identity: session.identity, source: this.source, detail: e.message });
    if (this.source === 'stored') this.d.secrets.delete('cc.token');
    this.current = null;
    this.source = null;
    this.stopping = session.stop();
    this.d.update((s) => {
      this.d.clear(s);
      s.auth = signedOutAuth(this.d.config, { state: 'failed', error: { code: 'session_refused', text: AUTH_TEXTS.sessionRefused(e.message) } });
    });
  }

  private openFailure(e: unknown, token: string): Extract<Outcome, { ok: false }> {
    const detail = e instanceof Error ? e.message : String(e);
    this.d.log.error('auth.open_failed', { error: detail });
    if (/in use/.test(detail)) return { ok: false, code: 'in_use', detail, text: AUTH_TEXTS.inUse(tokenIdentity(token)) };
    return { ok: false, code: 'failed', detail, text: AUTH_TEXTS.failed(detail) };
  }
}
