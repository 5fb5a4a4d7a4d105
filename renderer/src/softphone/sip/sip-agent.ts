// The sip.js user agent of the softphone: one UserAgent over the WebSocket, one Registerer, and
// the SignallingPort the registration controller drives. sip.js' own reconnection is off
// (reconnectionAttempts 0): registration.ts owns the schedule.
import {
  RegistererState,
  RequestPendingError,
  SIPExtension,
  UserAgent,
  Registerer,
  Web,
  type Invitation,
  type LogLevel,
  type Referral,
  type URI,
} from 'sip.js';
import type { RegisterOutcome, SignallingPort } from './registration.js';
import type { SipPhoneOptions } from './options.js';
import type { MediaStreamFactory } from './microphone.js';

export interface AgentConfig {
  wsUrl: string;
  uri: string;
  authorizationUsername: string;
  displayName: string;
  password: string | null;
}

export interface AgentHandlers {
  onInvite(invitation: Invitation): void;
  /** An out-of-dialog REFER (not expected: transfers arrive inside a dialog). */
  onRefer?(referral: Referral): void;
  onConnect(): void;
  onDisconnect(error?: Error): void;
}

export class SipAgent implements SignallingPort {
  readonly ua: UserAgent;
  private registerer: Registerer;
  private started = false;

  constructor(
    private readonly config: AgentConfig,
    private readonly options: SipPhoneOptions,
    mediaStreamFactory: MediaStreamFactory,
    handlers: AgentHandlers,
  ) {
    const uri = UserAgent.makeURI(config.uri);
    if (!uri) throw new Error(`The SIP URI "${config.uri}" is not valid.`);
    this.ua = new UserAgent({
      uri,
      transportOptions: { server: config.wsUrl, connectionTimeout: options.connectionTimeoutSec, traceSip: options.traceSip },
      authorizationUsername: config.authorizationUsername || undefined,
      authorizationPassword: config.password ?? undefined,
      displayName: config.displayName || undefined,
      // Our own capped backoff runs the reconnects (registration.ts).
      reconnectionAttempts: 0,
      // Attended transfers complete with INVITE/Replaces (RFC 3891).
      sipExtensionReplaces: SIPExtension.Supported,
      userAgentString: 'AgentDesk softphone (sip.js 0.21)',
      logLevel: options.logLevel as LogLevel,
      logBuiltinEnabled: options.logLevel !== 'error',
      sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(mediaStreamFactory),
      sessionDescriptionHandlerFactoryOptions: {
        // A closed network has no public STUN server: iceServers [] unless configured.
        peerConnectionConfiguration: { iceServers: options.iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' },
        iceGatheringTimeout: options.iceGatheringTimeoutMs,
      },
      delegate: {
        onInvite: (inv) => handlers.onInvite(inv),
        onRefer: (ref) => (handlers.onRefer ? handlers.onRefer(ref) : void ref.reject()),
        onConnect: () => handlers.onConnect(),
        onDisconnect: (e) => handlers.onDisconnect(e),
      },
    });
    this.registerer = this.makeRegisterer();
  }

  get ownUri(): URI {
    return this.ua.configuration.uri;
  }

  private makeRegisterer(): Registerer {
    return new Registerer(this.ua, { expires: this.options.registerExpiresSec });
  }

  async connect(): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.ua.start();
      return;
    }
    await this.ua.reconnect();
  }

  async disconnect(): Promise<void> {
    if (this.ua.isConnected()) await this.ua.transport.disconnect();
  }

  isConnected(): boolean {
    return this.ua.isConnected();
  }

  register(): Promise<RegisterOutcome> {
    return new Promise<RegisterOutcome>((resolve) => {
      let settled = false;
      const done = (r: RegisterOutcome) => {
        if (settled) return;
        settled = true;
        resolve(r);
      };
      const send = (reg: Registerer, retried: boolean): void => {
        reg
          .register({
            requestDelegate: {
              onAccept: () => done({ ok: true }),
              onReject: (res) => {
                const status = res.message.statusCode ?? 0;
                const reason = res.message.reasonPhrase ?? '';
                // 401/407 are answered by sip.js with the credentials; a reject here is final.
                done({ ok: false, status, reason, retryable: status === 408 || status === 480 || status >= 500 });
              },
            },
          })
          .catch((e: unknown) => {
            if (e instanceof RequestPendingError && !retried) {
              // A REGISTER sent on a connection that died never got its answer, and sip.js waits
              // 32 s for it. Use a fresh Registerer (new Call-ID, same Contact) instead of waiting.
              this.registerer = this.makeRegisterer();
              send(this.registerer, true);
              return;
            }
            done({ ok: false, status: 0, reason: e instanceof Error ? e.message : String(e), retryable: true });
          });
      };
      send(this.registerer, false);
    });
  }

  async unregister(): Promise<void> {
    if (this.registerer.state !== RegistererState.Registered) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 2000);
      this.registerer
        .unregister({ requestDelegate: { onAccept: () => (clearTimeout(t), resolve()), onReject: () => (clearTimeout(t), resolve()) } })
        .catch(() => (clearTimeout(t), resolve()));
    });
  }

  ping(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const core = this.ua.userAgentCore;
      const own = this.ua.configuration.uri;
      const target = UserAgent.makeURI(`${own.scheme}:${own.host}${own.port ? `:${own.port}` : ''}`);
      if (!target || !this.ua.isConnected()) {
        resolve(false);
        return;
      }
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const answered = () => {
        clearTimeout(timer);
        resolve(true);
      };
      try {
        const msg = core.makeOutgoingRequestMessage('OPTIONS', target, own, target, {});
        // Any final answer (even 404/484 from a proxy that does not serve OPTIONS) proves liveness;
        // a transport error is synthesised as 503 by sip.js, so that one does not count.
        core.request(msg, {
          onAccept: answered,
          onReject: (r) => (r.message.statusCode === 503 && !r.message.getHeader('via') ? (clearTimeout(timer), resolve(false)) : answered()),
          onRedirect: answered,
        });
      } catch {
        clearTimeout(timer);
        resolve(false);
      }
    });
  }

  async stop(): Promise<void> {
    await this.ua.stop().catch(() => undefined);
  }
}
