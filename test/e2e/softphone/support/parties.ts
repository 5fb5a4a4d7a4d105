// Node-side handles on the pages: an agent (SipPhone harness) and a caller (customer line).
// Every wait polls a condition; nothing asserts on time (docs/architecture.md).
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { IpcChannel } from '../../../../common/ipc/contract.js';
import type { LiveSession } from '../../../../common/ipc/app-state.js';
import type { PhoneResult, PhoneSnapshot } from '../../../../renderer/src/softphone/phone.js';
import type { SipPhoneOptions } from '../../../../renderer/src/softphone/sip/options.js';
import type { AgentHarnessApi, CallerState, PhoneMethod, RecordedCall, SipAccount } from './page-api.js';
import type { SessionSpec } from './sessions.js';

/** The SIP domain of the test accounts (emulators/contact-center DEFAULT_SIP_DOMAIN). */
export const DOMAIN = 'agentdesk.test';
export const agentUri = (agentId: string) => `sip:${agentId}@${DOMAIN}`;

async function openPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  const lines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') lines.push(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  (page as Page & { consoleLines?: string[] }).consoleLines = lines;
  await page.goto(url);
  await page.waitForFunction(() => window.pageReady === true);
  return { context, page };
}

export interface AgentOpenOptions {
  options?: Partial<SipPhoneOptions>;
  /** Digest credentials for a server that challenges REGISTER. */
  credentials?: Pick<SipAccount, 'authorizationUsername' | 'password'>;
  autoCore?: boolean;
  forward?: boolean;
  beforeCreate?: (page: Page) => Promise<void>;
}

export class Agent {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly uri: string,
  ) {}

  /**
   * A harness page with a SipPhone registered (later) as sip:<agentId>@agentdesk.test. `forward`:
   * contract calls go to `window.forwardInvoke`, which `beforeCreate` exposes.
   */
  static async open(browser: Browser, siteUrl: string, wsUrl: string, agentId: string, opts: AgentOpenOptions = {}): Promise<Agent> {
    const { context, page } = await openPage(browser, `${siteUrl}/harness/`);
    await opts.beforeCreate?.(page);
    const uri = agentUri(agentId);
    const account: SipAccount = { wsUrl, uri, displayName: agentId, ...opts.credentials };
    await page.evaluate(([a, o, auto, fwd]) => window.agentHarness.create(a, o, auto, fwd), [account, opts.options ?? {}, opts.autoCore ?? true, opts.forward ?? false] as const);
    return new Agent(page, context, uri);
  }

  run<T = unknown>(method: PhoneMethod, ...args: unknown[]): Promise<PhoneResult<T>> {
    return this.page.evaluate(([m, a]) => window.agentHarness.run(m, ...a), [method, args] as const) as Promise<PhoneResult<T>>;
  }

  /** Run and expect ok. */
  async ok<T = unknown>(method: PhoneMethod, ...args: unknown[]): Promise<T> {
    const r = await this.run<T>(method, ...args);
    if (!r.ok) throw new Error(`${method}(${JSON.stringify(args)}) failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }

  async register(): Promise<void> {
    await this.ok('register');
    await this.waitForRegistration('registered');
  }

  offer(spec: SessionSpec): Promise<void> {
    return this.page.evaluate((s) => window.agentHarness.offer(s), spec);
  }

  setPhase(sessionId: string, phase: LiveSession['phase']): Promise<void> {
    return this.page.evaluate(([id, p]) => window.agentHarness.setPhase(id, p), [sessionId, phase] as const);
  }

  reply(channel: IpcChannel, result: unknown): Promise<void> {
    return this.page.evaluate(([c, r]) => window.agentHarness.reply(c, r), [channel, result] as const);
  }

  calls(channel?: IpcChannel): Promise<RecordedCall[]> {
    return this.page.evaluate((c) => window.agentHarness.calls().filter((x) => !c || x.channel === c), channel ?? null);
  }

  snapshot(): Promise<PhoneSnapshot> {
    return this.page.evaluate(() => window.agentHarness.snapshot());
  }

  incoming(): Promise<string[]> {
    return this.page.evaluate(() => window.agentHarness.incoming());
  }

  stats(sessionId: string) {
    return this.page.evaluate((id) => window.agentHarness.stats(id), sessionId);
  }

  debug(): Promise<ReturnType<AgentHarnessApi['debug']>> {
    return this.page.evaluate(() => window.agentHarness.debug());
  }

  async waitForRegistration(state: PhoneSnapshot['registration']): Promise<void> {
    await expect.poll(async () => (await this.snapshot()).registration, { message: `${this.uri} registration ${state}`, timeout: 30_000 }).toBe(state);
  }

  /** Waits until the double recorded a contract call on `channel` (with this session id). */
  async waitForContract(channel: IpcChannel, sessionId?: string): Promise<RecordedCall> {
    const match = (c: RecordedCall) => !sessionId || (c.request as { sessionId?: string }).sessionId === sessionId;
    await expect.poll(async () => (await this.calls(channel)).some(match), { message: `${this.uri}: ${channel} ${sessionId ?? ''}`, timeout: 20_000 }).toBe(true);
    return (await this.calls(channel)).find(match) as RecordedCall;
  }

  async waitForCallStatus(sessionId: string, status: string | undefined): Promise<void> {
    await expect.poll(async () => (await this.snapshot()).calls[sessionId]?.status, { message: `${this.uri}: ${sessionId} status ${status}`, timeout: 20_000 }).toBe(status);
  }

  /** The SIP call of this session is in `state` (sip.js SessionState), or gone (null). */
  async waitForSip(sessionId: string, state: string | null): Promise<void> {
    await expect
      .poll(async () => (await this.debug()).calls.find((c) => c.sessionId === sessionId)?.sipState ?? null, { message: `${this.uri}: SIP ${sessionId} ${state}`, timeout: 20_000 })
      .toBe(state);
  }

  /** Inbound RTP packets keep arriving: two readings, the second higher. */
  async waitForAudioIn(sessionId: string): Promise<void> {
    const first = (await this.stats(sessionId))?.packetsReceived ?? 0;
    await expect.poll(async () => (await this.stats(sessionId))?.packetsReceived ?? 0, { message: `${this.uri}: audio in for ${sessionId}`, timeout: 20_000 }).toBeGreaterThan(first);
  }

  consoleLines(): string[] {
    return (this.page as Page & { consoleLines?: string[] }).consoleLines ?? [];
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => window.agentHarness.unregister()).catch(() => undefined);
    await this.context.close();
  }
}

export class Caller {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly uri: string,
  ) {}

  /** A customer line registered as `number` (sip:<number>@agentdesk.test); `rfc4733: false`: DTMF reaches it as SIP INFO. */
  static async open(browser: Browser, siteUrl: string, wsUrl: string, number = '+821012345678', autoAnswer = true, line: { rfc4733?: boolean; password?: string } = {}): Promise<Caller> {
    const { context, page } = await openPage(browser, `${siteUrl}/caller/`);
    const uri = `sip:${number}@${DOMAIN}`;
    const account: SipAccount = { wsUrl, uri, displayName: 'Customer', ...(line.password !== undefined ? { password: line.password } : {}) };
    await page.evaluate(([a, auto, rfc4733]) => window.caller.start(a, { autoAnswer: auto, rfc4733 }), [account, autoAnswer, line.rfc4733 ?? true] as const);
    return new Caller(page, context, uri);
  }

  call(target: string, sessionId: string | null, extraHeaders: string[] = []): Promise<number> {
    return this.page.evaluate(([t, s, h]) => window.caller.call(t, s, h), [target, sessionId, extraHeaders] as const);
  }

  hangup(index: number): Promise<void> {
    return this.page.evaluate((i) => window.caller.hangup(i), index);
  }

  sendInfo(index: number, tone: string): Promise<void> {
    return this.page.evaluate(([i, t]) => window.caller.sendInfo(i, t), [index, tone] as const);
  }

  state(): Promise<CallerState> {
    return this.page.evaluate(() => window.caller.state());
  }

  stats(index: number) {
    return this.page.evaluate((i) => window.caller.stats(i), index);
  }

  async waitForCall(index: number, state: string): Promise<void> {
    await expect.poll(async () => (await this.state()).calls[index]?.state, { message: `caller call ${index} ${state}`, timeout: 20_000 }).toBe(state);
  }

  async waitForAudioIn(index: number): Promise<void> {
    const first = (await this.stats(index))?.packetsReceived ?? 0;
    await expect.poll(async () => (await this.stats(index))?.packetsReceived ?? 0, { message: `caller: audio in on call ${index}`, timeout: 20_000 }).toBeGreaterThan(first);
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => window.caller.stop()).catch(() => undefined);
    await this.context.close();
  }
}
